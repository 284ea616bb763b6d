namespace Nlc.Excel.Tests;

/// <summary>
/// What a reader sees on paper: every report and the fill-in workbook printed to PDF by LibreOffice (one soffice call for
/// the class), read back word by word with their positions. Page 1 must state the status and completeness, say why peer
/// figures are withheld without running over the chart, show the status of every period and the targets, and print no
/// text smaller than 9 pt.
/// </summary>
[TestClass]
[TestCategory(TestCategories.External)]
public sealed class RenderedPagesTests
{
    // Carlito's word boxes are about 1.3 times the font size; 9 pt text gives boxes of 11.7 pt.
    private const double BoxPerPoint = 1.3;
    private const double MinimumPoints = 9;

    private static readonly string Folder = Path.Combine(Path.GetTempPath(), $"nlc-rendered-pages-{Environment.ProcessId}");
    private static Dictionary<string, string> s_pdfs = [];

    [ClassInitialize]
    public static async Task PrintEverythingOnce(TestContext context)
    {
        _ = context;
        Directory.CreateDirectory(Folder);
        var files = new (string Name, byte[] Bytes)[]
        {
            ("validated", ReportWriterTests.AssessmentReport(ReportWriterTests.Peers)),
            ("draft", ReportStatementTests.DraftReportWithPeersWithheld()),
            ("progress", ReportWriterTests.ProgressReport()),
            ("hub", ReportWriterTests.HubReport()),
            ("blank", new FillIn.AssessmentWorkbookWriter().WriteBlank(TestData.Shipped, "en")),
            ("readonly", PrintScaleTests.EveryReportAndWorkbook().Single(w => w.Name == "read-only workbook").Bytes),
        }.Select(f =>
        {
            var path = Path.Combine(Folder, f.Name + ".xlsx");
            File.WriteAllBytes(path, f.Bytes);
            return path;
        }).ToArray();
        var pdfs = await LibreOffice.ConvertAsync(files, "pdf", Path.Combine(Folder, "pdf"));
        s_pdfs = pdfs.ToDictionary(p => Path.GetFileNameWithoutExtension(p));
    }

    [ClassCleanup]
    public static void DeleteFiles() => Directory.Delete(Folder, recursive: true);

    private static async Task<string> PageTextAsync(string name, int page) => string.Join(' ', (await LibreOffice.WordsAsync(s_pdfs[name], page)).Select(w => w.Text));

    [TestMethod]
    public async Task PageOne_OfADraftsReport_SaysDraftAndHowMuchIsAnswered_NamesPillarsAndTheTopNextSteps()
    {
        var text = await PageTextAsync("draft", 1);

        StringAssert.Contains(text, "Overall index");
        StringAssert.Contains(text, "Draft, not validated: 10 of 39 indicators answered.");
        StringAssert.Contains(text, "Strongest pillar: Inclusivity (87.5). Weakest pillar: Coordination (18.8).");
        StringAssert.Contains(text, "Top next steps");
        StringAssert.Contains(text, "Find out which level applies");
        StringAssert.Contains(text, "Reach level 1 –");
    }

    [TestMethod]
    public async Task PageOne_OfAValidatedReport_SaysValidatedAndComplete()
    {
        StringAssert.Contains(await PageTextAsync("validated", 1), "Validated: all 39 indicators answered.");
    }

    [TestMethod]
    public async Task PageOne_SaysWhyPeerFiguresAreWithheld_AndTheReasonStaysClearOfTheChart()
    {
        var words = await LibreOffice.WordsAsync(s_pdfs["draft"], 1);
        var reason = ReportStatementTests.WithheldReason.Split(' ');
        var start = Enumerable.Range(0, words.Count - reason.Length).FirstOrDefault(i => reason.Select((r, k) => words[i + k].Text == r).All(x => x), -1);
        var chartTitle = words.Single(w => w.Text == "scores" && words.Any(p => p.Text == "Pillar" && Math.Abs(p.YMin - w.YMin) < 1 && p.XMax < w.XMin));

        Assert.IsTrue(start >= 0, $"the reason is not printed whole on page 1: {string.Join(' ', words.Select(w => w.Text))}");
        var overlapping = words.Skip(start).Take(reason.Length).Where(w => w.XMax > chartTitle.XMin - 40).ToArray();
        Assert.AreEqual(0, overlapping.Length, $"words of the reason run into the chart: {string.Join(' ', overlapping.Select(w => w.Text))}");
    }

    [TestMethod]
    public async Task PageOne_OfTheProgressReport_ShowsTheStatusOfEveryPeriod_AndTheTargets()
    {
        var words = await LibreOffice.WordsAsync(s_pdfs["progress"], 1);
        var text = string.Join(' ', words.Select(w => w.Text));
        var status = words.First(w => w.Text == "Status");
        var line = words.Where(w => Math.Abs(w.YMin - status.YMin) < 2).OrderBy(w => w.XMin).Select(w => w.Text).ToArray();

        CollectionAssert.AreEqual(new[] { "Status", "Validated", "Validated", "Validated", "Draft" }, line);
        StringAssert.Contains(text, "validated assessments only");
        StringAssert.Contains(text, "Targets to reach by 2027");
        StringAssert.Contains(await PageTextAsync("progress", 2), "Target 2027");
    }

    [TestMethod]
    public async Task PageOne_OfTheHubReport_NamesGroupPeriodAndRubric_WithStatusAndMedianRows()
    {
        var text = await PageTextAsync("hub", 1);

        StringAssert.Contains(text, "Western Balkans hub, tag lsc; period 2025; rubric nlc version 1.0.0");
        StringAssert.Contains(text, "Draft");
        StringAssert.Contains(text, "Median of 3 validated");
    }

    [TestMethod]
    public async Task PageOne_OfAReadOnlyWorkbook_SaysItIsReadOnlyAndWhatToDo()
    {
        StringAssert.Contains(await PageTextAsync("readonly", 1), "Read-only: this assessment has been submitted");
    }

    [TestMethod]
    public async Task NoPrintedText_IsSmallerThanNinePoints()
    {
        var assessmentPage = 1;
        while (!(await PageTextAsync("blank", assessmentPage)).StartsWith("Practice Practice title", StringComparison.Ordinal))
        {
            assessmentPage++;
        }

        foreach (var (name, page) in new[] { ("validated", 1), ("draft", 1), ("progress", 1), ("hub", 1), ("blank", 1), ("blank", assessmentPage) })
        {
            var smallest = (await LibreOffice.WordsAsync(s_pdfs[name], page)).Min(w => w.Height) / BoxPerPoint;
            Assert.IsTrue(smallest >= MinimumPoints - 0.05, $"{name}, page {page}: text printed at {smallest:0.0} pt");
        }
    }
}
