using Nlc.Core.Benchmarking;

namespace Nlc.Core.Tests.Benchmarking;

/// <summary>
/// Everything a city or partner key is shown of one metric of one peer group, as text, so that an attacker can compare
/// releases: null when the group may not be asked for at all.
/// </summary>
internal static class RestrictedView
{
    public static readonly string[] Pillars = ["a"];
    public static readonly string[] Practices = ["P1", "P2", "P3"];

    /// <summary>The metrics an attacker goes after: the overall index and every practice.</summary>
    public static readonly string[] Metrics = ["overall", "P1", "P2", "P3"];

    /// <summary>What a restricted caller sees of <paramref name="metric"/>; with <paramref name="ownScore"/>, also a city key's own position.</summary>
    public static string? Of(IReadOnlyList<PeerCity> eligible, PeerGroupFilter filter, string metric, double? ownScore = null, int k = 5)
    {
        if (RestrictedRelease.FilterRefusal(filter) is not null)
        {
            return null;
        }

        var benchmark = PeerBenchmark.Compute(eligible, filter, Pillars, Practices, PeerDisclosure.Restricted(k));
        if (benchmark.Banded is not { } banded)
        {
            return $"n={benchmark.N}, withheld: {benchmark.WithheldReason}";
        }

        var bands = metric == "overall" ? banded.Overall : banded.Practices[metric];
        var position = ownScore is { } own && bands is not null ? RestrictedRelease.Quarter(own, bands) : null;
        return $"n={benchmark.N}, {bands}, {position}";
    }
}
