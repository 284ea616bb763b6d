using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Nlc.Storage;

namespace Nlc.Web.Accounts;

/// <summary>
/// Checks a sign-in cookie against its account on every request: a disabled or deleted account, or a changed security
/// stamp (new password, reset, disable), ends the sign-in at once; otherwise the principal is rebuilt from the account,
/// so a changed role or city list applies at the next request. One indexed read per page.
/// </summary>
public static class AccountSessions
{
    /// <summary>The cookie scheme's OnValidatePrincipal handler.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountStore>();
        var id = context.Principal?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var stamp = context.Principal?.FindFirst(AccountPrincipal.StampClaim)?.Value;
        var account = id is null ? null : await accounts.FindAsync(id, context.HttpContext.RequestAborted);
        if (account is null || account.DisabledAt is not null || account.PasswordHash is null || account.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(WebAuthentication.CookieScheme);
            return;
        }

        context.ReplacePrincipal(AccountPrincipal.For(account));
    }
}
