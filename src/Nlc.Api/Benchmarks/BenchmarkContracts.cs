using System.Text.Json.Serialization;
using Nlc.Core.Benchmarking;

namespace Nlc.Api.Benchmarks;

/// <summary>
/// A peer group's statistics. When <c>withheldReason</c> is set the statistics are left out for privacy; a metric
/// is null when too few cities had a score for it. <c>notComparable</c> lists ids that do not exist in every
/// rubric version among the group's assessments and so were not pooled. City and partner keys never get exact figures:
/// <c>overall</c>, <c>pillars</c> and <c>practices</c> stay null or empty for them, and
/// <c>bands</c> holds what they may see.
/// </summary>
public sealed record BenchmarkResponse(
    string RubricId,
    int RubricMajor,
    string Period,
    int N,
    int MinimumGroupSize,
    string? WithheldReason,
    Distribution? Overall,
    IReadOnlyDictionary<string, Distribution?> Pillars,
    IReadOnlyDictionary<string, Distribution?> Practices,
    IReadOnlyList<string> NotComparable)
{
    /// <summary>"banded" for city and partner keys (figures are score bands, never exact); absent for admin and hub keys, whose figures are exact.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Disclosure { get; init; }

    /// <summary>The width of every band in <c>bands</c> (20: 0–20, 20–40, …, 80–100, with 100 in 80–100); absent with exact figures.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? BandWidth { get; init; }

    /// <summary>For city and partner keys: n and the bands of q1, median and q3 per metric; absent when the group is withheld or the figures are exact.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public BenchmarkBands? Bands { get; init; }

    /// <summary>For city and partner keys: why a metric is missing from <c>bands</c>, keyed <c>overall</c>, <c>pillar:&lt;id&gt;</c>, <c>practice:&lt;id&gt;</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? WithheldMetrics { get; init; }
}

/// <summary>
/// What city and partner keys see of a group: per metric, n and the 20-point bands of q1, median and q3. A withheld metric is
/// null (overall) or left out (pillars, practices), with its reason in <c>withheldMetrics</c>.
/// </summary>
public sealed record BenchmarkBands(
    BandedDistribution? Overall,
    IReadOnlyDictionary<string, BandedDistribution> Pillars,
    IReadOnlyDictionary<string, BandedDistribution> Practices)
{
    /// <summary>The bands of <paramref name="released"/>, leaving withheld metrics out.</summary>
    public static BenchmarkBands Of(RestrictedStatistics released) => new(released.Overall, Shown(released.Pillars), Shown(released.Practices));

    private static Dictionary<string, BandedDistribution> Shown(IReadOnlyDictionary<string, BandedDistribution?> metrics) =>
        metrics.Where(m => m.Value is not null).ToDictionary(m => m.Key, m => m.Value!);
}

/// <summary>A city's score on one metric and its percentile rank in the group (0–100, mid-rank for ties).</summary>
public sealed record MetricPosition(double? Score, double? PercentileRank)
{
    /// <summary>
    /// For city keys, in place of the rank: the quarter of the group the score falls in, judged against the released bands
    /// ("below-q1", "q1-median", "median-q3", "above-q3", or a range such as "q1-median to median-q3"); absent for admin and hub keys.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Quarter { get; init; }
}

/// <summary>Where one city stands in a peer group, beside the group's statistics.</summary>
public sealed record PositionResponse(
    string CityId,
    string AssessmentId,
    MetricPosition Overall,
    IReadOnlyDictionary<string, MetricPosition> Pillars,
    IReadOnlyDictionary<string, MetricPosition> Practices,
    BenchmarkResponse Group);

/// <summary>One city's place in a ranking; equal scores share a rank.</summary>
public sealed record RankingEntry(int Rank, string CityId, string CityName, double? Score);

/// <summary>The cities of a group ranked by one metric, best first; cities without a score on it come last.</summary>
public sealed record RankingResponse(string Metric, int N, IReadOnlyList<RankingEntry> Items);
