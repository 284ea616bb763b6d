namespace Nlc.Core.Benchmarking;

/// <summary>
/// One city's validated scores in a period, as benchmarks use them: overall, by pillar id and by practice id
/// (a null score means nothing applicable was answered there). <see cref="RubricVersion"/> is the version it was scored with.
/// </summary>
public sealed record ScoredCity(
    string CityId,
    string CityName,
    string AssessmentId,
    string RubricVersion,
    double? Overall,
    IReadOnlyDictionary<string, double?> Pillars,
    IReadOnlyDictionary<string, double?> Practices);
