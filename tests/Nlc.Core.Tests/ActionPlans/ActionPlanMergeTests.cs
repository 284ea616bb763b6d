using Nlc.Core.ActionPlans;
using Nlc.Core.Rubrics;

namespace Nlc.Core.Tests.ActionPlans;

/// <summary>
/// Worked examples of the baseline merge of an action-plan workbook: exported with actions a1 and a2, edited offline
/// while the plan itself moved on.
/// </summary>
[TestClass]
public sealed class ActionPlanMergeTests
{
    private static readonly Rubric TwoPillars = TestRubrics.TwoPillars();

    private static ActionInput Input(string title, string responsible = "LSC secretariat", int level = 3) =>
        new(title, "", [new ActionTarget("P1", null, level)], responsible, [], null, null);

    private static PlanAction Saved(string id, string title) =>
        PlanAction.New(id, Input(title)) with { Notes = [new ProgressNote(new DateOnly(2026, 2, 1), "Kick-off held")] };

    private static ImportedAction Row(int row, string? id, string title, ActionStatus status = ActionStatus.Planned, string? dropReason = null, string responsible = "LSC secretariat") =>
        new(row, id, Input(title, responsible), status, dropReason);

    private static ActionPlan Plan(params PlanAction[] actions) => new("city_1", "nlc", false, actions, null, 7);

    private static int _ids;

    private static string NewId() => $"act_new{++_ids}";

    /// <summary>The plan at export: a1 "Joint workshop" and a2 "Youth council", both planned; the workbook's baseline.</summary>
    private static readonly PlanAction[] Exported = [Saved("a1", "Joint workshop"), Saved("a2", "Youth council")];

    private static Dictionary<string, string> Baseline() => Exported.ToDictionary(a => a.Id, ActionPlanMerge.Fingerprint);

    [TestMethod]
    public void ARowChangedOnlyInTheWorkbook_IsApplied_KeepingItsNotes_WhileAnUntouchedRowKeepsWhatThePlanSavedSince()
    {
        // Since the export the plan renamed a2; the workbook changed a1's responsible body and status and left a2 as exported.
        var now = Plan(Exported[0], Exported[1] with { Title = "Youth council (renamed)" });
        var rows = new[]
        {
            Row(6, "a1", "Joint workshop", ActionStatus.InProgress, responsible: "Mayor's office"),
            Row(7, "a2", "Youth council"),
        };

        var result = ActionPlanMerge.Merge(now, Baseline(), rows, TwoPillars, NewId);

        Assert.AreEqual(0, result.Problems.Count, string.Join("; ", result.Problems));
        Assert.AreEqual(1, result.Changed);
        Assert.AreEqual(0, result.Added);
        var a1 = result.Actions!.Single(a => a.Id == "a1");
        Assert.AreEqual(("Mayor's office", ActionStatus.InProgress), (a1.Responsible, a1.Status));
        Assert.AreEqual("Kick-off held", a1.Notes.Single().Text, "notes are not in a workbook and stay");
        Assert.AreEqual("Youth council (renamed)", result.Actions!.Single(a => a.Id == "a2").Title, "the plan's later change stands");
    }

    [TestMethod]
    public void ARowChangedBothInTheWorkbookAndInThePlan_IsAConflict_AndNothingIsMerged()
    {
        var now = Plan(Exported[0] with { Status = ActionStatus.Done }, Exported[1]);
        var rows = new[] { Row(6, "a1", "Joint workshop with the ministry"), Row(7, null, "Teacher training") };

        var result = ActionPlanMerge.Merge(now, Baseline(), rows, TwoPillars, NewId);

        Assert.IsNull(result.Actions, "all or nothing");
        var conflict = result.Problems.Single();
        Assert.AreEqual((6, "actionId", ActionProblemKind.Conflict), (conflict.Row, conflict.Problem.Field, conflict.Problem.Kind));
        StringAssert.Contains(conflict.Problem.Message, "also changed in the plan");
    }

    [TestMethod]
    public void ARowChangedInTheWorkbook_ForAnActionRemovedFromThePlan_IsAConflict()
    {
        var result = ActionPlanMerge.Merge(Plan(Exported[1]), Baseline(), [Row(6, "a1", "Joint workshop, two days")], TwoPillars, NewId);

        Assert.AreEqual(ActionProblemKind.Conflict, result.Problems.Single().Problem.Kind);
        StringAssert.Contains(result.Problems.Single().Problem.Message, "was removed from the plan");
    }

    [TestMethod]
    public void ARowWithoutAnId_IsANewActionAtTheEnd_WithItsStatusAndDropReason()
    {
        var rows = new[] { Row(8, null, "Media monitoring", ActionStatus.Dropped, "  No budget this year "), Row(7, "a2", "Youth council") };

        var result = ActionPlanMerge.Merge(Plan(Exported), Baseline(), rows, TwoPillars, () => "act_fresh");

        CollectionAssert.AreEqual(new[] { "a1", "a2", "act_fresh" }, result.Actions!.Select(a => a.Id).ToArray());
        var added = result.Actions![2];
        Assert.AreEqual(("Media monitoring", ActionStatus.Dropped, "No budget this year"), (added.Title, added.Status, added.DropReason));
        Assert.AreEqual((1, 0), (result.Added, result.Changed));
    }

    [TestMethod]
    public void EveryRowProblem_ComesBackAtOnce_WithItsRowAndField_AndNothingIsMerged()
    {
        var rows = new[]
        {
            Row(6, "a1", " "),                                            // title required
            Row(7, "a2", "Youth council", ActionStatus.Dropped),          // a dropped action needs a reason
            Row(8, "a2", "Youth council"),                                // the same action twice
            Row(9, "a9", "Invented"),                                     // not an exported action
            new ImportedAction(10, null, Input("Training", level: 9), ActionStatus.Done, "because"), // level off the scale; a reason without dropping
        };

        var result = ActionPlanMerge.Merge(Plan(Exported), Baseline(), rows, TwoPillars, NewId);

        Assert.IsNull(result.Actions);
        CollectionAssert.AreEquivalent(
            new[] { "6 title Required", "7 dropReason Required", "8 actionId Duplicate", "9 actionId Unknown", "10 targets[0].targetLevel OutOfRange", "10 dropReason NotAllowed" },
            result.Problems.Select(p => $"{p.Row} {p.Problem.Field} {p.Problem.Kind}").ToArray());
    }

    [TestMethod]
    public void AWorkbookSavedAgainUnchanged_ChangesNothing_EvenThoughItsTextsComeBackWithSpaces()
    {
        var rows = new[] { Row(6, "a1", "  Joint workshop "), Row(7, "a2", "Youth council", responsible: "LSC secretariat  ") };

        var result = ActionPlanMerge.Merge(Plan(Exported), Baseline(), rows, TwoPillars, NewId);

        Assert.AreEqual((0, 0, 0), (result.Problems.Count, result.Added, result.Changed));
        CollectionAssert.AreEqual(Exported, result.Actions!.ToArray());
    }
}
