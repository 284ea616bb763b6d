using System.Globalization;
using Nlc.Core.Assessments;
using Nlc.Core.Cities;
using Nlc.Excel.FillIn;
using Nlc.Excel.Import;
using Nlc.Storage;

namespace Nlc.Excel.Tests;

/// <summary>
/// Workbooks through a real spreadsheet program: LibreOffice Calc re-saves filled-in workbooks (which must import the
/// same), and converts the reports to PDF (which must work, with the charts really drawn). All files go through two
/// soffice calls, made once for the class.
/// </summary>
[TestClass]
[TestCategory(TestCategories.External)]
public sealed class LibreOfficeTests
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), $"nlc-excel-tests-{Environment.ProcessId}");
    private static readonly (CellEdit[] Edits, AnswerInput[] Expected) Shapes = AssessmentWorkbookReaderTests.EveryShape();
    private static readonly AnswerInput[] Prefilled = TestData.CompleteAnswers(TestData.Shipped)
        .Select((a, i) => new AnswerInput(
            i % 4 == 1 ? a with { Note = "=1+1 is text; so are ćčžšđ and\nline breaks" } : a,
            i % 3 == 0 ? [$"https://example.org/doc{i}", "+381 11 123 456"] : []))
        .ToArray();

    private static Dictionary<string, string> s_resaved = [];
    private static Dictionary<string, string> s_pdfs = [];

    [ClassInitialize]
    public static async Task ConvertEverythingOnce(TestContext context)
    {
        _ = context;
        Directory.CreateDirectory(Folder);
        string Save(string name, byte[] bytes)
        {
            var path = Path.Combine(Folder, name + ".xlsx");
            File.WriteAllBytes(path, bytes);
            return path;
        }

        var writer = new AssessmentWorkbookWriter();
        var stored = Prefilled.Select(a => TestData.Stored(a.Answer, [.. a.Evidence])).ToArray();
        string[] workbooks =
        [
            Save("filled", Workbooks.Fill(AssessmentWorkbookReaderTests.Blank(), Shapes.Edits)),
            Save("prefilled", writer.Write(TestData.Shipped, TestData.Assessment(TestData.Shipped), TestData.City(), stored, "en")),
            Save("blank", writer.WriteBlank(TestData.Shipped, "en")),
        ];
        string[] reports =
        [
            Save("report", ReportWriterTests.AssessmentReport(ReportWriterTests.Peers)),
            Save("progress", ReportWriterTests.ProgressReport()),
            Save("hub", ReportWriterTests.HubReport()),
        ];

        var resaved = await LibreOffice.ConvertAsync(workbooks, "xlsx", Path.Combine(Folder, "resaved"));
        var pdfs = await LibreOffice.ConvertAsync([.. reports, workbooks[2]], "pdf", Path.Combine(Folder, "pdf"));
        s_resaved = resaved.ToDictionary(p => Path.GetFileNameWithoutExtension(p));
        s_pdfs = pdfs.ToDictionary(p => Path.GetFileNameWithoutExtension(p));
    }

    [ClassCleanup]
    public static void DeleteFiles() => Directory.Delete(Folder, recursive: true);

    private static WorkbookImport ReadResaved(string name)
    {
        var bytes = File.ReadAllBytes(s_resaved[name]);
        StringAssert.Contains(Workbooks.Entries(bytes)["docProps/app.xml"], "LibreOffice", $"{name} was not re-saved by LibreOffice");
        return new AssessmentWorkbookReader(TestData.Catalog).Read(new MemoryStream(bytes));
    }

    [TestMethod]
    public void ResavedByLibreOffice_AFilledInWorkbook_ImportsTheSameAnswers()
    {
        var read = ReadResaved("filled");

        AssessmentWorkbookReaderTests.AssertSameAnswers(Shapes.Expected, read.Answers);
        Assert.AreEqual("asm_1", read.Metadata.AssessmentId);
    }

    [TestMethod]
    public void ResavedByLibreOffice_APrefilledWorkbook_ImportsTheStoredAnswersAsUnchanged()
    {
        var read = ReadResaved("prefilled");

        AssessmentWorkbookReaderTests.AssertSameAnswers(Prefilled, read.Answers);
        Assert.AreEqual(Prefilled.Length, read.Baseline.Count);
        Assert.AreEqual(0, read.BasedAnswers().Count(a => AnswerFingerprint.Of(a.Answer) != a.BaseFingerprint), "an unchanged workbook holds no edits");
    }

    [TestMethod]
    public void ResavedByLibreOffice_ABlankWorkbook_KeepsItsMetadataDropDownAndProtection()
    {
        var read = ReadResaved("blank");
        using var document = Workbooks.Open(File.ReadAllBytes(s_resaved["blank"]));
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().ToArray();
        var assessment = Workbooks.Sheet(document, "Assessment").Worksheet;

        Assert.AreEqual(0, read.Answers.Count);
        Assert.AreEqual((null, "nlc@1.0.0"), (read.Metadata.AssessmentId, read.Metadata.RubricKey));
        Assert.AreEqual(DocumentFormat.OpenXml.Spreadsheet.SheetStateValues.Hidden, sheets.Single(s => s.Name == "_meta").State!.Value);
        Assert.AreEqual(1, assessment.Descendants<DocumentFormat.OpenXml.Spreadsheet.DataValidation>().Count());
        Assert.IsNotNull(assessment.GetFirstChild<DocumentFormat.OpenXml.Spreadsheet.SheetProtection>());
    }

    [TestMethod]
    public void EveryReport_ConvertsToPdf()
    {
        foreach (var name in new[] { "report", "progress", "hub", "blank" })
        {
            var pdf = File.ReadAllBytes(s_pdfs[name]);
            Assert.IsTrue(pdf.Length > 2000 && pdf.AsSpan().StartsWith("%PDF-"u8), $"{name}.pdf is not a PDF");
        }
    }

    [TestMethod]
    public async Task TheRadarChart_IsDrawnInThePdf_WithBothSeries()
    {
        var pages = await LibreOffice.RenderAsync(s_pdfs["report"], 100);

        // The series colours (city: dark blue 1F4E79, peers: orange C55A11) appear nowhere else on the page.
        Assert.IsTrue(CountPixels(pages[0], 0x1F, 0x4E, 0x79) > 120, "the city's series is not drawn");
        Assert.IsTrue(CountPixels(pages[0], 0xC5, 0x5A, 0x11) > 120, "the peers' series is not drawn");
    }

    [TestMethod]
    public async Task TheLineChart_IsDrawnInThePdf()
    {
        var pages = await LibreOffice.RenderAsync(s_pdfs["progress"], 100);

        Assert.IsTrue(pages.Sum(p => CountPixels(p, 0x54, 0x82, 0x35)) > 100, "the third pillar's line is not drawn");
    }

    /// <summary>Pixels of a binary PPM within a small distance of the given colour.</summary>
    private static int CountPixels(string ppm, int red, int green, int blue)
    {
        var bytes = File.ReadAllBytes(ppm);
        var at = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)bytes[at]))
            {
                at++;
            }

            var start = at;
            while (!char.IsWhiteSpace((char)bytes[at]))
            {
                at++;
            }

            return System.Text.Encoding.ASCII.GetString(bytes, start, at - start);
        }

        Assert.AreEqual("P6", Token());
        var (width, height) = (int.Parse(Token(), CultureInfo.InvariantCulture), int.Parse(Token(), CultureInfo.InvariantCulture));
        Assert.AreEqual("255", Token());
        at++;
        var count = 0;
        for (var i = at; i + 2 < at + (width * height * 3); i += 3)
        {
            if (Math.Abs(bytes[i] - red) < 24 && Math.Abs(bytes[i + 1] - green) < 24 && Math.Abs(bytes[i + 2] - blue) < 24)
            {
                count++;
            }
        }

        return count;
    }
}
