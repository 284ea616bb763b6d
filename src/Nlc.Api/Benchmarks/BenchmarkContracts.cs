using Nlc.Core.Benchmarking;

namespace Nlc.Api.Benchmarks;

/// <summary>
/// A peer group's statistics. When <see cref="WithheldReason"/> is set the statistics are left out for privacy; a metric
/// is null when too few cities had a score for it. <see cref="NotComparable"/> lists ids that do not exist in every
/// rubric version among the group's assessments and so were not pooled.
/// </summary>
public sealed record BenchmarkResponse(
    string RubricId,
    int RubricMajor,
    string Period,
    int N,
    int MinimumGroupSize,
    string? WithheldReason,
    Summary? Overall,
    IReadOnlyDictionary<string, Summary?> Pillars,
    IReadOnlyDictionary<string, Summary?> Practices,
    IReadOnlyList<string> NotComparable);

/// <summary>A city's score on one metric and its percentile rank in the group (0–100, mid-rank for ties).</summary>
public sealed record MetricPosition(double? Score, double? PercentileRank);

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
