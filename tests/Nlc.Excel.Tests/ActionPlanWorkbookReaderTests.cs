using Nlc.Core.ActionPlans;
using Nlc.Excel.ActionPlans;
using Nlc.Excel.Import;

namespace Nlc.Excel.Tests;

/// <summary>
/// The action-plan workbook read back: a workbook left as exported changes nothing, edits and new rows are read as the
/// city typed them (a status in any language, a date typed or as a date cell), and every cell that cannot be read is
/// named at once; a file that is not an action-plan workbook is refused as such.
/// </summary>
[TestClass]
public sealed class ActionPlanWorkbookReaderTests
{
    /// <summary>A plan of two actions (rows 6 and 7 of the workbook; new rows from 8): one open with an indicator target, one dropped.</summary>
    public static readonly ActionPlan Plan = new("city_d", "nlc", false,
    [
        PlanAction.New("act_1", new ActionInput(
            "=1+1 workshop", "Two days\nwith the police", [new ActionTarget("GP01", "GP01.1", 3), new ActionTarget("GP04", null, 2)],
            "LSC secretariat", ["OSCE", "Youth council"], new(2026, 1, 1), new(2026, 2, 1)))
            with { Notes = [new ProgressNote(new(2026, 1, 20), "Venue booked")] },
        PlanAction.New("act_2", new ActionInput("Exchange visit", "", [new ActionTarget("GP13", null, 3)], "Mayor's office", [], null, new(2026, 3, 1)))
            with { Status = ActionStatus.Dropped, DropReason = "No budget" },
    ], null, 3);

    /// <summary>The plan's workbook with act_1 done (its due date a date cell), and a new action in row 8 with its status left blank.</summary>
    public static byte[] Edited(string language) => Workbooks.SetCells(
        Write(language),
        ("I6", "Done", Shape.SharedString),
        ("H6", "46112", Shape.Number),
        ("B8", "Train school staff", Shape.InlineString),
        ("D8", "GP03: 2\nGP05 (GP05.2): 3", Shape.SharedString),
        ("E8", "Education department", Shape.SharedString),
        ("F8", "School board\n\nParents' council", Shape.SharedString),
        ("G8", "1.4.2026.", Shape.SharedString));

    /// <summary>What <see cref="Edited"/> comes to: act_1 done and due 2026-03-31, and the new action.</summary>
    public static void AssertEditedMerge(ActionPlanWorkbookImport import)
    {
        var merged = ActionPlanMerge.Merge(Plan, import.Baseline, import.Rows, TestData.Shipped, () => "act_new");

        Assert.AreEqual(0, merged.Problems.Count, string.Join("; ", merged.Problems));
        Assert.AreEqual((1, 1), (merged.Added, merged.Changed));
        var done = merged.Actions!.Single(a => a.Id == "act_1");
        Assert.AreEqual((ActionStatus.Done, (DateOnly?)new DateOnly(2026, 3, 31)), (done.Status, done.Due));
        Assert.AreEqual("=1+1 workshop", done.Title, "text that looks like a formula comes back as typed");
        Assert.AreEqual("Venue booked", done.Notes.Single().Text, "notes stay as the plan has them");
        var added = merged.Actions!.Single(a => a.Id == "act_new");
        Assert.AreEqual(("Train school staff", "Education department", ActionStatus.Planned, (DateOnly?)new DateOnly(2026, 4, 1)), (added.Title, added.Responsible, added.Status, added.Start));
        CollectionAssert.AreEqual(new[] { new ActionTarget("GP03", null, 2), new ActionTarget("GP05", "GP05.2", 3) }, added.Targets.ToArray());
        CollectionAssert.AreEqual(new[] { "School board", "Parents' council" }, added.Partners.ToArray());
        Assert.AreEqual(ActionStatus.Dropped, merged.Actions!.Single(a => a.Id == "act_2").Status);
    }

    public static byte[] Write(string language) => ActionPlanWorkbookWriter.Write(Plan, TestData.Shipped, "Danilovgrad", new(2026, 3, 31), language);

    [TestMethod]
    [DataRow("en")]
    [DataRow("mk")]
    [DataRow("sr-Cyrl")]
    public void AWorkbookLeftAsExported_ReadsBackAsThePlan_AndChangesNothing(string language)
    {
        var import = ActionPlanWorkbookReader.Read(new MemoryStream(Write(language)));

        Assert.AreEqual(("city_d", "Danilovgrad", 3L), (import.CityId, import.CityName, import.PlanVersion));
        CollectionAssert.AreEqual(new[] { "act_1", "act_2" }, import.Rows.Select(r => r.ActionId).ToArray(), "the empty rows for new actions are not read");
        var merged = ActionPlanMerge.Merge(Plan, import.Baseline, import.Rows, TestData.Shipped, () => throw new AssertFailedException("no new action"));
        Assert.AreEqual((0, 0, 0), (merged.Problems.Count, merged.Added, merged.Changed), string.Join("; ", merged.Problems));
    }

    [TestMethod]
    [DataRow("en")]
    [DataRow("sq")]
    public void EditsAndANewRow_AreReadAsTyped(string language) =>
        AssertEditedMerge(ActionPlanWorkbookReader.Read(new MemoryStream(Edited(language))));

    [TestMethod]
    public void EveryCellThatCannotBeRead_IsNamedAtOnce_ByItsCell()
    {
        var workbook = Workbooks.SetCells(
            Write("en"),
            ("B6", "1+1", Shape.Formula),
            ("G6", "31/02/2026", Shape.SharedString),
            ("I7", "Maybe", Shape.SharedString),
            ("D8", "GP01 three", Shape.SharedString),
            ("B8", "New action", Shape.SharedString));

        var rejected = Assert.ThrowsExactly<WorkbookRejectedException>(() => ActionPlanWorkbookReader.Read(new MemoryStream(workbook)));

        CollectionAssert.AreEqual(
            new[] { "Action plan!B6 formula", "Action plan!G6 dateMalformed", "Action plan!I7 statusUnknown", "Action plan!D8 targetMalformed" },
            rejected.Problems.Select(p => $"{p.Location} {p.Code}").ToArray());
        StringAssert.Contains(rejected.Problems[2].Message, "\"Maybe\" is not a status; choose Planned, In progress, Done, Dropped");
        StringAssert.Contains(rejected.Problems[3].Message, "the line \"GP01 three\" is not a target");
    }

    [TestMethod]
    public void Problems_AreWordedInTheLanguageAskedFor_WithTheSameCodes()
    {
        var workbook = Workbooks.SetCells(Write("en"), ("G6", "soon", Shape.SharedString));

        var rejected = Assert.ThrowsExactly<WorkbookRejectedException>(() => ActionPlanWorkbookReader.Read(new MemoryStream(workbook), "sq"));

        Assert.AreEqual("dateMalformed", rejected.Problems.Single().Code);
        Assert.AreEqual("\"soon\" nuk është datë; shkruajeni si 2026-03-31", rejected.Problems.Single().Message);
    }

    [TestMethod]
    public void AnUnknownStatus_ListsTheStatusesOfTheWorkbooksDropDown()
    {
        var workbook = Workbooks.SetCells(Write("mk"), ("I6", "Maybe", Shape.SharedString));

        var rejected = Assert.ThrowsExactly<WorkbookRejectedException>(() => ActionPlanWorkbookReader.Read(new MemoryStream(workbook)));

        StringAssert.Contains(rejected.Problems.Single().Message, "choose Планирана, Во тек, Завршена, Откажана");
    }

    [TestMethod]
    public void AnAssessmentWorkbook_OrAnythingElse_IsRefusedAsNotAnActionPlanWorkbook()
    {
        var assessment = new FillIn.AssessmentWorkbookWriter().WriteBlank(TestData.Shipped, "en");
        var withoutKeys = Workbooks.SetCells(Write("en"), [.. Enumerable.Range(0, 11).Select(c => ($"{(char)('A' + c)}4", "", Shape.SharedString))]);

        Assert.AreEqual("actionPlanNotWorkbook", Refusal(assessment));
        Assert.AreEqual("notZip", Refusal("not a workbook"u8.ToArray()));
        Assert.AreEqual("actionPlanNoSheet", Refusal(withoutKeys));
    }

    [TestMethod]
    public void AProblemOfTheMerge_IsPlacedInTheCellOfItsField()
    {
        var import = ActionPlanWorkbookReader.Read(new MemoryStream(Write("en")));

        Assert.AreEqual("Action plan!D7", import.CellOf(7, "targets[0].targetLevel"));
        Assert.AreEqual("Action plan!A6", import.CellOf(6, "actionId"));
        Assert.AreEqual("Action plan!J6", import.CellOf(6, "dropReason"));
    }

    private static string Refusal(byte[] workbook) =>
        Assert.ThrowsExactly<WorkbookRejectedException>(() => ActionPlanWorkbookReader.Read(new MemoryStream(workbook))).Problems.Single().Code;
}
