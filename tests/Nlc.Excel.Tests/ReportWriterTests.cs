using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Nlc.Core.Scoring;
using Nlc.Excel.Reports;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Nlc.Excel.Tests;

[TestClass]
public sealed partial class ReportWriterTests
{
    private static readonly ScoreResult Complete = TestData.Score(TestData.Shipped, TestData.CompleteAnswers(TestData.Shipped));
    private static readonly ScoreResult Partial = TestData.Score(TestData.Shipped, TestData.CompleteAnswers(TestData.Shipped).Take(12).ToArray());
    public static ScoreResult CompleteScore => Complete;

    public static ScoreResult PartialScore => Partial;

    private static readonly ReportHeading Heading = new("Danilovgrad", "2025", "ME", "asm_1", "validated");

    public static PeerStatistics Peers => new(
        "12 validated assessments in the Western Balkans, 2025",
        new PeerQuartiles(31.25, 45.5, 60),
        TestData.Shipped.Pillars.Skip(1).ToDictionary(p => p.Id, _ => new PeerQuartiles(30, 50.04, 70)),
        TestData.Shipped.Practices.ToDictionary(p => p.Id, _ => new PeerQuartiles(20, 40, 60)));

    public static byte[] AssessmentReport(PeerStatistics? peers = null) => AssessmentReportWriter.Write(TestData.Shipped, Complete, Heading, "en", peers);

    private static readonly ScoreResult Draft2026 = TestData.Score(TestData.Shipped, [.. TestData.CompleteAnswers(TestData.Shipped).Take(10).Select(a => a.Kind == AnswerKind.Level ? Answer.AtLevel(a.IndicatorId, 4) : a)]);

    /// <summary>GP01's indicators to level 3 by 2027, measured from the 2023 assessment to the 2025-H1 one.</summary>
    public static ProgressTargets Targets => new("2027", "2023", "2025-H1", Nlc.Core.Progress.TargetProgress.Compute(
        new ScoringEngine(TestData.Shipped), TestData.CompleteAnswers(TestData.Shipped).Take(12).ToArray(), Complete,
        TestData.Shipped.Practices.Single(p => p.Id == "GP01").Indicators.ToDictionary(i => i.Id, _ => 3)));

    /// <summary>Three validated periods, given out of order, and a 2026 draft that would show as a big rise if counted.</summary>
    public static byte[] ProgressReport(bool includeUnvalidated = false) => CityProgressReportWriter.Write(TestData.Shipped, "Danilovgrad", [
        new PeriodScore("2025-H1", Complete, "validated"),
        new PeriodScore("2023", Partial, "validated"),
        new PeriodScore("2026", Draft2026, "draft"),
        new PeriodScore("2024-Q3", TestData.Score(TestData.Shipped, TestData.CompleteAnswers(TestData.Shipped).Take(30).ToArray()), "validated"),
    ], "en", Targets, includeUnvalidated);

    public static byte[] HubReport() => HubComparisonReportWriter.Write(TestData.Shipped, [
        new HubComparisonEntry("Tuzla", "BA", "2025", Partial, "draft"),
        new HubComparisonEntry("Danilovgrad", "ME", "2025", Complete, "validated", "2024", Partial),
        new HubComparisonEntry("Čačak", "RS", "2025", Complete, "validated"),
        new HubComparisonEntry("Bihać", "BA", "2025", TestData.Score(TestData.Shipped, []), "validated"),
    ], "en", "Western Balkans hub, tag lsc");

    private static C.ChartSpace SingleChart(SpreadsheetDocument document, string sheet) =>
        Workbooks.Sheet(document, sheet).DrawingsPart!.ChartParts.Single().ChartSpace;

    private static double? Number(SpreadsheetDocument document, string sheet, string reference) =>
        Workbooks.CellText(document, sheet, reference) is { Length: > 0 } text ? double.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;

    [TestMethod]
    public void EveryReport_PassesTheOpenXmlValidator_AndHoldsNoFormula()
    {
        using var culture = TestData.Culture("de-DE");
        foreach (var (name, bytes) in new[] { ("assessment", AssessmentReport()), ("with peers", AssessmentReport(Peers)), ("progress", ProgressReport()), ("hub", HubReport()) })
        {
            var errors = Workbooks.ValidationErrors(bytes);
            Assert.AreEqual(0, errors.Count, $"{name}:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
            Assert.IsFalse(Workbooks.Entries(bytes).Where(e => e.Key.StartsWith("xl/worksheets/", StringComparison.Ordinal)).Any(e => FormulaElement().IsMatch(e.Value)), $"{name} holds a formula");
        }
    }

    [TestMethod]
    public void Reports_OfACityWithCharactersXmlCannotHold_AreStillValid()
    {
        var name = "Bell\u0007ville 🏛️ _x0041_";
        var heading = new ReportHeading(name, "2025");

        var bytes = new[]
        {
            AssessmentReportWriter.Write(TestData.Shipped, Complete, heading, "en", Peers),
            CityProgressReportWriter.Write(TestData.Shipped, name, [new PeriodScore("2025", Complete)], "en"),
            HubComparisonReportWriter.Write(TestData.Shipped, [new HubComparisonEntry(name, "ME", "2025", Complete)], "en"),
        };

        Assert.AreEqual(0, bytes.Sum(b => Workbooks.ValidationErrors(b).Count));
        using var document = Workbooks.Open(bytes[2]);
        Assert.AreEqual("Bell_x0007_ville 🏛️ _x005F_x0041_", Workbooks.CellText(document, "Comparison", "A5"), "escaped as Excel escapes it");
    }

    [TestMethod]
    public void AssessmentReport_ShowsScoresRoundedToOneDecimal_AsNumbers_WithLevelNames()
    {
        using var document = Workbooks.Open(AssessmentReport());
        var rubric = TestData.Shipped;

        Assert.AreEqual("Overall index", Workbooks.CellText(document, "Summary", "A6"));
        Assert.AreEqual(Math.Round(Complete.Overall!.Value, 1, MidpointRounding.AwayFromZero), Number(document, "Summary", "B6"));
        var pillarRow = RowOf(document, "Summary", "Pillar") + 1;
        for (var i = 0; i < rubric.Pillars.Count; i++)
        {
            Assert.AreEqual(rubric.Pillars[i].Title.En, Workbooks.CellText(document, "Summary", $"A{pillarRow + i}"));
            Assert.AreEqual(Math.Round(Complete.Pillars[i].Score!.Value, 1, MidpointRounding.AwayFromZero), Number(document, "Summary", $"B{pillarRow + i}"));
        }

        var practiceRow = RowOf(document, "Summary", "Practice") + 1;
        for (var i = 0; i < rubric.Practices.Count; i++)
        {
            var maturity = Complete.Practices[i].MaturityLevel!.Value;
            Assert.AreEqual($"{maturity} - {rubric.Scale.Levels[maturity].Name.En}", Workbooks.CellText(document, "Summary", $"C{practiceRow + i}"), rubric.Practices[i].Id);
        }
    }

    [TestMethod]
    public void AssessmentReport_HasARadarChartOfTheSixPillars_WithOneSeriesPerLine()
    {
        foreach (var (peers, names) in new[] { ((PeerStatistics?)null, new[] { "Danilovgrad" }), (Peers, new[] { "Peers Q1", "Peers Q3", "Peer median", "Danilovgrad" }) })
        {
            using var document = Workbooks.Open(AssessmentReport(peers));
            var chart = SingleChart(document, "Summary");
            var radar = chart.Descendants<C.RadarChart>().Single();
            var pillarRow = RowOf(document, "Summary", "Pillar") + 1;

            // The city comes last, so it is drawn on top of the peer median where the two are equal.
            CollectionAssert.AreEqual(names, radar.Elements<C.RadarChartSeries>().Select(s => s.SeriesText!.InnerText).ToArray());
            var categories = radar.Elements<C.RadarChartSeries>().First().Descendants<C.CategoryAxisData>().Single().Descendants<C.StringPoint>().Select(p => p.InnerText).ToArray();
            CollectionAssert.AreEqual(TestData.Shipped.Pillars.Select(p => p.Title.En).ToArray(), categories);
            Assert.AreEqual($"'Summary'!$B${pillarRow}:$B${pillarRow + 5}", radar.Elements<C.RadarChartSeries>().Last().Descendants<C.Formula>().Last().Text);
        }
    }

    [TestMethod]
    public void AssessmentReport_ShowsPeerQuartilesBesideEachScore_WhereGiven()
    {
        using var document = Workbooks.Open(AssessmentReport(Peers));
        var header = RowOf(document, "Summary", "Pillar");

        Assert.AreEqual("Peer median", Workbooks.CellText(document, "Summary", $"E{header}"));
        Assert.IsNull(Number(document, "Summary", $"E{header + 1}"), "the first pillar has no peer figures");
        Assert.AreEqual((30.0, 50.0, 70.0), (Number(document, "Summary", $"D{header + 2}"), Number(document, "Summary", $"E{header + 2}"), Number(document, "Summary", $"F{header + 2}")));
        StringAssert.Contains(Workbooks.CellText(document, "Summary", "D6"), "Peer median 45.5");
        StringAssert.Contains(Workbooks.CellText(document, "Summary", $"B{RowOf(document, "Summary", "Peers")}"), "An empty peer figure means too few peers have a score there");
    }

    [TestMethod]
    public void AssessmentReport_NextSteps_AreTheGapList_MostValuableFirst()
    {
        using var document = Workbooks.Open(AssessmentReport());
        var rows = Workbooks.Sheet(document, "Next steps").Worksheet.Descendants<Row>().Skip(1).ToArray();

        Assert.AreEqual(Complete.Gaps.Count, rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            var gap = Complete.Gaps[i];
            var indicator = TestData.Shipped.Indicators.Single(x => x.Id == gap.IndicatorId);
            var isDontKnow = Complete.Indicators.Single(x => x.IndicatorId == gap.IndicatorId).Kind == AnswerKind.DontKnow;
            Assert.AreEqual(gap.IndicatorId, Workbooks.CellText(document, "Next steps", $"C{i + 2}"));
            Assert.AreEqual(isDontKnow ? "Don't know" : $"{gap.CurrentLevel} - {TestData.Shipped.Scale.Levels[gap.CurrentLevel].Name.En}", Workbooks.CellText(document, "Next steps", $"E{i + 2}"));
            Assert.AreEqual(gap.NextStep.En, Workbooks.CellText(document, "Next steps", $"G{i + 2}"));
            StringAssert.StartsWith(Workbooks.CellText(document, "Next steps", $"G{i + 2}"), isDontKnow ? "Find out which level applies" : $"Reach level {gap.NextLevel} – ");
            Assert.AreEqual(Math.Round(gap.OverallGain, 2, MidpointRounding.AwayFromZero), Number(document, "Next steps", $"H{i + 2}"));
        }
    }

    [TestMethod]
    public void AssessmentReport_RefusesScoresOfAnotherRubricVersion()
    {
        var other = Complete with { RubricVersion = new(2, 0, 0) };

        Assert.ThrowsExactly<ArgumentException>(() => AssessmentReportWriter.Write(TestData.Shipped, other, Heading, "en"));
    }

    [TestMethod]
    public void ProgressReport_ShowsPeriodsOldestFirst_WithChanges()
    {
        using var document = Workbooks.Open(ProgressReport());
        var header = Enumerable.Range(0, 7).Select(c => Workbooks.CellText(document, "Progress", $"{(char)('A' + c)}5")).ToArray();

        CollectionAssert.AreEqual(new[] { "Score", "2023", "2024-Q3", "2025-H1", "2026", "Change 2023 to 2024-Q3", "Change 2024-Q3 to 2025-H1" }, header);
        Assert.AreEqual("Overall index", Workbooks.CellText(document, "Progress", "A9"));
        var first = Number(document, "Progress", "B9")!.Value;
        var last = Number(document, "Progress", "D9")!.Value;
        Assert.AreEqual("Change 2023 to 2025-H1", Workbooks.CellText(document, "Progress", "H5"));
        Assert.AreEqual(Math.Round(last - first, 1, MidpointRounding.AwayFromZero), Number(document, "Progress", "H9")!.Value, 1e-9);
    }

    [TestMethod]
    public void ProgressReport_HasALineChartOfThePillars_AcrossThePeriods()
    {
        using var document = Workbooks.Open(ProgressReport());
        var line = SingleChart(document, "Progress").Descendants<C.LineChart>().Single();
        var series = line.Elements<C.LineChartSeries>().ToArray();

        CollectionAssert.AreEqual(
            new[] { "Overall index" }.Concat(TestData.Shipped.Pillars.Select(p => p.Title.En)).Append("Overall index target").ToArray(),
            series.Select(s => s.SeriesText!.InnerText).ToArray());
        CollectionAssert.AreEqual(new[] { "2023", "2024-Q3", "2025-H1", "Target 2027" }, series[0].Descendants<C.CategoryAxisData>().Single().Descendants<C.StringPoint>().Select(p => p.InnerText).ToArray());
        Assert.AreEqual(59.2, series[^1].Descendants<C.NumericPoint>().Single().InnerText is var t ? double.Parse(t, System.Globalization.CultureInfo.InvariantCulture) : 0, 0.05, "the overall target at the target period");
    }

    [TestMethod]
    public void ProgressReport_WithNoAssessments_SaysSo()
    {
        using var document = Workbooks.Open(CityProgressReportWriter.Write(TestData.Shipped, "Tuzla", [], "en"));

        Assert.AreEqual("No assessments to show yet.", Workbooks.CellText(document, "Progress", "A5"));
        Assert.IsNull(Workbooks.Sheet(document, "Progress").DrawingsPart);
    }

    [TestMethod]
    public void HubReport_HasOneRowPerCity_ColourScalesAndAnAutofilter()
    {
        using var document = Workbooks.Open(HubReport());
        var worksheet = Workbooks.Sheet(document, "Comparison").Worksheet;

        CollectionAssert.AreEqual(new[] { "Bihać", "Tuzla", "Danilovgrad", "Čačak" }, Enumerable.Range(5, 4).Select(r => Workbooks.CellText(document, "Comparison", $"A{r}")).ToArray());
        var last = ExcelColumn(6 + TestData.Shipped.Pillars.Count + TestData.Shipped.Practices.Count);
        Assert.AreEqual($"A4:{last}8", worksheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
        var scales = worksheet.Descendants<ConditionalFormatting>().ToArray();
        CollectionAssert.AreEqual(new[] { "F5:F8", $"H5:{last}8" }, scales.Select(s => s.SequenceOfReferences!.InnerText).ToArray(), "the change column has no colour scale");
        var scale = scales[1];
        CollectionAssert.AreEqual(new[] { "0", "50", "100" }, scale.Descendants<ConditionalFormatValueObject>().Select(v => v.Val!.Value).ToArray());
        Assert.IsNull(Number(document, "Comparison", "F5"), "a city with nothing answered has no overall index");
        Assert.IsNull(worksheet.GetFirstChild<SheetProtection>(), "staff must be able to sort and filter");
    }

    [TestMethod]
    public void HubReport_ListsACitysPeriodsChronologically_TheFirstQuarterBeforeTheSecondHalf()
    {
        using var document = Workbooks.Open(HubComparisonReportWriter.Write(TestData.Shipped, [
            new HubComparisonEntry("Tuzla", "BA", "2025-H2", Complete),
            new HubComparisonEntry("Tuzla", "BA", "2025-Q1", Partial),
            new HubComparisonEntry("Tuzla", "BA", "2025", Partial),
        ], "en"));

        CollectionAssert.AreEqual(new[] { "2025", "2025-Q1", "2025-H2" }, Enumerable.Range(5, 3).Select(r => Workbooks.CellText(document, "Comparison", $"C{r}")).ToArray());
    }

    [TestMethod]
    public void ProgressReport_OrdersAYearBeforeItsFirstHalf_AndAQuarterBeforeTheSecondHalf()
    {
        using var document = Workbooks.Open(CityProgressReportWriter.Write(TestData.Shipped, "Tuzla", [
            new PeriodScore("2025-H2", Complete),
            new PeriodScore("2025-Q1", Partial),
            new PeriodScore("2025-H1", Partial),
            new PeriodScore("2025", Partial),
        ], "en"));

        CollectionAssert.AreEqual(new[] { "2025", "2025-H1", "2025-Q1", "2025-H2" }, Enumerable.Range(1, 4).Select(c => Workbooks.CellText(document, "Progress", $"{(char)('A' + c)}5")).ToArray());
    }

    /// <summary>The row whose column A reads <paramref name="text"/>.</summary>
    private static int RowOf(SpreadsheetDocument document, string sheet, string text) =>
        Enumerable.Range(1, 200).First(r => Workbooks.CellText(document, sheet, $"A{r}") == text);

    private static string ExcelColumn(int index) => index < 26 ? $"{(char)('A' + index)}" : $"{(char)('A' + (index / 26) - 1)}{(char)('A' + (index % 26))}";

    [GeneratedRegex(@"<(\w+:)?f[\s>/]")]
    private static partial Regex FormulaElement();
}
