namespace Nlc.Core.Benchmarking;

/// <summary>
/// The one rule for what callers who may not see single cities (city and partner keys) are shown of a peer group.
/// Groups come from fixed partitions only (the whole network, a country, a region or a population band, one at a time),
/// since tags and lists of cities are arbitrary sets whose differences single cities out. A group, and each metric in it,
/// needs at least 2k scored cities. What is shown is n and the 20-point <see cref="ScoreBand"/> of each quartile: any order
/// statistic can equal one city's exact score, and differencing means gives n × mean, so no exact figure is released;
/// on a fixed 20-point grid the most any released figure tells about one city is a 20-point band.
/// </summary>
public static class RestrictedRelease
{
    /// <summary>How many cities a group, and each metric in it, needs before restricted callers see it: twice k.</summary>
    public static int MinimumGroupSize(int k) => 2 * k;

    /// <summary>Whether restricted callers may ask for the group <paramref name="filter"/> draws (one fixed partition, or none).</summary>
    public static bool IsAllowed(PeerGroupFilter filter) => FilterRefusal(filter) is null;

    /// <summary>Null when restricted callers may ask for <paramref name="filter"/>; otherwise why not.</summary>
    public static string? FilterRefusal(PeerGroupFilter filter)
    {
        if (filter.CityIds is not null)
        {
            return "City and partner keys may not draw a peer group by a list of cities: two lists that differ in one city would give that city's scores away.";
        }

        if (filter.Tag is not null)
        {
            return "City and partner keys may not draw a peer group by tag: tags are sets a hub defines freely, and two tags that differ in one city would give that city's scores away. Use country, region or populationBand.";
        }

        return filter.AttributeCount > 1
            ? "City and partner keys may draw a peer group by one of country, region or populationBand at a time, so that no comparison of groups can single out a city."
            : null;
    }

    /// <summary>
    /// Null when the group <paramref name="group"/> may be shown; otherwise why not: it has fewer than 2k cities, or another
    /// group that can be asked for lies inside it with fewer than k cities between them (the difference attack).
    /// </summary>
    public static string? GroupWithholdingReason(IReadOnlySet<string> group, IEnumerable<IReadOnlySet<string>> otherGroups, int k) =>
        DisclosureControl.WithholdingReason(group, otherGroups, MinimumGroupSize(k), k);

    /// <summary>What a restricted caller may see of <paramref name="exact"/>: bands of the quartiles of each metric scored by at least 2k cities.</summary>
    public static RestrictedStatistics Of(GroupStatistics exact, int k)
    {
        var withheld = new Dictionary<string, string>(StringComparer.Ordinal);
        BandedDistribution? Release(string key, Distribution? summary)
        {
            var scored = summary?.N ?? 0;
            if (scored >= MinimumGroupSize(k))
            {
                return BandedDistribution.Of(summary!);
            }

            withheld[key] = $"{scored} cities have a score here; figures are shown only where at least {MinimumGroupSize(k)} have one.";
            return null;
        }

        return new RestrictedStatistics(
            exact.N,
            Release("overall", exact.Overall),
            exact.Pillars.ToDictionary(p => p.Key, p => Release($"pillar:{p.Key}", p.Value)),
            exact.Practices.ToDictionary(p => p.Key, p => Release($"practice:{p.Key}", p.Value)),
            withheld);
    }

    /// <summary>
    /// Which quarter of the group a city's own <paramref name="score"/> falls in, judged against the released bands only
    /// (the city knows its own score, so this tells it nothing it could not work out): "below-q1", "q1-median",
    /// "median-q3" or "above-q3" (a score equal to a quartile counts as at or above it), or a range such as
    /// "q1-median to median-q3" when the score lies inside a quartile's band. Exact quartiles are never compared with the
    /// city's exact score: over time that would tell a city at 95 that a newly added city scored above 95.
    /// </summary>
    public static string Quarter(double score, BandedDistribution bands)
    {
        ScoreBand[] quartiles = [bands.Q1, bands.Median, bands.Q3];
        var surelyAtOrBelow = quartiles.Count(q => q.To <= score);
        var possiblyAtOrBelow = quartiles.Count(q => q.From <= score);
        return surelyAtOrBelow == possiblyAtOrBelow
            ? QuarterNames[surelyAtOrBelow]
            : $"{QuarterNames[surelyAtOrBelow]} to {QuarterNames[possiblyAtOrBelow]}";
    }

    private static readonly string[] QuarterNames = ["below-q1", "q1-median", "median-q3", "above-q3"];
}
