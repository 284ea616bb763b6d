namespace Nlc.Core.Benchmarking;

/// <summary>
/// Decides whether a group's statistics may be shown to a caller who may not see single cities. A group is withheld
/// when it is smaller than the minimum size, or when another group the caller could ask for lies inside it and differs
/// from it by fewer than k cities: comparing the two would otherwise give away those few cities' scores (the difference attack).
/// </summary>
public static class DisclosureControl
{
    /// <summary>Null when <paramref name="group"/> may be shown; otherwise why not.</summary>
    public static string? WithholdingReason(IReadOnlySet<string> group, IEnumerable<IReadOnlySet<string>> otherGroups, int minimumSize, int k)
    {
        if (group.Count < minimumSize)
        {
            return $"The group has {group.Count} cities; statistics are shown only for groups of at least {minimumSize}, so no single city can be singled out.";
        }

        foreach (var other in otherGroups)
        {
            var difference = group.Count - other.Count;
            if (other.Count > 0 && difference is > 0 && difference < k && other.IsSubsetOf(group))
            {
                return $"The group differs from another group that can be asked for by {difference} cities, fewer than {k}; comparing the two would reveal those cities' scores.";
            }
        }

        return null;
    }
}
