using Nlc.Core.Benchmarking;

namespace Nlc.Core.Tests.Benchmarking;

[TestClass]
public sealed class PeerBenchmarkTests
{
    private static readonly string[] Pillars = ["a"];
    private static readonly string[] Practices = ["P1", "P2"];

    private static PeerCity City(int i, double? overall, double? p2, string country = "ME", string[]? tags = null, string? region = null) => new(
        country, region, 20_000, tags ?? [],
        new ScoredCity($"c{i}", $"City {i}", $"a{i}", "1.0.0", overall,
            new Dictionary<string, double?> { ["a"] = overall },
            new Dictionary<string, double?> { ["P1"] = overall, ["P2"] = p2 }));

    [TestMethod]
    public void AnEmptyGroup_HasNoStatistics()
    {
        var benchmark = PeerBenchmark.Compute([City(1, 50, 50)], new PeerGroupFilter(Country: "AL"), Pillars, Practices, PeerDisclosure.Exact);

        Assert.AreEqual(0, benchmark.N);
        Assert.IsNull(benchmark.Statistics!.Overall);
        Assert.IsNull(benchmark.Statistics.Practices["P1"]);
    }

    [TestMethod]
    public void ANotApplicableHeavyPractice_IsSummarisedOverTheCitiesThatScoredIt_AndWithheldBelow2K()
    {
        // P2 is Not applicable (no score) in ten of twelve cities: its n is 2.
        var cities = Enumerable.Range(0, 12).Select(i => City(i, i * 8, i < 2 ? 10 * (i + 1) : null)).ToArray();

        var hub = PeerBenchmark.Compute(cities, new PeerGroupFilter(), Pillars, Practices, PeerDisclosure.Exact);
        var partner = PeerBenchmark.Compute(cities, new PeerGroupFilter(), Pillars, Practices, PeerDisclosure.Restricted(5));

        Assert.AreEqual(new Distribution(2, 10, 12.5, 15, 17.5, 20, 15), hub.Statistics!.Practices["P2"]);
        Assert.IsNull(partner.Statistics);
        Assert.IsNull(partner.Banded!.Practices["P2"]);
        StringAssert.Contains(partner.Banded.WithheldMetrics["practice:P2"], "2 cities have a score here");
        Assert.AreEqual(12, partner.Banded.Practices["P1"]!.N);
    }

    [TestMethod]
    public void TheDifferenceAttack_ThroughANestedRegion_IsRefusedToRestrictedCallers()
    {
        var cities = Enumerable.Range(0, 11).Select(i => City(i, i * 9, 50, region: i < 10 ? "North" : "South")).ToArray();

        var all = PeerBenchmark.Compute(cities, new PeerGroupFilter(Country: "ME"), Pillars, Practices, PeerDisclosure.Restricted(5));
        var north = PeerBenchmark.Compute(cities, new PeerGroupFilter(Region: "north"), Pillars, Practices, PeerDisclosure.Restricted(5));

        Assert.IsNull(all.Banded);
        StringAssert.Contains(all.WithheldReason, "by 1 cities");
        Assert.IsNotNull(north.Banded);
    }

    [TestMethod]
    public void ATagGroup_DoesNotWithholdAnotherGroup_SinceRestrictedCallersCannotAskForTags()
    {
        var cities = Enumerable.Range(0, 11).Select(i => City(i, i * 9, 50, tags: i < 10 ? ["north"] : [])).ToArray();

        var all = PeerBenchmark.Compute(cities, new PeerGroupFilter(Country: "ME"), Pillars, Practices, PeerDisclosure.Restricted(5));

        Assert.IsNull(all.WithheldReason);
        Assert.AreEqual(new ScoreBand(20, 40), all.Banded!.Overall!.Q1);
    }

    [TestMethod]
    public void AGroupBelow2K_IsWithheldFromRestrictedCallers_ButNotFromHubs()
    {
        var cities = Enumerable.Range(0, 9).Select(i => City(i, i * 10, 50)).ToArray();

        var partner = PeerBenchmark.Compute(cities, new PeerGroupFilter(), Pillars, Practices, PeerDisclosure.Restricted(5));
        var hub = PeerBenchmark.Compute(cities, new PeerGroupFilter(), Pillars, Practices, PeerDisclosure.Exact);

        StringAssert.Contains(partner.WithheldReason, "has 9 cities; statistics are shown only for groups of at least 10");
        Assert.IsNull(partner.Statistics);
        Assert.AreEqual(80.0, hub.Statistics!.Overall!.Max);
    }

    [TestMethod]
    [DataRow(null, null)]
    [DataRow(9_999L, "under-10k")]
    [DataRow(10_000L, "10k-50k")]
    [DataRow(499_999L, "100k-500k")]
    [DataRow(500_000L, "500k-plus")]
    public void PopulationBands_HaveTheirStatedBounds(long? population, string? band)
    {
        Assert.AreEqual(band, PopulationBand.Of(population));
    }
}
