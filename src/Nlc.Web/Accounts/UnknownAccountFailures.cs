using Microsoft.Extensions.Caching.Memory;
using Nlc.Storage;

namespace Nlc.Web.Accounts;

/// <summary>
/// Failed sign-ins with email addresses that have no usable account, counted in memory under the same lockout rule as
/// real accounts, so the lockout message cannot tell whether an account exists.
/// </summary>
public sealed class UnknownAccountFailures(TimeProvider clock)
{
    private readonly MemoryCache _failures = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    /// <summary>Counts a failure for <paramref name="email"/>; true when it is now locked under <paramref name="rule"/>.</summary>
    public bool RecordFailure(string email, LockoutRule rule)
    {
        var key = email.Trim().ToUpperInvariant();
        var now = clock.GetUtcNow();
        lock (_failures)
        {
            var entry = _failures.Get<Entry>(key) ?? new Entry(0, null);
            if (entry.LockedUntil is { } until && until > now)
            {
                return true;
            }

            var failures = entry.Failures + 1;
            entry = failures >= rule.MaxFailedSignIns ? new Entry(0, now + rule.LockFor) : new Entry(failures, null);
            _failures.Set(key, entry, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = rule.LockFor });
            return entry.LockedUntil is not null;
        }
    }

    /// <summary>Whether <paramref name="email"/> is locked now.</summary>
    public bool IsLocked(string email) =>
        _failures.Get<Entry>(email.Trim().ToUpperInvariant()) is { LockedUntil: { } until } && until > clock.GetUtcNow();

    private sealed record Entry(int Failures, DateTimeOffset? LockedUntil);
}
