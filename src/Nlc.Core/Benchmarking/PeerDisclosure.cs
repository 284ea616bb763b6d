namespace Nlc.Core.Benchmarking;

/// <summary>
/// How much of a peer group a caller may be shown: the exact statistics (callers who may see single cities), or only what
/// <see cref="RestrictedRelease"/> releases with threshold <see cref="K"/> (groups and metrics of at least 2k cities, bands
/// instead of figures, no group nested in another askable one with fewer than k cities between them).
/// </summary>
public sealed record PeerDisclosure(bool IsRestricted, int K)
{
    /// <summary>The default k.</summary>
    public const int DefaultK = 5;

    /// <summary>Exact statistics, for callers who may see single cities.</summary>
    public static PeerDisclosure Exact { get; } = new(false, 0);

    /// <summary>Only what <see cref="RestrictedRelease"/> releases with threshold <paramref name="k"/>.</summary>
    public static PeerDisclosure Restricted(int k) => new(true, k);
}
