namespace Nlc.Core.Benchmarking;

/// <summary>
/// The benchmark of one peer group: its size, and either its exact statistics (callers who may see single cities) or what
/// <see cref="RestrictedRelease"/> lets other callers see (<see cref="Banded"/>); both null when withheld, with the reason.
/// <see cref="Members"/> are for the server's own use, never to be shown to restricted callers.
/// </summary>
public sealed record PeerBenchmark(
    int N, GroupStatistics? Statistics, string? WithheldReason, IReadOnlyList<ScoredCity> Members, RestrictedStatistics? Banded = null)
{
    /// <summary>
    /// The benchmark of the cities matching <paramref name="filter"/>. When <paramref name="disclosure"/> is restricted (the
    /// caller may not see single cities), exact statistics are never returned: the group is withheld when <see cref="RestrictedRelease"/>
    /// says so (fewer than 2k cities, or a fixed-partition group lies inside it with fewer than k cities between them), and
    /// otherwise only its bands are.
    /// </summary>
    public static PeerBenchmark Compute(
        IReadOnlyList<PeerCity> eligible, PeerGroupFilter filter, IEnumerable<string> pillarIds, IEnumerable<string> practiceIds, PeerDisclosure disclosure)
    {
        var members = eligible.Where(filter.Matches).ToList();
        var scores = members.Select(m => m.City).ToArray();
        var statistics = GroupStatistics.Of(scores, pillarIds, practiceIds);
        if (!disclosure.IsRestricted)
        {
            return new PeerBenchmark(members.Count, statistics, null, scores);
        }

        var k = disclosure.K;
        // Only groups a restricted caller can ask for and see, a little smaller than this one, can single out its cities,
        // so only those are built as sets.
        var group = members.Select(m => m.CityId).ToHashSet(StringComparer.Ordinal);
        var others = PeerGroupFilter.SingleAttributeGroupSizes(eligible)
            .Where(g => RestrictedRelease.IsAllowed(g.Key) && g.Value >= RestrictedRelease.MinimumGroupSize(k))
            .Where(g => g.Value < group.Count && group.Count - g.Value < k)
            .Select(g => (IReadOnlySet<string>)eligible.Where(g.Key.Matches).Select(c => c.CityId).ToHashSet(StringComparer.Ordinal));
        var reason = RestrictedRelease.GroupWithholdingReason(group, others, k);
        return reason is null
            ? new PeerBenchmark(members.Count, null, null, scores, RestrictedRelease.Of(statistics, k))
            : new PeerBenchmark(members.Count, null, reason, scores);
    }
}
