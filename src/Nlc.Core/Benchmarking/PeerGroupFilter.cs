namespace Nlc.Core.Benchmarking;

/// <summary>
/// Which cities form a peer group: every filter given must match (country, region, population band, tag, an explicit
/// list); none given means all cities.
/// </summary>
public sealed record PeerGroupFilter(
    string? Country = null, string? Region = null, string? PopulationBand = null, string? Tag = null, IReadOnlyList<string>? CityIds = null)
{
    /// <summary>How many of the four attribute filters (not the explicit list) are set.</summary>
    public int AttributeCount => new[] { Country, Region, PopulationBand, Tag }.Count(f => f is not null);

    /// <summary>Whether <paramref name="city"/> is in the group.</summary>
    public bool Matches(PeerCity city) =>
        (Country is null || string.Equals(city.Country, Country, StringComparison.OrdinalIgnoreCase))
        && (Region is null || string.Equals(city.Region, Region, StringComparison.OrdinalIgnoreCase))
        && (PopulationBand is null || Benchmarking.PopulationBand.Of(city.Population) == PopulationBand)
        && (Tag is null || city.Tags.Contains(Tag, StringComparer.OrdinalIgnoreCase))
        && (CityIds is null || CityIds.Contains(city.CityId, StringComparer.Ordinal));

    /// <summary>
    /// Every group drawn by at most one attribute that could be asked for among <paramref name="cities"/> (all of them, each
    /// country, region, population band and tag) with its size, counted in one pass. These are the groups a caller without
    /// access to single cities can ask for.
    /// </summary>
    public static IReadOnlyDictionary<PeerGroupFilter, int> SingleAttributeGroupSizes(IReadOnlyList<PeerCity> cities)
    {
        var sizes = new Dictionary<PeerGroupFilter, int> { [new PeerGroupFilter()] = cities.Count };
        void Count(PeerGroupFilter group) => sizes[group] = sizes.GetValueOrDefault(group) + 1;
        foreach (var city in cities)
        {
            Count(new PeerGroupFilter(Country: city.Country.ToUpperInvariant()));
            if (city.Region is { } region)
            {
                Count(new PeerGroupFilter(Region: region.ToUpperInvariant()));
            }

            if (Benchmarking.PopulationBand.Of(city.Population) is { } band)
            {
                Count(new PeerGroupFilter(PopulationBand: band));
            }

            foreach (var tag in city.Tags.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                Count(new PeerGroupFilter(Tag: tag.ToUpperInvariant()));
            }
        }

        return sizes;
    }
}
