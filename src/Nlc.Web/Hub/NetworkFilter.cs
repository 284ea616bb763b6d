using Nlc.Core.Benchmarking;
using Nlc.Storage.Network;

namespace Nlc.Web.Hub;

/// <summary>
/// The filters of the hub's network pages: cities by country, region, tag and population band; their assessments by
/// period and rubric version. Null means any. Countries, regions and tags compare without case.
/// </summary>
public sealed record NetworkFilter(
    string? Country = null, string? Region = null, string? Tag = null, string? PopulationBand = null, string? Period = null, string? RubricVersion = null)
{
    /// <summary>Whether <paramref name="city"/> is one of the cities asked for.</summary>
    public bool Matches(NetworkCity city) =>
        (Country is null || string.Equals(city.Country, Country, StringComparison.OrdinalIgnoreCase))
        && (Region is null || string.Equals(city.Region, Region, StringComparison.OrdinalIgnoreCase))
        && (Tag is null || city.Tags.Contains(Tag, StringComparer.OrdinalIgnoreCase))
        && (PopulationBand is null || Core.Benchmarking.PopulationBand.Of(city.Population) == PopulationBand);

    /// <summary>Whether <paramref name="assessment"/> is of the period and rubric version asked for.</summary>
    public bool Matches(NetworkAssessment assessment) =>
        (Period is null || assessment.Period == Period) && (RubricVersion is null || assessment.RubricVersion == RubricVersion);

    /// <summary>The same cities as a peer group (the period and version are the caller's to apply).</summary>
    public PeerGroupFilter AsPeerGroup() => new(Country, Region, PopulationBand, Tag);

    /// <summary>The filters as query parameters (empty ones left out), to keep them in links.</summary>
    public IReadOnlyDictionary<string, string> Query() => new Dictionary<string, string?>
    {
        ["country"] = Country, ["region"] = Region, ["tag"] = Tag, ["band"] = PopulationBand, ["period"] = Period, ["version"] = RubricVersion,
    }.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!);

    /// <summary>Whether any filter is set.</summary>
    public bool Any => Query().Count > 0;
}
