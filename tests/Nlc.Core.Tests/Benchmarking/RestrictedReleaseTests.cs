using Nlc.Core.Benchmarking;

namespace Nlc.Core.Tests.Benchmarking;

[TestClass]
public sealed class RestrictedReleaseTests
{
    [TestMethod]
    [DataRow(0.0, 0)]
    [DataRow(19.99, 0)]
    [DataRow(20.0, 20)]
    [DataRow(59.5, 40)]
    [DataRow(80.0, 80)]
    [DataRow(100.0, 80)]
    public void ScoreBands_AreTheFixed20PointGrid_With100InTheTopBand(double score, int from)
    {
        Assert.AreEqual(new ScoreBand(from, from + 20), ScoreBand.Of(score));
    }

    [TestMethod]
    public void Of_ShowsOnlyTheBandsOfTheQuartiles_NeverMinMaxMeanOrExactQuartiles()
    {
        var exact = Stats(Enumerable.Range(0, 10).Select(i => 10.0 * i).ToArray());

        var released = RestrictedRelease.Of(exact, k: 5);

        // Type 7 over 0, 10, …, 90: q1 22.5, median 45, q3 67.5.
        Assert.AreEqual(new BandedDistribution(10, new ScoreBand(20, 40), new ScoreBand(40, 60), new ScoreBand(60, 80)), released.Overall);
        Assert.IsFalse(released.WithheldMetrics.ContainsKey("overall"));
    }

    [TestMethod]
    public void Of_WithholdsAMetricScoredByFewerThan2KCities_AndSaysWhy()
    {
        var exact = Stats([10, 20, 30, 40, 50, 60, 70, 80, 90]);

        var released = RestrictedRelease.Of(exact, k: 5);

        Assert.IsNull(released.Overall);
        Assert.AreEqual("9 cities have a score here; figures are shown only where at least 10 have one.", released.WithheldMetrics["overall"]);
        Assert.IsNull(released.Practices["P1"]);
        StringAssert.Contains(released.WithheldMetrics["practice:P1"], "0 cities have a score here");
    }

    [TestMethod]
    [DataRow(null, "Dinaric", null, null, null)]
    [DataRow("ME", null, null, null, null)]
    [DataRow(null, null, "10k-50k", null, null)]
    [DataRow(null, null, null, "coastal", "by tag")]
    [DataRow("ME", "Dinaric", null, null, "one of country, region or populationBand at a time")]
    public void OnlyOneFixedPartitionAtATime_MayBeAskedFor(string? country, string? region, string? band, string? tag, string? refusal)
    {
        var reason = RestrictedRelease.FilterRefusal(new PeerGroupFilter(country, region, band, tag));

        if (refusal is null)
        {
            Assert.IsNull(reason);
        }
        else
        {
            StringAssert.Contains(reason, refusal);
        }
    }

    [TestMethod]
    public void AListOfCities_MayNotBeAskedFor()
    {
        StringAssert.Contains(RestrictedRelease.FilterRefusal(new PeerGroupFilter(CityIds: ["c1"])), "by a list of cities");
        Assert.IsNull(RestrictedRelease.FilterRefusal(new PeerGroupFilter()));
    }

    [TestMethod]
    [DataRow(10.0, "below-q1")]
    [DataRow(30.0, "below-q1 to median-q3")]
    [DataRow(40.0, "median-q3")]
    [DataRow(55.0, "median-q3")]
    [DataRow(60.0, "median-q3 to above-q3")]
    [DataRow(80.0, "above-q3")]
    public void Quarter_IsJudgedAgainstTheBandsOnly(double ownScore, string quarter)
    {
        // A score inside a quartile's band could be on either side of it: the answer is then the range of quarters.
        var bands = new BandedDistribution(12, new ScoreBand(20, 40), new ScoreBand(20, 40), new ScoreBand(60, 80));

        Assert.AreEqual(quarter, RestrictedRelease.Quarter(ownScore, bands));
    }

    [TestMethod]
    public void Quarter_AtTheTopOfTheScale_CountsATopBandQuartileAsReached()
    {
        var bands = new BandedDistribution(12, new ScoreBand(60, 80), new ScoreBand(80, 100), new ScoreBand(80, 100));

        Assert.AreEqual("above-q3", RestrictedRelease.Quarter(100, bands));
        Assert.AreEqual("q1-median to above-q3", RestrictedRelease.Quarter(95, bands));
    }

    private static GroupStatistics Stats(double[] overall) => new(
        overall.Length,
        Distribution.Of(overall),
        new Dictionary<string, Distribution?> { ["a"] = Distribution.Of(overall) },
        new Dictionary<string, Distribution?> { ["P1"] = null });
}
