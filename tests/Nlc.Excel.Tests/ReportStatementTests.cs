using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Nlc.Core.Scoring;
using Nlc.Excel.Reports;

namespace Nlc.Excel.Tests;

/// <summary>What the reports say in words: status and completeness beside the headline, why peers are withheld, the status of each period, targets, and the hub's summary rows.</summary>
[TestClass]
public sealed class ReportStatementTests
{
    public const string WithheldReason = "The group has 7 cities; statistics are shown only for groups of at least 10, so no single city can be singled out.";

    private static readonly ScoreResult TenAnswered = TestData.Score(TestData.Shipped, TestData.CompleteAnswers(TestData.Shipped).Take(10).ToArray());

    /// <summary>A draft of 10 of 39 answers, seen by a city key whose peer group is too small to show.</summary>
    public static byte[] DraftReportWithPeersWithheld() => AssessmentReportWriter.Write(
        TestData.Shipped, TenAnswered, new ReportHeading("Budva", "2026", "ME", "asm_7", "draft"), "en",
        new PeerStatistics("Validated assessments of 7 cities in ME, 2026", null, new Dictionary<string, PeerQuartiles>(), new Dictionary<string, PeerQuartiles>())
        {
            WithheldReason = WithheldReason,
        });

    private static string? Summary(SpreadsheetDocument document, string reference) => Workbooks.CellText(document, "Summary", reference);

    private static int RowOf(SpreadsheetDocument document, string sheet, string text) =>
        Enumerable.Range(1, 200).First(r => Workbooks.CellText(document, sheet, $"A{r}") == text);

    [TestMethod]
    public void AssessmentReport_OfADraft_SaysBesideTheIndexThatItIsADraftAndHowMuchIsAnswered()
    {
        using var document = Workbooks.Open(DraftReportWithPeersWithheld());

        Assert.AreEqual(("Overall index", "Status"), (Summary(document, "A6"), Summary(document, "A7")));
        StringAssert.StartsWith(Summary(document, "B7"), "Draft, not validated: 10 of 39 indicators answered.");
        StringAssert.Contains(Summary(document, "B7"), "may still change");
    }

    [TestMethod]
    public void AssessmentReport_OfAValidatedCompleteAssessment_SaysSoPlainly()
    {
        using var document = Workbooks.Open(ReportWriterTests.AssessmentReport());

        Assert.AreEqual("Validated: all 39 indicators answered.", Summary(document, "B7"));
    }

    [TestMethod]
    public void AssessmentReport_WithPeersWithheld_SaysWhy_AndLeavesNoEmptyPeerColumns()
    {
        using var document = Workbooks.Open(DraftReportWithPeersWithheld());
        var peers = Summary(document, $"B{RowOf(document, "Summary", "Peers")}");
        var header = RowOf(document, "Summary", "Pillar");

        StringAssert.Contains(peers, "Peer figures are not shown: " + WithheldReason);
        Assert.IsNull(Summary(document, $"D{header}"), "no peer columns when there are no peer figures");
        var merges = Workbooks.Sheet(document, "Summary").Worksheet.Descendants<MergeCell>().Select(m => m.Reference!.Value).ToArray();
        CollectionAssert.Contains(merges, $"B{RowOf(document, "Summary", "Peers")}:F{RowOf(document, "Summary", "Peers")}", "the reason wraps inside its block, clear of the chart");
    }

    [TestMethod]
    public void AssessmentReport_NamesTheStrongestAndWeakestPillar_InOneSentence()
    {
        using var document = Workbooks.Open(DraftReportWithPeersWithheld());

        Assert.AreEqual("Strongest pillar: Inclusivity (87.5). Weakest pillar: Coordination (18.8).", Summary(document, $"B{RowOf(document, "Summary", "In short")}"));
    }

    [TestMethod]
    public void AssessmentReport_ListsTheTopThreeNextSteps_OnTheSummary_InTheEnginesWords()
    {
        using var document = Workbooks.Open(DraftReportWithPeersWithheld());
        var first = RowOf(document, "Summary", "Top next steps") + 1;

        for (var i = 0; i < 3; i++)
        {
            var gap = TenAnswered.Gaps[i];
            StringAssert.StartsWith(Summary(document, $"A{first + i}"), $"{i + 1}. {gap.IndicatorId} ");
            StringAssert.StartsWith(Summary(document, $"B{first + i}"), gap.NextStep.Get("en"));
        }

        Assert.IsTrue(TenAnswered.Gaps.Take(3).Any(g => g.NextStep.Get("en").StartsWith("Find out which level applies", StringComparison.Ordinal)), "the data has a Don't know among the top three");
        var breakRow = Workbooks.Sheet(document, "Summary").Worksheet.Descendants<Break>().Single().Id!.Value + 1;
        Assert.IsTrue(first + 2 < breakRow, "the top next steps are on page 1");
    }

    [TestMethod]
    public void ProgressReport_ShowsTheStatusOfEveryPeriod_AndLeavesTheDraftOutOfTheChanges()
    {
        using var document = Workbooks.Open(ReportWriterTests.ProgressReport());
        string?[] Row(int row, int columns) => Enumerable.Range(0, columns).Select(c => Workbooks.CellText(document, "Progress", $"{(char)('A' + c)}{row}")).ToArray();

        CollectionAssert.AreEqual(new[] { "Status", "Validated", "Validated", "Validated", "Draft" }, Row(6, 5));
        Assert.IsFalse(Row(5, 12).Any(h => h?.Contains("2026", StringComparison.Ordinal) == true && h.StartsWith("Change", StringComparison.Ordinal)), "no change to or from the draft");
        StringAssert.Contains(Workbooks.CellText(document, "Progress", "A3"), "validated assessments only");
    }

    [TestMethod]
    public void ProgressReport_WhenAsked_IncludesDraftsInTheChanges()
    {
        using var document = Workbooks.Open(ReportWriterTests.ProgressReport(includeUnvalidated: true));

        CollectionAssert.AreEqual(new[] { "Change 2025-H1 to 2026", "Change 2023 to 2026" }, new[] { Workbooks.CellText(document, "Progress", "H5"), Workbooks.CellText(document, "Progress", "I5") });
        StringAssert.Contains(Workbooks.CellText(document, "Progress", "A3"), "include drafts");
    }

    [TestMethod]
    public void ProgressReport_ShowsEachTarget_WithBaselineNowTargetAndTheWayCovered()
    {
        using var document = Workbooks.Open(ReportWriterTests.ProgressReport());
        var heading = RowOf(document, "Progress", "Targets to reach by 2027");
        var targets = ReportWriterTests.Targets.Progress;

        Assert.AreEqual("Baseline (2023)", Workbooks.CellText(document, "Progress", $"B{heading + 1}"));
        Assert.AreEqual("Overall index", Workbooks.CellText(document, "Progress", $"A{heading + 2}"));
        Assert.AreEqual("GP01 Local mandate and political leadership", Workbooks.CellText(document, "Progress", $"A{heading + 3}"));
        Assert.AreEqual(Math.Round(targets.Practices[0].Target!.Value, 1, MidpointRounding.AwayFromZero), double.Parse(Workbooks.CellText(document, "Progress", $"D{heading + 3}")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.AreEqual(targets.Overall.Progress!.Value, double.Parse(Workbooks.CellText(document, "Progress", $"E{heading + 2}")!, System.Globalization.CultureInfo.InvariantCulture), 1e-9);
    }

    [TestMethod]
    public void HubReport_NamesGroupPeriodAndRubric_AndShowsStatusCompletenessChangeAndPracticeTitles()
    {
        using var document = Workbooks.Open(ReportWriterTests.HubReport());
        string? Cell(string reference) => Workbooks.CellText(document, "Comparison", reference);

        Assert.AreEqual("Western Balkans hub, tag lsc; period 2025; rubric nlc version 1.0.0", Cell("A2"));
        CollectionAssert.AreEqual(new[] { "Status", "Completeness", "Overall index", "Change since previous period" }, new[] { Cell("D4"), Cell("E4"), Cell("F4"), Cell("G4") });
        Assert.AreEqual(("Draft", "Validated"), (Cell("D6"), Cell("D7")));
        Assert.AreEqual(Math.Round(Math.Round(ReportWriterTests.CompleteScore.Overall!.Value, 1) - Math.Round(ReportWriterTests.PartialScore.Overall!.Value, 1), 1), double.Parse(Cell("G7")!, System.Globalization.CultureInfo.InvariantCulture), 1e-9);
        var practiceHeaders = Enumerable.Range(0, 40).Select(c => Cell($"{Column(c)}4")).Where(h => h?.StartsWith("GP", StringComparison.Ordinal) == true).ToArray();
        Assert.AreEqual("GP01 Local mandate and political leadership", practiceHeaders[0]);
    }

    [TestMethod]
    public void HubReport_HasMedianAndQuartileRows_OfTheValidatedAssessments()
    {
        using var document = Workbooks.Open(ReportWriterTests.HubReport());
        string? Cell(string reference) => Workbooks.CellText(document, "Comparison", reference);
        var validated = new[] { ReportWriterTests.CompleteScore, ReportWriterTests.CompleteScore, TestData.Score(TestData.Shipped, []) };
        var expected = Nlc.Core.Benchmarking.Distribution.Of(validated.Select(s => s.Overall).OfType<double>())!;

        Assert.AreEqual(("Upper quartile (Q3) of 3 validated", "Median of 3 validated", "Lower quartile (Q1) of 3 validated"), (Cell("A10"), Cell("A11"), Cell("A12")));
        Assert.AreEqual(Math.Round(expected.Median, 1, MidpointRounding.AwayFromZero), double.Parse(Cell("F11")!, System.Globalization.CultureInfo.InvariantCulture), 1e-9);
    }

    [TestMethod]
    public void HubReport_HeadersAreWideEnough_NotToSplitAWord()
    {
        using var document = Workbooks.Open(ReportWriterTests.HubReport());
        var widths = Workbooks.Sheet(document, "Comparison").Worksheet.Descendants<Column>().ToDictionary(c => (int)c.Min!.Value - 1, c => c.Width!.Value);

        for (var c = 0; c < widths.Count; c++)
        {
            var header = Workbooks.CellText(document, "Comparison", $"{Column(c)}4")!;
            var longestWord = header.Split(' ').Max(w => w.Length);
            // Bold 11 pt letters are up to about 1.2 character widths wide; a cell keeps about one character of padding.
            Assert.IsTrue(widths[c] >= (longestWord * 1.2) + 1, $"'{header}' in a column {widths[c]} wide");
        }
    }

    private static string Column(int index) => index < 26 ? $"{(char)('A' + index)}" : $"{(char)('A' + (index / 26) - 1)}{(char)('A' + (index % 26))}";
}
