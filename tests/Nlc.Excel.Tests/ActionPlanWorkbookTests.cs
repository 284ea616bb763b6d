using Nlc.Core.ActionPlans;
using Nlc.Core.Rubrics;
using Nlc.Excel.ActionPlans;

namespace Nlc.Excel.Tests;

/// <summary>The action-plan workbook: valid Open XML, and what LibreOffice reads from it is the plan, text never a formula.</summary>
[TestClass]
public sealed class ActionPlanWorkbookTests
{
    private static readonly Rubric Shipped = RubricLoader.LoadFile(RepositoryPaths.ShippedRubric);

    private static readonly ActionPlan Plan = new("city_d", "nlc", false,
    [
        PlanAction.New("act_1", new ActionInput("=1+1 workshop", "", [new ActionTarget("GP01", "GP01.1", 3)], "LSC secretariat", ["OSCE"], new(2026, 1, 1), new(2026, 2, 1)))
            with { Notes = [new ProgressNote(new(2026, 1, 20), "Venue booked")] },
        PlanAction.New("act_2", new ActionInput("Exchange visit", "", [new ActionTarget("GP13", null, 3)], "Mayor's office", [], null, new(2026, 3, 1)))
            with { Status = ActionStatus.Dropped, DropReason = "No budget" },
    ], null, 3);

    [TestMethod]
    public void TheWorkbook_IsValidOpenXml()
    {
        CollectionAssert.AreEqual(Array.Empty<string>(), Workbooks.ValidationErrors(ActionPlanWorkbookWriter.Write(Plan, Shipped, "Danilovgrad", new(2026, 3, 31), "en")).ToArray());
    }

    [TestMethod]
    [TestCategory(TestCategories.External)]
    public async Task LibreOffice_ReadsThePlanFiguresStatusesAndTextAsWritten()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"nlc-plan-tests-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "plan.xlsx");
        await File.WriteAllBytesAsync(path, ActionPlanWorkbookWriter.Write(Plan, Shipped, "Danilovgrad", new(2026, 3, 31), "en"));

        var csv = await File.ReadAllTextAsync((await LibreOffice.ConvertSheetsToCsvAsync([path], Path.Combine(folder, "csv")))[0][0]);
        Directory.Delete(folder, recursive: true);

        StringAssert.Contains(csv, "Action plan of Danilovgrad");
        StringAssert.Contains(csv, "As of 2026-03-31: 0 of 2 actions done, 1 dropped, 1 overdue.");
        StringAssert.Contains(csv, "=1+1 workshop", "a title starting with = stays text");
        StringAssert.Contains(csv, "2026-02-01 (overdue)");
        StringAssert.Contains(csv, "Dropped: No budget");
        StringAssert.Contains(csv, "2026-01-20: Venue booked");
        StringAssert.Contains(csv, "(GP01.1): 3");
    }
}
