using Nlc.Core.Scoring;

namespace Nlc.Core.Tests.Scoring;

[TestClass]
public sealed class ScoringEngineTests
{
    private const double Tolerance = 1e-9;
    private readonly ScoringEngine _engine = new(TestRubrics.TwoPillars());

    // Worked by hand: P1 mean level (4×1 + 2×3) / 4 = 2.5 → 62.5; P2 mean (0 + 3) / 2 = 1.5 → 37.5;
    // pillar a = P1 = 62.5; pillar b = (1×62.5 + 1×37.5) / 2 = 50; overall = (62.5 + 50) / 2 = 56.25.
    private static readonly Answer[] WorkedAnswers =
    [
        Answer.AtLevel("P1.1", 4),
        Answer.AtLevel("P1.2", 2),
        Answer.DontKnow("P2.1"),
        Answer.AtLevel("P2.2", 3),
    ];

    [TestMethod]
    public void Score_WorkedExample_MatchesHandCalculation()
    {
        var result = _engine.Score(WorkedAnswers);

        Assert.AreEqual(62.5, result.Practices[0].Score!.Value, Tolerance);
        Assert.AreEqual(37.5, result.Practices[1].Score!.Value, Tolerance);
        Assert.AreEqual(62.5, result.Pillars[0].Score!.Value, Tolerance);
        Assert.AreEqual(50.0, result.Pillars[1].Score!.Value, Tolerance);
        Assert.AreEqual(56.25, result.Overall!.Value, Tolerance);
        CollectionAssert.AreEqual(new double?[] { 100, 50, 0, 75 }, result.Indicators.Select(i => i.Score).ToArray());
    }

    [TestMethod]
    public void Score_MaturityLevel_IsTheWholeLevelTheWeightedMeanReaches()
    {
        var result = _engine.Score(WorkedAnswers);

        Assert.AreEqual(2, result.Practices[0].MaturityLevel);
        Assert.AreEqual(1, result.Practices[1].MaturityLevel);
    }

    [TestMethod]
    public void Score_MaturityLevel_ExactLevelIsReachedDespiteFloatingPoint()
    {
        var engine = new ScoringEngine(new TestRubrics.RubricSpec().Pillar("a")
            .Practice("P1", [("a", 1)], ("P1.1", 0.1), ("P1.2", 0.2), ("P1.3", 0.7)).Build());

        var result = engine.Score([Answer.AtLevel("P1.1", 3), Answer.AtLevel("P1.2", 3), Answer.AtLevel("P1.3", 3)]);

        Assert.AreEqual(3, result.Practices[0].MaturityLevel);
    }

    [TestMethod]
    public void Score_Gaps_AreOrderedByGainToTheOverallIndex()
    {
        var gaps = _engine.Score(WorkedAnswers).Gaps;

        // P1.2 2→3 raises P1 by 25×3/4 = 18.75, so a by 18.75 and b by 9.375: overall by 14.0625.
        // P2.1 (Don't know → 1) and P2.2 (3→4) each raise P2 by 12.5, so b by 6.25: overall by 3.125.
        CollectionAssert.AreEqual(new[] { "P1.2", "P2.1", "P2.2" }, gaps.Select(g => g.IndicatorId).ToArray());
        Assert.AreEqual(14.0625, gaps[0].OverallGain, Tolerance);
        Assert.AreEqual(3.125, gaps[1].OverallGain, Tolerance);
        Assert.AreEqual(3.125, gaps[2].OverallGain, Tolerance);
        Assert.AreEqual((2, 3), (gaps[0].CurrentLevel, gaps[0].NextLevel));
        Assert.AreEqual((0, 1), (gaps[1].CurrentLevel, gaps[1].NextLevel));
    }

    [TestMethod]
    public void Score_NextStep_IsWordedInEachServedLanguage_NotInAnEnglishFrame()
    {
        var rubric = Nlc.Core.Rubrics.RubricLoader.LoadDirectory(RepositoryPaths.Rubrics).FindLatest("nlc")!;
        var first = rubric.Indicators[0];
        var gaps = new ScoringEngine(rubric).Score([Answer.AtLevel(first.Id, 1), Answer.DontKnow(rubric.Indicators[1].Id)]).Gaps;
        var reach = gaps.Single(g => g.IndicatorId == first.Id).NextStep;
        var findOut = gaps.Single(g => g.IndicatorId == rubric.Indicators[1].Id).NextStep;

        Assert.AreEqual($"Arrini nivelin 2 – Në zhvillim: {first.Descriptor(2).Get("sq")}", reach.Get("sq"));
        Assert.AreEqual($"Достигните ниво 2 – У развоју: {first.Descriptor(2).Get("sr-Cyrl")}", reach.Get("sr-Cyrl"));
        StringAssert.StartsWith(findOut.Get("hr"), "Utvrdite koja razina vrijedi, a zatim zamijenite „Ne znam“");
        StringAssert.StartsWith(findOut.Get("en"), "Find out which level applies");
    }

    [TestMethod]
    public void Score_NextStep_ReadsAsAStep_AndADontKnowAnswersStepIsToFindOutTheLevel()
    {
        var gaps = _engine.Score(WorkedAnswers).Gaps;
        var rubric = _engine.Rubric;

        Assert.AreEqual($"Reach level 3 – {rubric.Scale.Levels[3].Name.En}: P1.2 at level 3", gaps[0].NextStep.En);
        StringAssert.StartsWith(gaps[1].NextStep.En, "Find out which level applies");
        StringAssert.EndsWith(gaps[1].NextStep.En, rubric.Indicators.Single(i => i.Id == "P2.1").Guidance.En, "whom to ask comes from the indicator's guidance");
    }

    [TestMethod]
    public void Score_GapGain_EqualsTheRiseOfTheOverallIndexWhenTheStepIsTaken()
    {
        var before = _engine.Score(WorkedAnswers);
        var after = _engine.Score([WorkedAnswers[0], Answer.AtLevel("P1.2", 3), WorkedAnswers[2], WorkedAnswers[3]]);

        Assert.AreEqual(after.Overall!.Value - before.Overall!.Value, before.Gaps[0].OverallGain, Tolerance);
    }

    [TestMethod]
    public void Score_NotApplicable_LeavesTheDenominator()
    {
        var result = _engine.Score([WorkedAnswers[0], WorkedAnswers[1], Answer.NotApplicable("P2.1", "No such service here"), WorkedAnswers[3]]);

        // P2 = 3 / 1 → 75; b = (62.5 + 75) / 2 = 68.75; overall = (62.5 + 68.75) / 2 = 65.625.
        Assert.AreEqual(75.0, result.Practices[1].Score!.Value, Tolerance);
        Assert.AreEqual(65.625, result.Overall!.Value, Tolerance);
        Assert.AreEqual(1, result.Completeness.NotApplicable);
        Assert.IsNull(result.Indicators[2].Score);
    }

    [TestMethod]
    public void Score_PracticeWithNothingApplicable_HasNoScoreRatherThanZero()
    {
        var result = _engine.Score([WorkedAnswers[0], WorkedAnswers[1], Answer.NotApplicable("P2.1", "n/a"), Answer.NotApplicable("P2.2", "n/a")]);

        Assert.IsNull(result.Practices[1].Score);
        Assert.IsNull(result.Practices[1].MaturityLevel);
        Assert.AreEqual(62.5, result.Pillars[1].Score!.Value, Tolerance);
        Assert.AreEqual(62.5, result.Overall!.Value, Tolerance);
    }

    [TestMethod]
    public void Score_NoAnswers_HasNoScoresAndNoGaps()
    {
        var result = _engine.Score([]);

        Assert.IsNull(result.Overall);
        Assert.IsTrue(result.Pillars.All(p => p.Score is null));
        Assert.AreEqual(0, result.Gaps.Count);
        Assert.AreEqual(new Completeness(0, 4, 0, 0), result.Completeness);
    }

    [TestMethod]
    public void Score_DontKnow_ScoresZeroAndIsCounted()
    {
        var result = _engine.Score(WorkedAnswers);

        Assert.AreEqual(new Completeness(4, 4, 0, 1), result.Completeness);
        Assert.AreEqual(AnswerKind.DontKnow, result.Indicators[2].Kind);
        Assert.AreEqual(0.0, result.Indicators[2].Score);
    }

    [TestMethod]
    public void Score_Unanswered_CountsAgainstCompletenessButNotTheScore()
    {
        var result = _engine.Score([Answer.AtLevel("P1.1", 4)]);

        Assert.AreEqual(0.25, result.Completeness.Ratio, Tolerance);
        Assert.AreEqual(100.0, result.Practices[0].Score!.Value, Tolerance);
        Assert.AreEqual(AnswerKind.Unanswered, result.Indicators[1].Kind);
    }

    [TestMethod]
    public void Score_UnknownIndicator_IsRejectedNamingTheId()
    {
        var error = Assert.ThrowsExactly<InvalidAnswersException>(() => _engine.Score([Answer.AtLevel("P9.9", 2)]));

        Assert.AreEqual("P9.9", error.Problems.Single().IndicatorId);
        StringAssert.Contains(error.Message, "unknown indicator 'P9.9'");
    }

    [TestMethod]
    [DataRow(-1)]
    [DataRow(5)]
    public void Score_LevelOutOfRange_IsRejectedNamingTheId(int level)
    {
        var error = Assert.ThrowsExactly<InvalidAnswersException>(() => _engine.Score([Answer.AtLevel("P1.1", level)]));

        Assert.AreEqual("P1.1", error.Problems.Single().IndicatorId);
        StringAssert.Contains(error.Problems.Single().Message, "out of range; expected 0 to 4");
    }

    [TestMethod]
    public void Validate_ReportsEveryBadAnswerNotJustTheFirst()
    {
        var problems = _engine.Validate(
        [
            Answer.AtLevel("P1.1", 9),
            Answer.NotApplicable("P1.2", " "),
            Answer.AtLevel("P2.1", 1),
            Answer.DontKnow("P2.1"),
            new Answer("P2.2", AnswerKind.Level),
            new Answer("nope", AnswerKind.DontKnow),
        ]);

        CollectionAssert.AreEqual(
            new[]
            {
                "P1.1: level 9 is out of range; expected 0 to 4",
                "P1.2: a Not applicable answer needs a reason",
                "P2.1: answered more than once",
                "P2.2: a level answer needs a level from 0 to 4",
                "nope: unknown indicator 'nope': rubric test@1.0.0 has no such indicator",
            },
            problems.Select(p => p.ToString()).ToArray());
    }

    [TestMethod]
    public void Score_ShippedRubricAllAtLevelTwo_Scores50Everywhere()
    {
        var engine = new ScoringEngine(TestRubrics.Shipped);

        var result = engine.Score(TestRubrics.Shipped.Indicators.Select(i => Answer.AtLevel(i.Id, 2)).ToArray());

        Assert.AreEqual(50.0, result.Overall!.Value, Tolerance);
        Assert.IsTrue(result.Pillars.All(p => Math.Abs(p.Score!.Value - 50) < Tolerance));
        Assert.AreEqual(39, result.Gaps.Count);
        Assert.AreEqual(1.0, result.Completeness.Ratio);
    }
}
