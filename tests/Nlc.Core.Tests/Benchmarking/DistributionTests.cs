using Nlc.Core.Benchmarking;

namespace Nlc.Core.Tests.Benchmarking;

[TestClass]
public sealed class DistributionTests
{
    private const double Tolerance = 1e-9;

    [TestMethod]
    public void Of_FourValues_GivesType7QuartilesWorkedByHand()
    {
        // h = (n − 1)p: q1 at 0.75 → 10 + 0.75×10; median at 1.5 → 20 + 0.5×10; q3 at 2.25 → 30 + 0.25×10.
        var summary = Distribution.Of([40, 10, 30, 20])!;

        Assert.AreEqual(new Distribution(4, 10, 17.5, 25, 32.5, 40, 25), summary);
    }

    [TestMethod]
    public void Of_FiveValues_HasTheMiddleValueAsMedian()
    {
        var summary = Distribution.Of([0, 25, 50, 75, 100])!;

        Assert.AreEqual((25.0, 50.0, 75.0), (summary.Q1, summary.Median, summary.Q3));
    }

    [TestMethod]
    public void Of_Ties_InterpolateOnlyWhereValuesDiffer()
    {
        var summary = Distribution.Of([50, 50, 50, 70])!;

        Assert.AreEqual(50.0, summary.Q1, Tolerance);
        Assert.AreEqual(50.0, summary.Median, Tolerance);
        Assert.AreEqual(55.0, summary.Q3, Tolerance);
        Assert.AreEqual(55.0, summary.Mean, Tolerance);
    }

    [TestMethod]
    public void Of_OneValue_IsThatValueEverywhere()
    {
        Assert.AreEqual(new Distribution(1, 42, 42, 42, 42, 42, 42), Distribution.Of([42]));
    }

    [TestMethod]
    public void Of_NoValues_IsNull()
    {
        Assert.IsNull(Distribution.Of([]));
    }

    [TestMethod]
    [DataRow(50.0, 37.5)]
    [DataRow(70.0, 87.5)]
    [DataRow(10.0, 0.0)]
    [DataRow(90.0, 100.0)]
    [DataRow(60.0, 75.0)]
    public void PercentileRank_CountsBelowPlusHalfOfTies(double value, double expected)
    {
        Assert.AreEqual(expected, Distribution.PercentileRank([50, 50, 50, 70], value), Tolerance);
    }
}
