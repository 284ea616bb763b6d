using Nlc.Core.Scoring;

namespace Nlc.Core.PeerLearning;

/// <summary>
/// What to read and whom to ask for an official's weakest practices. Privacy: a peer is listed only when its consent
/// covers that practice; no count or figure of the others is given, so a city's level never reaches another city without
/// its consent.
/// </summary>
public static class PeerSuggestions
{
    /// <summary>How many weakest practices are suggested for by default.</summary>
    public const int DefaultCount = 3;

    /// <summary>
    /// The <paramref name="count"/> weakest practices of <paramref name="own"/> below <see cref="PeerLevels.StrongLevel"/>
    /// (lowest level first, then lowest score, then rubric order), each with the published notes of other cities on it
    /// and the other cities with a consent for it at <see cref="PeerLevels.StrongLevel"/> or more, highest level first.
    /// </summary>
    public static IReadOnlyList<PracticeSuggestion> For(
        string ownCityId, ScoreResult own, IReadOnlyList<CaseNote> caseNotes, IReadOnlyList<PeerLevels> peers,
        IReadOnlyList<ContactConsent> consents, int count = DefaultCount)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(caseNotes);
        ArgumentNullException.ThrowIfNull(peers);
        ArgumentNullException.ThrowIfNull(consents);
        var consentOf = consents.ToDictionary(c => c.CityId, StringComparer.Ordinal);
        var weakest = own.Practices
            .Select((practice, order) => (practice, order))
            .Where(x => x.practice.MaturityLevel is { } level && level < PeerLevels.StrongLevel)
            .OrderBy(x => x.practice.MaturityLevel).ThenBy(x => x.practice.Score).ThenBy(x => x.order)
            .Take(count)
            .Select(x => x.practice);

        return weakest.Select(practice => new PracticeSuggestion(
            practice.PracticeId,
            practice.MaturityLevel,
            caseNotes
                .Where(n => n.Status == CaseNoteStatus.Published && n.PracticeId == practice.PracticeId && n.CityId != ownCityId)
                .OrderByDescending(n => n.PublishedAt).ThenBy(n => n.Id, StringComparer.Ordinal)
                .ToArray(),
            peers
                .Where(p => p.CityId != ownCityId
                    && consentOf.TryGetValue(p.CityId, out var consent) && consent.Covers(practice.PracticeId)
                    && p.Levels.TryGetValue(practice.PracticeId, out var level) && level >= PeerLevels.StrongLevel)
                .Select(p => new PeerContact(p.CityId, p.CityName, p.Country, p.Levels[practice.PracticeId]))
                .OrderByDescending(c => c.Level).ThenBy(c => c.CityName, StringComparer.Ordinal).ThenBy(c => c.CityId, StringComparer.Ordinal)
                .ToArray())).ToArray();
    }
}
