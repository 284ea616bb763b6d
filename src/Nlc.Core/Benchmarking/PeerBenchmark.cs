namespace Nlc.Core.Benchmarking;

/// <summary>The benchmark of one peer group: its size, its statistics (null when withheld, with the reason).</summary>
public sealed record PeerBenchmark(int N, GroupStatistics? Statistics, string? WithheldReason, IReadOnlyList<ScoredCity> Members)
{
    /// <summary>The default smallest group whose statistics callers without access to single cities may see.</summary>
    public const int DefaultMinimumGroupSize = 5;

    /// <summary>
    /// The benchmark of the cities matching <paramref name="filter"/>. When <paramref name="restricted"/> (the caller may
    /// not see single cities), groups and metrics below <paramref name="k"/> cities are withheld, and so is any group another
    /// single-attribute group lies inside with fewer than k cities between them.
    /// </summary>
    public static PeerBenchmark Compute(
        IReadOnlyList<PeerCity> eligible, PeerGroupFilter filter, IEnumerable<string> pillarIds, IEnumerable<string> practiceIds, bool restricted, int k)
    {
        var members = eligible.Where(filter.Matches).ToList();
        var statistics = GroupStatistics.Of(members.Select(m => m.Scores).ToArray(), pillarIds, practiceIds);
        if (!restricted)
        {
            return new PeerBenchmark(members.Count, statistics, null, members.Select(m => m.Scores).ToArray());
        }

        // Only groups a little smaller than this one can single out its cities, so only those are built as sets.
        var group = members.Select(m => m.CityId).ToHashSet(StringComparer.Ordinal);
        var others = PeerGroupFilter.SingleAttributeGroupSizes(eligible)
            .Where(g => g.Value < group.Count && group.Count - g.Value < k)
            .Select(g => (IReadOnlySet<string>)eligible.Where(g.Key.Matches).Select(c => c.CityId).ToHashSet(StringComparer.Ordinal));
        var reason = DisclosureControl.WithholdingReason(group, others, k);
        return reason is null
            ? new PeerBenchmark(members.Count, statistics.WithoutMetricsBelow(k), null, members.Select(m => m.Scores).ToArray())
            : new PeerBenchmark(members.Count, null, reason, members.Select(m => m.Scores).ToArray());
    }
}
