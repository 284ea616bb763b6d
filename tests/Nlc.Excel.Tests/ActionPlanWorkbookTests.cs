using Nlc.Core.ActionPlans;
using Nlc.Excel.ActionPlans;

namespace Nlc.Excel.Tests;

/// <summary>
/// The action-plan workbook: valid Open XML; what LibreOffice reads from it is the plan, text never a formula; and what
/// LibreOffice saves after a city's edits reads back to the same merge as the file edited directly. The files go through
/// three soffice calls, made once for the class.
/// </summary>
[TestClass]
public sealed class ActionPlanWorkbookTests
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), $"nlc-plan-tests-{Environment.ProcessId}");

    private static Dictionary<string, string> s_resaved = [];
    private static string s_csv = "";
    private static string s_pdf = "";

    [TestMethod]
    public void TheWorkbook_IsValidOpenXml()
    {
        CollectionAssert.AreEqual(Array.Empty<string>(), Workbooks.ValidationErrors(ActionPlanWorkbookReaderTests.Write("en")).ToArray());
        CollectionAssert.AreEqual(Array.Empty<string>(), Workbooks.ValidationErrors(ActionPlanWorkbookReaderTests.Edited("mk")).ToArray());
    }

    [TestMethod]
    public void ThePlanSheet_PrintsFittedToThePageWidth()
    {
        using var document = Workbooks.Open(ActionPlanWorkbookReaderTests.Write("en"));
        var sheet = Workbooks.SheetAt(document, 0).Worksheet;

        Assert.IsTrue(sheet.GetFirstChild<DocumentFormat.OpenXml.Spreadsheet.SheetProperties>()!.PageSetupProperties!.FitToPage!.Value);
        Assert.AreEqual(1U, sheet.GetFirstChild<DocumentFormat.OpenXml.Spreadsheet.PageSetup>()!.FitToWidth!.Value);
    }

    [TestMethod]
    [TestCategory(TestCategories.External)]
    public async Task LibreOffice_ReadsThePlanFiguresStatusesAndTextAsWritten()
    {
        await ConvertOnceAsync();

        StringAssert.Contains(s_csv, "Action plan of Danilovgrad");
        StringAssert.Contains(s_csv, "As of 2026-03-31: 0 of 2 actions done, 1 dropped, 1 overdue.");
        StringAssert.Contains(s_csv, "=1+1 workshop", "a title starting with = stays text");
        StringAssert.Contains(s_csv, "Overdue: due 2026-02-01");
        StringAssert.Contains(s_csv, ",Dropped,No budget,");
        StringAssert.Contains(s_csv, "2026-01-20: Venue booked");
        StringAssert.Contains(s_csv, "GP01 (GP01.1) Local mandate and political leadership: 3");
    }

    [TestMethod]
    [TestCategory(TestCategories.External)]
    public async Task ResavedByLibreOffice_AnUnchangedWorkbook_ChangesNothing_AndAnEditedOne_MergesAsTyped()
    {
        await ConvertOnceAsync();
        var plan = ActionPlanWorkbookReaderTests.Plan;

        var unchanged = ActionPlanWorkbookReader.Read(File.OpenRead(s_resaved["plan"]));
        var merged = ActionPlanMerge.Merge(plan, unchanged.Baseline, unchanged.Rows, TestData.Shipped, () => "act_new");
        Assert.AreEqual((0, 0, 0), (merged.Problems.Count, merged.Added, merged.Changed), string.Join("; ", merged.Problems));
        ActionPlanWorkbookReaderTests.AssertEditedMerge(ActionPlanWorkbookReader.Read(File.OpenRead(s_resaved["edited"])));
    }

    [TestMethod]
    [TestCategory(TestCategories.External)]
    public async Task ThePrintedPlan_FitsThePageWidth_WithEveryColumnHeader()
    {
        await ConvertOnceAsync();

        var text = await LibreOffice.TextAsync(s_pdf);
        var firstPage = string.Join(" ", (await LibreOffice.WordsAsync(s_pdf, 1)).Select(w => w.Text));
        StringAssert.Contains(firstPage, "notes", "the last column prints on the first page, beside the first");
        foreach (var header in new[] { "Id", "Action", "Description", "Practices and target levels", "Responsible", "Partners", "Start", "Due", "Status", "Reason dropped", "Progress notes" })
        {
            StringAssert.Contains(text, header);
        }
    }

    [ClassCleanup]
    public static void DeleteFiles()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private static readonly SemaphoreSlim Once = new(1, 1);

    private static async Task ConvertOnceAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (s_resaved.Count > 0)
            {
                return;
            }

            Directory.CreateDirectory(Folder);
            string Save(string name, byte[] bytes)
            {
                var path = Path.Combine(Folder, name + ".xlsx");
                File.WriteAllBytes(path, bytes);
                return path;
            }

            string[] workbooks = [Save("plan", ActionPlanWorkbookReaderTests.Write("en")), Save("edited", ActionPlanWorkbookReaderTests.Edited("mk"))];
            s_resaved = (await LibreOffice.ConvertAsync(workbooks, "xlsx", Path.Combine(Folder, "resaved"))).ToDictionary(p => Path.GetFileNameWithoutExtension(p));
            s_csv = await File.ReadAllTextAsync((await LibreOffice.ConvertSheetsToCsvAsync([workbooks[0]], Path.Combine(Folder, "csv")))[0][0]);
            s_pdf = (await LibreOffice.ConvertAsync([workbooks[0]], "pdf", Path.Combine(Folder, "pdf")))[0];
        }
        finally
        {
            Once.Release();
        }
    }
}
