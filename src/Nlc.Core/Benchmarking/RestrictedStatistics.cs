namespace Nlc.Core.Benchmarking;

/// <summary>
/// A peer group's statistics as a caller who may not see single cities sees them: n, and per metric the bands of
/// <see cref="BandedSummary"/>, or null with the reason in <see cref="WithheldMetrics"/> (keyed <c>overall</c>,
/// <c>pillar:&lt;id&gt;</c>, <c>practice:&lt;id&gt;</c>).
/// </summary>
public sealed record RestrictedStatistics(
    int N,
    BandedSummary? Overall,
    IReadOnlyDictionary<string, BandedSummary?> Pillars,
    IReadOnlyDictionary<string, BandedSummary?> Practices,
    IReadOnlyDictionary<string, string> WithheldMetrics);
