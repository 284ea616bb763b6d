namespace Nlc.Core.PeerLearning;

/// <summary>
/// A city of the network with the practice maturity levels of its latest validated assessment (practice id → level),
/// its country (ISO code) and the languages its people can exchange in.
/// </summary>
public sealed record PeerLevels(string CityId, string CityName, string Country, IReadOnlyList<string> Languages, IReadOnlyDictionary<string, int> Levels)
{
    /// <summary>The level at which a city is strong on a practice: a peer worth asking, an exchange partner who can offer it.</summary>
    public const int StrongLevel = 3;

    /// <summary>The highest level at which a city is weak on a practice and could learn it from a strong one.</summary>
    public const int WeakLevel = 1;

}
