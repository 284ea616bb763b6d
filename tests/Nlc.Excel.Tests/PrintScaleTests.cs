using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Nlc.Core.Assessments;
using Nlc.Core.Cities;
using Nlc.Excel.FillIn;
using Nlc.Storage;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace Nlc.Excel.Tests;

/// <summary>
/// How every sheet of every report and workbook prints, worked out from its page setup, column widths, charts and fonts
/// alone: fitted to the page width only (never to a page height), with its smallest text at 9 pt or more on paper; or at
/// full size across pages, with the first columns repeated.
/// </summary>
[TestClass]
public sealed class PrintScaleTests
{
    private const double MinimumPoints = 9;

    public static IEnumerable<(string Name, byte[] Bytes)> EveryReportAndWorkbook()
    {
        var writer = new AssessmentWorkbookWriter();
        var submitted = TestData.Assessment(TestData.Shipped) with { Status = AssessmentStatus.Submitted };
        var answers = TestData.CompleteAnswers(TestData.Shipped).Select(a => TestData.Stored(a)).ToArray();
        yield return ("assessment report", ReportWriterTests.AssessmentReport(ReportWriterTests.Peers));
        yield return ("draft report, peers withheld", ReportStatementTests.DraftReportWithPeersWithheld());
        yield return ("progress report", ReportWriterTests.ProgressReport());
        yield return ("hub report", ReportWriterTests.HubReport());
        yield return ("blank workbook", writer.WriteBlank(TestData.Shipped, "en"));
        yield return ("prefilled workbook", writer.Write(TestData.Shipped, TestData.Assessment(TestData.Shipped), TestData.City(), answers, "en"));
        yield return ("read-only workbook", writer.Write(TestData.Shipped, submitted, TestData.City(), answers, "en"));
    }

    [TestMethod]
    public void EverySheet_PrintsItsSmallestTextAtNinePointsOrMore()
    {
        foreach (var (name, bytes) in EveryReportAndWorkbook())
        {
            using var document = Workbooks.Open(bytes);
            foreach (var sheet in VisibleSheets(document))
            {
                var (fitted, scale, smallest) = Print(document, sheet);
                Assert.IsTrue(scale * smallest >= MinimumPoints, $"{name}, sheet {sheet}: {smallest} pt at {scale:P0} prints at {scale * smallest:0.0} pt");
                if (!fitted)
                {
                    var titles = document.WorkbookPart!.Workbook.DefinedNames?.Elements<DefinedName>().Where(d => d.Name == "_xlnm.Print_Titles").Select(d => d.Text).ToArray() ?? [];
                    Assert.IsTrue(titles.Any(t => t.Contains($"'{sheet}'!$A:$A", StringComparison.Ordinal)), $"{name}, sheet {sheet}: printed across pages without the first column repeated");
                }
            }
        }
    }

    [TestMethod]
    public void TheAssessmentSheet_FitsThePageWidthOnly()
    {
        foreach (var (name, bytes) in EveryReportAndWorkbook().Where(w => w.Name.EndsWith("workbook", StringComparison.Ordinal)))
        {
            using var document = Workbooks.Open(bytes);
            var setup = Workbooks.Sheet(document, "Assessment").Worksheet.GetFirstChild<PageSetup>()!;

            Assert.IsTrue(Print(document, "Assessment").Fitted, name);
            Assert.AreEqual((1U, 0U), (setup.FitToWidth!.Value, setup.FitToHeight!.Value), $"{name}: fitted to the width, as many pages down as needed");
        }
    }

    [TestMethod]
    public void TheSummary_FillsItsPage_ItsChartInsideThePrintedWidth()
    {
        using var document = Workbooks.Open(ReportWriterTests.AssessmentReport(ReportWriterTests.Peers));
        var (fitted, scale, _) = Print(document, "Summary");

        Assert.IsTrue(fitted);
        Assert.IsTrue(scale > 0.9, $"printed at {scale:P0}: the page is filled, not shrunk");
    }

    private static IEnumerable<string> VisibleSheets(SpreadsheetDocument document) =>
        document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Where(s => s.State is null).Select(s => s.Name!.Value!);

    /// <summary>Whether the sheet is fitted to the page width, the scale it prints at, and its smallest font size in points.</summary>
    private static (bool Fitted, double Scale, double SmallestFont) Print(SpreadsheetDocument document, string name)
    {
        var part = Workbooks.Sheet(document, name);
        var worksheet = part.Worksheet;
        var fonts = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>().Select(f => f.FontSize!.Val!.Value).ToArray();
        var formats = document.WorkbookPart.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<CellFormat>().ToArray();
        var cells = worksheet.Descendants<Cell>().ToArray();
        var smallest = cells.Where(c => c.InnerText.Length > 0).Select(c => fonts[(int)formats[(int)(c.StyleIndex?.Value ?? 0)].FontId!.Value]).DefaultIfEmpty(11).Min();

        var setup = worksheet.GetFirstChild<PageSetup>()!;
        var fitted = worksheet.GetFirstChild<SheetProperties>()?.PageSetupProperties?.FitToPage?.Value == true;
        if (!fitted)
        {
            return (false, (setup.Scale?.Value ?? 100) / 100.0, smallest);
        }

        var widths = worksheet.Descendants<Column>().ToDictionary(c => (int)c.Min!.Value - 1, c => c.Width!.Value);
        var lastColumn = cells.Select(c => ColumnOf(c.CellReference!.Value!)).DefaultIfEmpty(0).Max();
        if (part.DrawingsPart is { } drawings)
        {
            lastColumn = Math.Max(lastColumn, drawings.WorksheetDrawing.Elements<Xdr.TwoCellAnchor>().Max(a => int.Parse(a.ToMarker!.ColumnId!.Text) - 1));
        }

        // Column widths in pixels at 96 dpi, as LibreOffice lays them out with Carlito for Calibri (up to 7.6 a character;
        // Excel: 7 and 5 of padding), against A4 inside the margins.
        var pixels = Enumerable.Range(0, lastColumn + 1).Sum(c => widths.GetValueOrDefault(c, 8.43) * 7.6);
        var margins = worksheet.GetFirstChild<PageMargins>()!;
        var paperInches = (setup.Orientation?.Value == OrientationValues.Landscape ? 297 : 210) / 25.4;
        var printable = (paperInches - margins.Left!.Value - margins.Right!.Value) * 96;
        return (true, Math.Min(1, printable / pixels), smallest);
    }

    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            column = (column * 26) + (c - 'A' + 1);
        }

        return column - 1;
    }
}
