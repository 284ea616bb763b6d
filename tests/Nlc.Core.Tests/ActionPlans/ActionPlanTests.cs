using Nlc.Core.ActionPlans;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;

namespace Nlc.Core.Tests.ActionPlans;

[TestClass]
public sealed class ActionPlanTests
{
    private static readonly Rubric TwoPillars = TestRubrics.TwoPillars();
    private static readonly DateOnly March31 = new(2026, 3, 31);

    private static PlanAction Action(string id, ActionStatus status, DateOnly? due = null, string practice = "P1", int level = 3) =>
        PlanAction.New(id, new ActionInput($"Action {id}", "", [new ActionTarget(practice, null, level)], "LSC secretariat", [], null, due))
            with { Status = status, DropReason = status == ActionStatus.Dropped ? "no budget" : null };

    [TestMethod]
    public void Progress_OfSixActions_CountsDroppedApartAndLeavesThemOutOfTheShareDone()
    {
        // 6 actions: 2 done, 1 in progress, 1 planned, 2 dropped. Share done = 2 / (6 − 2) = 0.5, not 2 / 6.
        PlanAction[] actions =
        [
            Action("a1", ActionStatus.Done), Action("a2", ActionStatus.Done), Action("a3", ActionStatus.InProgress),
            Action("a4", ActionStatus.Planned), Action("a5", ActionStatus.Dropped), Action("a6", ActionStatus.Dropped),
        ];

        var progress = PlanProgress.Of(actions, March31);

        Assert.AreEqual(new PlanProgress(6, 1, 1, 2, 2, 0), progress);
        Assert.AreEqual(0.5, progress.ShareDone!.Value, 1e-12);
    }

    [TestMethod]
    public void Progress_WithEveryActionDropped_HasNoShareDone()
    {
        Assert.IsNull(PlanProgress.Of([Action("a1", ActionStatus.Dropped)], March31).ShareDone);
        Assert.IsNull(PlanProgress.Of([], March31).ShareDone);
    }

    [TestMethod]
    public void OverdueActions_AreOpenActionsDueBeforeTheDay_LongestOverdueFirst()
    {
        // As of 31 March: due 15 March (in progress) and 1 February (planned) are overdue; due 31 March is due today, not
        // overdue; a done action due in January and a dropped one are not overdue; one without a due date never is.
        PlanAction[] actions =
        [
            Action("late", ActionStatus.InProgress, new DateOnly(2026, 3, 15)),
            Action("today", ActionStatus.Planned, March31),
            Action("later", ActionStatus.Planned, new DateOnly(2026, 2, 1)),
            Action("done", ActionStatus.Done, new DateOnly(2026, 1, 10)),
            Action("dropped", ActionStatus.Dropped, new DateOnly(2026, 1, 10)),
            Action("undated", ActionStatus.Planned),
        ];

        var overdue = PlanProgress.OverdueActions(actions, March31);

        CollectionAssert.AreEqual(new[] { "later", "late" }, overdue.Select(a => a.Id).ToArray());
        Assert.AreEqual(2, PlanProgress.Of(actions, March31).Overdue);
        Assert.AreEqual(0, PlanProgress.Of(actions, new DateOnly(2026, 2, 1)).Overdue, "due on 1 February is not overdue on 1 February");
    }

    [TestMethod]
    public void StartingFromANextStep_FillsInItsPracticeIndicatorAndTheLevelAbove()
    {
        // P1.2 at level 1 (weight 3) is the biggest gap; its next step is level 2.
        var score = new ScoringEngine(TwoPillars).Score(
            [Answer.AtLevel("P1.1", 3), Answer.AtLevel("P1.2", 1), Answer.AtLevel("P2.1", 4), Answer.AtLevel("P2.2", 4)]);
        var step = NextStepAction.Find(score, "P1.2")!.Value;

        var input = NextStepAction.From(step, "en");

        Assert.AreEqual(new ActionTarget("P1", "P1.2", 2), input.Targets!.Single());
        StringAssert.StartsWith(input.Title, "Reach level 2");
        Assert.IsNull(NextStepAction.Find(score, "P2.1"), "an indicator at the top level has no next step");
        // Only the responsible body is left to fill in before it may be saved.
        CollectionAssert.AreEqual(new[] { "responsible" }, ActionRules.Check(input, TwoPillars).Select(p => p.Field).ToArray());
    }

    [TestMethod]
    public void Check_NamesEveryProblemByFieldAtOnce()
    {
        var input = new ActionInput(
            " ", new string('d', ActionRules.MaxDescription + 1),
            [new ActionTarget("P9", null, 2), new ActionTarget("P1", "P2.1", 5)],
            null, ["UNDP", ""], new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 1));

        var problems = ActionRules.Check(input, TwoPillars);

        CollectionAssert.AreEqual(
            new[] { "title", "description", "responsible", "partners[1]", "targets[0].practiceId", "targets[1].indicatorId", "targets[1].targetLevel", "due" },
            problems.Select(p => p.Field).ToArray());
        StringAssert.Contains(problems.Single(p => p.Field == "targets[1].targetLevel").Message, "from 1 to 4");
        StringAssert.Contains(problems.Single(p => p.Field == "due").Message, "2026-04-01 is before the start date 2026-05-01");
    }

    [TestMethod]
    public void CheckStatus_DroppedNeedsAReason_AndOnlyDroppedTakesOne()
    {
        Assert.AreEqual("dropReason", ActionRules.CheckStatus(ActionStatus.Dropped, "  ").Single().Field);
        Assert.AreEqual(0, ActionRules.CheckStatus(ActionStatus.Dropped, "the council cut the budget").Count);
        Assert.AreEqual("dropReason", ActionRules.CheckStatus(ActionStatus.Done, "why").Single().Field);
        CollectionAssert.AreEqual(new[] { "date", "text" }, ActionRules.CheckNote(null, "").Select(p => p.Field).ToArray());
    }

    [TestMethod]
    public void PracticeActions_ShowWhetherEachTargetedPracticeMovedAfterTheBaseline()
    {
        // Baseline 2025: P1 at 1, P2 at 2. 2026: P1 at 3 (up, target 3 reached), P2 at 2 (same). 2024 is before the baseline and ignored.
        PlanAction[] actions = [Action("a1", ActionStatus.Done, practice: "P1", level: 3), Action("a2", ActionStatus.Planned, practice: "P2", level: 4),
            Action("a3", ActionStatus.Planned, practice: "P1", level: 2)];
        PeriodLevels[] series =
        [
            new("2026", new Dictionary<string, int?> { ["P1"] = 3, ["P2"] = 2 }),
            new("2024", new Dictionary<string, int?> { ["P1"] = 4, ["P2"] = 0 }),
            new("2025", new Dictionary<string, int?> { ["P1"] = 1, ["P2"] = 2 }),
        ];

        var rows = PracticeActions.Of(TwoPillars, actions, series, "2025");

        Assert.AreEqual(2, rows.Count);
        var p1 = rows[0];
        Assert.AreEqual(("P1", 3, 1, "2026", 3, LevelMovement.Up, true), (p1.PracticeId, p1.TargetLevel, p1.BaselineLevel, p1.LatestPeriod, p1.LatestLevel, p1.Movement, p1.TargetReached));
        CollectionAssert.AreEqual(new[] { "a1", "a3" }, p1.Actions.Select(a => a.Id).ToArray());
        Assert.AreEqual((LevelMovement.Same, false), (rows[1].Movement, rows[1].TargetReached));
        Assert.AreEqual(LevelMovement.NotYetMeasured, PracticeActions.Of(TwoPillars, actions, series, "2026")[0].Movement, "no period after 2026 yet");
    }
}
