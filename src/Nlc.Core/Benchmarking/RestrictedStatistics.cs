namespace Nlc.Core.Benchmarking;

/// <summary>
/// A peer group's statistics as a caller who may not see single cities sees them: n, and per metric the bands of
/// <see cref="BandedDistribution"/>, or null with the reason in <see cref="WithheldMetrics"/> (keyed <c>overall</c>,
/// <c>pillar:&lt;id&gt;</c>, <c>practice:&lt;id&gt;</c>).
/// </summary>
public sealed record RestrictedStatistics(
    int N,
    BandedDistribution? Overall,
    IReadOnlyDictionary<string, BandedDistribution?> Pillars,
    IReadOnlyDictionary<string, BandedDistribution?> Practices,
    IReadOnlyDictionary<string, string> WithheldMetrics);
