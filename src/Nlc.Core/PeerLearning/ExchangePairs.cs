namespace Nlc.Core.PeerLearning;

/// <summary>
/// Suggested exchange pairs for the hub: two cities where each is strong (<see cref="PeerLevels.StrongLevel"/> or more) on a
/// practice the other is weak on (<see cref="PeerLevels.WeakLevel"/> or less). Ordered by how much both could gain: the
/// smaller of the two gains first (an exchange is worth it when both sides learn), then the total, then the names.
/// </summary>
public static class ExchangePairs
{
    /// <summary>
    /// The pairs among <paramref name="cities"/>, keeping only those whose two cities are both in <paramref name="country"/>
    /// and both speak <paramref name="language"/> when these are given.
    /// </summary>
    public static IReadOnlyList<ExchangePair> Find(IReadOnlyList<PeerLevels> cities, string? country = null, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(cities);
        var eligible = cities
            .Where(c => Matches(c, country, language))
            .OrderBy(c => c.CityName, StringComparer.Ordinal).ThenBy(c => c.CityId, StringComparer.Ordinal)
            .ToArray();

        var pairs = new List<ExchangePair>();
        for (var i = 0; i < eligible.Length; i++)
        {
            for (var j = i + 1; j < eligible.Length; j++)
            {
                var (firstOffers, secondGains) = Offers(eligible[i], eligible[j]);
                var (secondOffers, firstGains) = Offers(eligible[j], eligible[i]);
                if (firstOffers.Count > 0 && secondOffers.Count > 0)
                {
                    pairs.Add(new ExchangePair(eligible[i], eligible[j], firstOffers, secondOffers, firstGains, secondGains));
                }
            }
        }

        return pairs
            .OrderByDescending(p => Math.Min(p.FirstGains, p.SecondGains))
            .ThenByDescending(p => p.TotalGain)
            .ThenBy(p => p.First.CityName, StringComparer.Ordinal)
            .ThenBy(p => p.Second.CityName, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>
    /// The pairs of <paramref name="pairs"/> (as <see cref="Find"/> gave them, in its order) whose two cities are both in
    /// <paramref name="country"/> and both speak <paramref name="language"/> when these are given: what <see cref="Find"/>
    /// gives with these filters, without reading the cities again.
    /// </summary>
    public static IReadOnlyList<ExchangePair> Within(IReadOnlyList<ExchangePair> pairs, string? country, string? language)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return pairs.Where(p => Matches(p.First, country, language) && Matches(p.Second, country, language)).ToArray();
    }

    private static bool Matches(PeerLevels city, string? country, string? language) =>
        (country is null || string.Equals(city.Country, country, StringComparison.OrdinalIgnoreCase))
        && (language is null || city.Languages.Contains(language, StringComparer.OrdinalIgnoreCase));

    /// <summary>The practices <paramref name="strong"/> could teach <paramref name="weak"/>, and what <paramref name="weak"/> would gain.</summary>
    private static (IReadOnlyList<string> Practices, int Gain) Offers(PeerLevels strong, PeerLevels weak)
    {
        var practices = strong.Levels
            .Where(s => s.Value >= PeerLevels.StrongLevel && weak.Levels.TryGetValue(s.Key, out var level) && level <= PeerLevels.WeakLevel)
            .Select(s => s.Key)
            .Order(StringComparer.Ordinal)
            .ToArray();
        return (practices, practices.Sum(p => strong.Levels[p] - weak.Levels[p]));
    }
}
