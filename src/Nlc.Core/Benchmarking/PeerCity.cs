namespace Nlc.Core.Benchmarking;

/// <summary>A city that can be in a peer group: what groups are drawn by (country, region, population, tags) and its scores.</summary>
public sealed record PeerCity(string Country, string? Region, long? Population, IReadOnlyList<string> Tags, ScoredCity City)
{
    /// <summary>The city's id.</summary>
    public string CityId => City.CityId;
}
