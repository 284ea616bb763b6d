namespace Nlc.Core.PeerLearning;

/// <summary>
/// The practices a city has agreed to be contacted about (opt-in: none until the city sets them; it may withdraw any at
/// any time), and the languages its people can exchange in; <see cref="RowVersion"/> counts its saves (0: never set).
/// </summary>
public sealed record ContactConsent(string CityId, IReadOnlyList<string> PracticeIds, IReadOnlyList<string> Languages, long RowVersion = 0)
{
    /// <summary>The city has agreed to be contacted about <paramref name="practiceId"/>.</summary>
    public bool Covers(string practiceId) => PracticeIds.Contains(practiceId, StringComparer.Ordinal);

    /// <summary>No consent at all: the state of every city until it opts in.</summary>
    public static ContactConsent None(string cityId) => new(cityId, [], []);
}
