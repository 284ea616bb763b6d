using Nlc.Core.PeerLearning;

namespace Nlc.Core.Tests.PeerLearning;

[TestClass]
public sealed class ExchangePairsTests
{
    // A hand-made network. Strong = level 3 or more, weak = level 1 or less.
    //            G1  G2  G3   country  languages
    // Alpha       4   0   1   ME       sr, en
    // Beta        0   3   1   ME       sr
    // Gamma       1   4   3   MK       mk, en
    // Delta       3   3   3   ME       en        (strong everywhere, weak nowhere: nothing to learn, so no pair)
    private static readonly PeerLevels[] Network =
    [
        City("Beta", "ME", ["sr"], 0, 3, 1),
        City("Gamma", "MK", ["mk", "en"], 1, 4, 3),
        City("Delta", "ME", ["en"], 3, 3, 3),
        City("Alpha", "ME", ["sr", "en"], 4, 0, 1),
    ];

    private static PeerLevels City(string name, string country, string[] languages, int g1, int g2, int g3) =>
        new($"city_{name.ToLowerInvariant()}", name, country, languages, new Dictionary<string, int> { ["G1"] = g1, ["G2"] = g2, ["G3"] = g3 });

    [TestMethod]
    public void Pairs_AreCitiesThatCanEachTeachTheOther_OrderedByWhatBothGain()
    {
        // Alpha–Gamma: Alpha teaches G1 (Gamma gains 4 − 1 = 3); Gamma teaches G2 and G3 (Alpha gains 4 + 2 = 6): smaller gain 3, total 9.
        // Alpha–Beta: Alpha teaches G1 (Beta gains 4); Beta teaches G2 (Alpha gains 3): smaller gain 3, total 7.
        // Beta–Gamma: Gamma is not weak where Beta is strong. Delta: weak nowhere.
        var pairs = ExchangePairs.Find(Network);

        Assert.AreEqual(2, pairs.Count);
        Assert.AreEqual(("Alpha", "Gamma", 6, 3, 9), (pairs[0].First.CityName, pairs[0].Second.CityName, pairs[0].FirstGains, pairs[0].SecondGains, pairs[0].TotalGain));
        CollectionAssert.AreEqual(new[] { "G1" }, pairs[0].FirstOffers.ToArray());
        CollectionAssert.AreEqual(new[] { "G2", "G3" }, pairs[0].SecondOffers.ToArray());
        Assert.AreEqual(("Alpha", "Beta", 3, 4), (pairs[1].First.CityName, pairs[1].Second.CityName, pairs[1].FirstGains, pairs[1].SecondGains));
    }

    [TestMethod]
    public void Filters_KeepPairsWhoseTwoCitiesShareTheCountryOrLanguage_AlikeWhenFindingAndWhenNarrowingFoundPairs()
    {
        var all = ExchangePairs.Find(Network);
        foreach (var (country, language, expected) in new (string?, string?, string)[] { ("me", null, "Alpha–Beta"), (null, "en", "Alpha–Gamma"), (null, "sr", "Alpha–Beta"), ("MK", null, "") })
        {
            Assert.AreEqual(expected, Names(ExchangePairs.Find(Network, country, language)), $"find {country} {language}");
            Assert.AreEqual(expected, Names(ExchangePairs.Within(all, country, language)), $"within {country} {language}");
        }
    }

    private static string Names(IEnumerable<ExchangePair> pairs) => string.Join(";", pairs.Select(p => $"{p.First.CityName}–{p.Second.CityName}"));
}
