using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Nlc.Api.Hosting;

namespace Nlc.Api.Security;

/// <summary>
/// Counts unknown or revoked keys per client address. An address that sent too many in a minute is refused with 429
/// before its next key is looked up, so guessing keys costs the database nothing. Keys that have worked since the
/// server started are still looked up, so users behind the same address (or proxy) as a guesser are not locked out;
/// they keep the per-key limit of <see cref="RateLimits"/>.
/// </summary>
public sealed class FailedAuthentications(NlcOptions options) : IDisposable
{
    private readonly ConcurrentDictionary<string, byte> _working = new(StringComparer.Ordinal);

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(
            address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.FailedAuthenticationsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    /// <summary>
    /// How long <paramref name="address"/> must wait before the key with hash <paramref name="keyHash"/> is looked up;
    /// null when it may be looked up now.
    /// </summary>
    public TimeSpan? Refusal(string address, string keyHash)
    {
        if (_working.ContainsKey(keyHash))
        {
            return null;
        }

        // Asking for no permits tells whether any are left without using one.
        using var lease = _limiter.AttemptAcquire(address, 0);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    /// <summary>Notes that the key with hash <paramref name="keyHash"/> authenticated.</summary>
    public void RecordSuccess(string keyHash) => _working.TryAdd(keyHash, 0);

    /// <summary>Counts one unknown or revoked key (hash <paramref name="keyHash"/>) sent from <paramref name="address"/>.</summary>
    public void RecordFailure(string address, string keyHash)
    {
        _working.TryRemove(keyHash, out _);
        using var lease = _limiter.AttemptAcquire(address);
    }

    /// <inheritdoc />
    public void Dispose() => _limiter.Dispose();
}
