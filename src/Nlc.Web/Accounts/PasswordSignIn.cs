using Microsoft.AspNetCore.Identity;
using Nlc.Storage;

namespace Nlc.Web.Accounts;

/// <summary>How a sign-in attempt ended.</summary>
public enum SignInOutcome
{
    /// <summary>The email and password match a usable account.</summary>
    SignedIn,

    /// <summary>Wrong email or password, or an account that cannot sign in; the person is not told which.</summary>
    Failed,

    /// <summary>Too many failures with this email address: refused for a while, whether or not the account exists.</summary>
    LockedOut,
}

/// <summary>Checks an email and password against the accounts, counting failures and locking after too many.</summary>
public sealed class PasswordSignIn(AccountStore accounts, IPasswordHasher<Account> hasher, UnknownAccountFailures unknown, TimeProvider clock)
{
    // Verified against when there is no account, so an unknown email takes as long to refuse as a wrong password.
    private static readonly string DummyHash = new PasswordHasher<Account>().HashPassword(null!, "not a password of anyone");

    /// <summary>The lockout rule in force.</summary>
    public LockoutRule Rule { get; } = LockoutRule.Default;

    /// <summary>Checks <paramref name="email"/> and <paramref name="password"/>; the account when signed in.</summary>
    public async Task<(SignInOutcome Outcome, Account? Account)> CheckAsync(string email, string password, CancellationToken cancellationToken)
    {
        var account = await accounts.FindByEmailAsync(email, cancellationToken);
        if (account is null || account.PasswordHash is null || account.DisabledAt is not null)
        {
            hasher.VerifyHashedPassword(null!, DummyHash, password);
            return (unknown.RecordFailure(email, Rule) ? SignInOutcome.LockedOut : SignInOutcome.Failed, null);
        }

        if (account.IsLockedAt(clock.GetUtcNow()))
        {
            return (SignInOutcome.LockedOut, null);
        }

        if (hasher.VerifyHashedPassword(account, account.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            var after = await accounts.RecordFailedSignInAsync(account.Id, Rule, cancellationToken);
            return (after is not null && after.IsLockedAt(clock.GetUtcNow()) ? SignInOutcome.LockedOut : SignInOutcome.Failed, null);
        }

        await accounts.RecordSignInAsync(account.Id, cancellationToken);
        return (SignInOutcome.SignedIn, account);
    }
}
