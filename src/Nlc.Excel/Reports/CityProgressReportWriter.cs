using System.Globalization;
using Nlc.Core.Periods;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;
using Nlc.Excel.Xlsx;

namespace Nlc.Excel.Reports;

/// <summary>
/// Writes one city's progress over time: a "Progress" sheet with one column per period (oldest first) of the overall,
/// pillar and practice scores, the change between consecutive periods and between the first and the last, and a line
/// chart of the pillar scores across the periods. Values only, rounded to one decimal.
/// </summary>
public static class CityProgressReportWriter
{
    private const int FirstPeriodColumn = 1;
    private const int HeaderRow = 5;

    /// <summary>
    /// The progress report of <paramref name="cityName"/> over <paramref name="points"/> (in any order; shown in <see cref="Period"/> order).
    /// <paramref name="rubric"/> names pillars and practices, usually the latest version; scores of other versions are
    /// matched by id.
    /// </summary>
    public static byte[] Write(Rubric rubric, string cityName, IReadOnlyList<PeriodScore> points, string language)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(cityName);
        ArgumentNullException.ThrowIfNull(points);
        language = string.IsNullOrWhiteSpace(language) ? LocalizedText.DefaultLocale : language.Trim();
        var ordered = points.OrderBy(p => p.Period, Period.TextComparer).ToArray();

        var workbook = new WorkbookBuilder { Title = $"{cityName}: progress" };
        var sheet = workbook.AddSheet(WorkbookNames.ProgressSheet);
        sheet.Protected = true;
        sheet.FrozenRows = HeaderRow;
        sheet.FrozenColumns = 1;
        sheet.PrintTitleRow = HeaderRow;
        sheet.Width(0, 44);
        sheet.Text(0, 1, $"{cityName}: progress over time", WorkbookStyles.Title);
        sheet.Text(0, 2, $"{rubric.Title.Get(language)}. Scores run from 0 to 100, computed by the toolkit and shown rounded to one decimal.", WorkbookStyles.Small);
        sheet.Text(0, 3, "Changes are in index points. An empty score means nothing applicable was answered there.", WorkbookStyles.Small);
        if (ordered.Length == 0)
        {
            sheet.Text(0, HeaderRow, "No assessments to show yet.");
            return workbook.Build();
        }

        var changes = new List<(int From, int To)>();
        for (var i = 1; i < ordered.Length; i++)
        {
            changes.Add((i - 1, i));
        }

        if (ordered.Length > 2)
        {
            changes.Add((0, ordered.Length - 1));
        }

        var firstChangeColumn = FirstPeriodColumn + ordered.Length;
        sheet.Text(0, HeaderRow, "Score", WorkbookStyles.Header);
        for (var i = 0; i < ordered.Length; i++)
        {
            sheet.Width(FirstPeriodColumn + i, 11);
            sheet.Text(FirstPeriodColumn + i, HeaderRow, ordered[i].Period, WorkbookStyles.Header);
        }

        for (var c = 0; c < changes.Count; c++)
        {
            sheet.Width(firstChangeColumn + c, 13);
            sheet.Text(firstChangeColumn + c, HeaderRow, $"Change {ordered[changes[c].From].Period} to {ordered[changes[c].To].Period}", WorkbookStyles.Header);
        }

        var row = HeaderRow + 1;
        sheet.Text(0, row, "Rubric version", WorkbookStyles.Cell);
        for (var i = 0; i < ordered.Length; i++)
        {
            sheet.Text(FirstPeriodColumn + i, row, ordered[i].Score.RubricVersion.ToString(), WorkbookStyles.Cell);
        }

        row++;
        sheet.Text(0, row, "Completeness", WorkbookStyles.Cell);
        for (var i = 0; i < ordered.Length; i++)
        {
            sheet.Number(FirstPeriodColumn + i, row, ordered[i].Score.Completeness.Ratio, WorkbookStyles.Percent);
        }

        row++;
        void ScoreRow(string name, Func<ScoreResult, double?> pick, uint style)
        {
            sheet.Text(0, row, name, style);
            var values = ordered.Select(p => ReportValues.Round(pick(p.Score))).ToArray();
            for (var i = 0; i < values.Length; i++)
            {
                sheet.Number(FirstPeriodColumn + i, row, values[i], WorkbookStyles.Score);
            }

            for (var c = 0; c < changes.Count; c++)
            {
                var (from, to) = changes[c];
                double? change = values[from] is { } a && values[to] is { } b ? Math.Round(b - a, 1, MidpointRounding.AwayFromZero) : null;
                sheet.Number(firstChangeColumn + c, row, change, WorkbookStyles.Change);
            }

            row++;
        }

        ScoreRow("Overall index", s => s.Overall, WorkbookStyles.CellBold);
        sheet.Text(0, row++, "Pillars", WorkbookStyles.Heading);
        var firstPillarRow = row;
        foreach (var pillar in rubric.Pillars)
        {
            ScoreRow(pillar.Title.Get(language), s => s.Pillars.FirstOrDefault(p => p.PillarId == pillar.Id).Score, WorkbookStyles.Cell);
        }

        sheet.Text(0, row++, "Practices", WorkbookStyles.Heading);
        foreach (var practice in rubric.Practices)
        {
            ScoreRow(ReportValues.PracticeName(practice, language), s => s.Practices.FirstOrDefault(p => p.PracticeId == practice.Id).Score, WorkbookStyles.Cell);
        }

        var known = rubric.Practices.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in ordered.SelectMany(p => p.Score.Practices).Select(p => p.PracticeId).Where(id => !known.Contains(id)).Distinct(StringComparer.Ordinal))
        {
            ScoreRow(id, s => s.Practices.FirstOrDefault(p => p.PracticeId == id).Score, WorkbookStyles.Cell);
        }

        var lastPeriodColumn = FirstPeriodColumn + ordered.Length - 1;
        var categories = new ChartCategories(
            CellReference.Range(sheet.Name, FirstPeriodColumn, HeaderRow, lastPeriodColumn, HeaderRow),
            ordered.Select(p => p.Period).ToArray());
        var series = rubric.Pillars.Select((pillar, i) => new ChartSeries(
            pillar.Title.Get(language),
            CellReference.Range(sheet.Name, FirstPeriodColumn, firstPillarRow + i, lastPeriodColumn, firstPillarRow + i),
            ordered.Select(p => ReportValues.Round(p.Score.Pillars.FirstOrDefault(s => s.PillarId == pillar.Id).Score)).ToArray())).ToArray();
        sheet.PageBreakBeforeRow = row + 1;
        workbook.AddChart(sheet, Charts.Line("Pillar scores over time (0-100)", categories, series), new ChartAnchor(0, row + 1, 8, row + 24));
        return workbook.Build();
    }
}
