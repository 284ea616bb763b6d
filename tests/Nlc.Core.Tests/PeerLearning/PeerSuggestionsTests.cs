using Nlc.Core.PeerLearning;
using Nlc.Core.Scoring;

namespace Nlc.Core.Tests.PeerLearning;

[TestClass]
public sealed class PeerSuggestionsTests
{
    private static readonly DateTimeOffset Day = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    // Own city: P1 at level 1 (both indicators at 1), P2 at level 2: P1 is the weakest, then P2.
    private static readonly ScoreResult Own = new ScoringEngine(TestRubrics.TwoPillars()).Score(
        [Answer.AtLevel("P1.1", 1), Answer.AtLevel("P1.2", 1), Answer.AtLevel("P2.1", 2), Answer.AtLevel("P2.2", 2)]);

    private static readonly PeerLevels[] Peers =
    [
        Peer("city_alpha", "Alpha", ("P1", 4), ("P2", 1)),
        Peer("city_beta", "Beta", ("P1", 4), ("P2", 4)),      // strong on both, never consented
        Peer("city_gamma", "Gamma", ("P1", 2), ("P2", 3)),    // consented to P1 but only at level 2 there
        Peer("city_own", "Own", ("P1", 4), ("P2", 4)),
    ];

    private static PeerLevels Peer(string id, string name, params (string Practice, int Level)[] levels) =>
        new(id, name, "ME", ["sr"], levels.ToDictionary(l => l.Practice, l => l.Level));

    private static CaseNote Note(string id, string cityId, string practiceId, CaseNoteStatus status) =>
        new(id, cityId, "test", practiceId, "t", "c", "a", "i", "r", status, null, Day, status == CaseNoteStatus.Published ? Day : null, 2);

    private static readonly CaseNote[] Notes =
    [
        Note("n1", "city_beta", "P1", CaseNoteStatus.Published),
        Note("n2", "city_beta", "P1", CaseNoteStatus.Submitted),
        Note("n3", "city_gamma", "P2", CaseNoteStatus.Published),
        Note("n4", "city_own", "P1", CaseNoteStatus.Published),
    ];

    [TestMethod]
    public void ForTheWeakestPractices_ListsPublishedNotesOfOthers_AndOnlyConsentingPeersAtLevelThreeOrMore()
    {
        ContactConsent[] consents = [new("city_alpha", ["P1"], ["sr"]), new("city_gamma", ["P1", "P2"], []), new("city_own", ["P1"], [])];

        var suggestions = PeerSuggestions.For("city_own", Own, Notes, Peers, consents);

        CollectionAssert.AreEqual(new[] { "P1", "P2" }, suggestions.Select(s => s.PracticeId).ToArray());
        Assert.AreEqual(1, suggestions[0].OwnLevel);
        CollectionAssert.AreEqual(new[] { "n1" }, suggestions[0].CaseNotes.Select(n => n.Id).ToArray(), "published, on P1, not the city's own");
        // Beta (level 4, no consent) and Gamma (consent, level 2) are not listed; Gamma is for P2 (level 3, consent).
        CollectionAssert.AreEqual(new[] { "city_alpha" }, suggestions[0].Contacts.Select(c => c.CityId).ToArray());
        CollectionAssert.AreEqual(new[] { "city_gamma" }, suggestions[1].Contacts.Select(c => c.CityId).ToArray());
        CollectionAssert.AreEqual(new[] { "n3" }, suggestions[1].CaseNotes.Select(n => n.Id).ToArray());
    }

    [TestMethod]
    public void WithdrawingConsent_RemovesTheCityFromEverySuggestionAtOnce()
    {
        ContactConsent[] before = [new("city_alpha", ["P1"], []), new("city_gamma", ["P2"], [])];
        ContactConsent[] after = [ContactConsent.None("city_alpha"), new("city_gamma", ["P2"], [])];

        var withConsent = PeerSuggestions.For("city_own", Own, Notes, Peers, before);
        var withdrawn = PeerSuggestions.For("city_own", Own, Notes, Peers, after);

        Assert.IsTrue(withConsent.SelectMany(s => s.Contacts).Any(c => c.CityId == "city_alpha"));
        Assert.IsFalse(withdrawn.SelectMany(s => s.Contacts).Any(c => c.CityId == "city_alpha"));
        CollectionAssert.AreEqual(new[] { "city_gamma" }, withdrawn.SelectMany(s => s.Contacts).Select(c => c.CityId).ToArray());
    }

    [TestMethod]
    public void APracticeAtLevelThreeOrMore_IsNotAmongTheWeakest()
    {
        var strong = new ScoringEngine(TestRubrics.TwoPillars()).Score(
            [Answer.AtLevel("P1.1", 3), Answer.AtLevel("P1.2", 3), Answer.AtLevel("P2.1", 0), Answer.AtLevel("P2.2", 1)]);

        var suggestions = PeerSuggestions.For("city_own", strong, Notes, Peers, [], count: 5);

        CollectionAssert.AreEqual(new[] { "P2" }, suggestions.Select(s => s.PracticeId).ToArray());
        Assert.AreEqual(0, suggestions[0].Contacts.Count, "no consent, no contact");
    }
}
