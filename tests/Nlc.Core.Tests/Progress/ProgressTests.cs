using Nlc.Core.Progress;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;

namespace Nlc.Core.Tests.Progress;

[TestClass]
public sealed class ProgressTests
{
    private const double Tolerance = 1e-9;
    private static readonly Rubric TwoPillars = TestRubrics.TwoPillars();
    private static readonly ScoringEngine Engine = new(TwoPillars);

    private static Answer[] AllAt(int p1, int p2) =>
        [Answer.AtLevel("P1.1", p1), Answer.AtLevel("P1.2", p1), Answer.AtLevel("P2.1", p2), Answer.AtLevel("P2.2", p2)];

    [TestMethod]
    public void Between_SameRubric_GivesEveryDeltaAndTheMovers()
    {
        var comparison = PeriodComparison.Between(TwoPillars, Engine.Score(AllAt(1, 3)), TwoPillars, Engine.Score(AllAt(3, 2)));

        // P1 25 → 75 (+50); P2 75 → 50 (−25); a = P1; b = (P1 + P2) / 2: 50 → 62.5; overall (25 + 50) / 2 = 37.5 → 68.75.
        Assert.AreEqual(50.0, comparison.Practices.Single(p => p.Id == "P1").Delta!.Value, Tolerance);
        Assert.AreEqual(-25.0, comparison.Practices.Single(p => p.Id == "P2").Delta!.Value, Tolerance);
        Assert.AreEqual(12.5, comparison.Pillars.Single(p => p.Id == "b").Delta!.Value, Tolerance);
        Assert.AreEqual(31.25, comparison.Overall!.Delta!.Value, Tolerance);
        Assert.AreEqual("P1", comparison.MostImproved.Single().Id);
        Assert.AreEqual("P2", comparison.MostDeclined.Single().Id);
        Assert.AreEqual(0, comparison.NotComparable.Count);
    }

    [TestMethod]
    public void Between_RubricVersionsWithDifferentPractices_ListsWhatIsNotComparable()
    {
        var newer = new TestRubrics.RubricSpec().Pillar("a").Pillar("b")
            .Practice("P1", [("a", 2), ("b", 1)], ("P1.1", 1), ("P1.2", 3))
            .Practice("P2", [("b", 1)], ("P2.1", 1), ("P2.2", 1))
            .Practice("P3", [("b", 1)], ("P3.1", 1))
            .Build();
        var newerResult = new ScoringEngine(newer).Score([.. AllAt(2, 2), Answer.AtLevel("P3.1", 4)]);

        var comparison = PeriodComparison.Between(TwoPillars, Engine.Score(AllAt(1, 1)), newer, newerResult);

        CollectionAssert.AreEquivalent(new[] { "P3", "a", "b", "overall" }, comparison.NotComparable.ToArray());
        CollectionAssert.AreEqual(new[] { "P1", "P2" }, comparison.Practices.Select(p => p.Id).ToArray());
        Assert.IsNull(comparison.Overall);
    }

    [TestMethod]
    public void Targets_ProgressIsTheShareOfTheWayFromBaselineToTarget()
    {
        // Baseline all at 1: P1 = P2 = 25, overall 25. Target P1.* at 3: P1 = 75, b = 50, overall 62.5.
        // Current P1 at 2, P2 at 1: P1 = 50, b = 37.5, overall 43.75 → progress 0.5 for P1 and overall.
        var progress = TargetProgress.Compute(
            Engine, AllAt(1, 1), Engine.Score(AllAt(2, 1)), new Dictionary<string, int> { ["P1.1"] = 3, ["P1.2"] = 3 });

        var p1 = progress.Practices.Single();
        Assert.AreEqual(("P1", 25.0, 50.0, 75.0), (p1.Id, p1.Baseline!.Value, p1.Current!.Value, p1.Target!.Value));
        Assert.AreEqual(0.5, p1.Progress!.Value, Tolerance);
        Assert.AreEqual(62.5, progress.Overall.Target!.Value, Tolerance);
        Assert.AreEqual(0.5, progress.Overall.Progress!.Value, Tolerance);
    }

    [TestMethod]
    public void Targets_AlreadyMet_HaveNoProgressRatio()
    {
        var progress = TargetProgress.Compute(Engine, AllAt(3, 3), Engine.Score(AllAt(3, 3)), new Dictionary<string, int> { ["P2.1"] = 3 });

        Assert.IsNull(progress.Practices.Single().Progress);
    }
}
