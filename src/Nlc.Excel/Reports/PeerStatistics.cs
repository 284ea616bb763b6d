using Nlc.Core.Benchmarking;

namespace Nlc.Excel.Reports;

/// <summary>
/// How a peer group scored, shown beside a city's own scores: quartiles per pillar and practice (keyed by id) and of the
/// overall index. An id left out (or a null <see cref="Overall"/>) shows no peer figures there, e.g. when withheld for privacy.
/// </summary>
/// <param name="Description">Who the peers are, e.g. "12 validated assessments in ME, 2025".</param>
/// <param name="Overall">The quartiles of the overall index, or null.</param>
/// <param name="Pillars">Quartiles by pillar id.</param>
/// <param name="Practices">Quartiles by practice id.</param>
public sealed record PeerStatistics(
    string Description,
    PeerQuartiles? Overall,
    IReadOnlyDictionary<string, PeerQuartiles> Pillars,
    IReadOnlyDictionary<string, PeerQuartiles> Practices)
{
    /// <summary>
    /// For a reader who may not see exact peer figures: the score bands shown instead (the exact quartiles are then left
    /// empty and never written), or null for exact figures.
    /// </summary>
    public PeerBands? Bands { get; init; }

    /// <summary>Why no peer figures are shown at all (e.g. the group is too small to keep cities anonymous), or null when some are shown.</summary>
    public string? WithheldReason { get; init; }
}

/// <summary>The first quartile, median and third quartile of one score across a peer group (0–100).</summary>
public readonly record struct PeerQuartiles(double Q1, double Median, double Q3);

/// <summary>Peer figures as score bands, of the overall index and by pillar and practice id; an id left out (or a null overall) shows none.</summary>
public sealed record PeerBands(
    BandedDistribution? Overall,
    IReadOnlyDictionary<string, BandedDistribution> Pillars,
    IReadOnlyDictionary<string, BandedDistribution> Practices);
