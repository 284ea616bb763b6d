namespace Nlc.Core.Benchmarking;

/// <summary>
/// The statistics of one peer group: how many cities, and a <see cref="Distribution"/> per metric (null where no city had a score).
/// </summary>
public sealed record GroupStatistics(
    int N,
    Distribution? Overall,
    IReadOnlyDictionary<string, Distribution?> Pillars,
    IReadOnlyDictionary<string, Distribution?> Practices)
{
    /// <summary>The statistics of <paramref name="cities"/> for the given pillar and practice ids.</summary>
    public static GroupStatistics Of(IReadOnlyList<ScoredCity> cities, IEnumerable<string> pillarIds, IEnumerable<string> practiceIds) => new(
        cities.Count,
        Distribution.Of(Scored(cities.Select(c => c.Overall))),
        pillarIds.ToDictionary(id => id, id => Distribution.Of(Scored(cities.Select(c => c.Pillars.GetValueOrDefault(id))))),
        practiceIds.ToDictionary(id => id, id => Distribution.Of(Scored(cities.Select(c => c.Practices.GetValueOrDefault(id))))));

    /// <summary>The scores that exist, without boxing each one as OfType would.</summary>
    private static IEnumerable<double> Scored(IEnumerable<double?> scores) => scores.Where(s => s.HasValue).Select(s => s!.Value);
}
