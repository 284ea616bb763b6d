using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Nlc.Core.Benchmarking;
using Nlc.Core.Rubrics;

namespace Nlc.Web.Hub;

/// <summary>
/// The cities of a heat map in name order with their group's statistics, worked out once per read of the peer rows, filter
/// and language: the store hands out a new list after any write, so nothing kept here is stale.
/// </summary>
public sealed class HeatMapGroups
{
    private readonly ConditionalWeakTable<IReadOnlyList<PeerCity>, ConcurrentDictionary<string, (IReadOnlyList<ScoredCity>, GroupStatistics)>> _groups = new();

    /// <summary>The members of <paramref name="eligible"/> that <paramref name="filter"/> asks for, by name, and their statistics for <paramref name="rubric"/>'s metrics.</summary>
    public (IReadOnlyList<ScoredCity> ByName, GroupStatistics Statistics) Of(IReadOnlyList<PeerCity> eligible, NetworkFilter filter, Rubric rubric)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(rubric);
        var key = string.Join("&", filter.Query().Select(q => q.Key + "=" + q.Value)) + "|" + rubric.Key + "|" + CultureInfo.CurrentCulture.Name;
        return _groups.GetOrCreateValue(eligible).GetOrAdd(key, _ =>
        {
            var group = filter.AsPeerGroup();
            var compare = CultureInfo.CurrentCulture.CompareInfo;
            var members = eligible
                .Where(c => group.Matches(c) && (filter.RubricVersion is null || c.City.RubricVersion == filter.RubricVersion))
                .Select(c => c.City)
                .OrderBy(c => compare.GetSortKey(c.CityName, CompareOptions.IgnoreCase), Comparer<SortKey>.Create(SortKey.Compare))
                .ThenBy(c => c.CityId, StringComparer.Ordinal)
                .ToArray();
            return (members, GroupStatistics.Of(members, rubric.Pillars.Select(p => p.Id), rubric.Practices.Select(p => p.Id)));
        });
    }
}
