using System.Threading.RateLimiting;

namespace Nlc.Api.Infrastructure;

/// <summary>
/// Counts unknown or revoked keys per client address. An address that sent too many in a minute is refused with 429
/// before its next key is looked up, so guessing keys costs the database nothing. Keys that work are limited per key
/// by <see cref="RateLimits"/>.
/// </summary>
public sealed class FailedAuthentications(NlcOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(
            address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.FailedAuthenticationsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    /// <summary>How long <paramref name="address"/> must wait before a key it sends is looked up again; null when it may try now.</summary>
    public TimeSpan? Refusal(string address)
    {
        // Asking for no permits tells whether any are left without using one.
        using var lease = _limiter.AttemptAcquire(address, 0);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    /// <summary>Counts one unknown or revoked key sent from <paramref name="address"/>.</summary>
    public void Record(string address)
    {
        using var _ = _limiter.AttemptAcquire(address);
    }

    /// <inheritdoc />
    public void Dispose() => _limiter.Dispose();
}
