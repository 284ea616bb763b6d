using Nlc.Core.Periods;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;
using Nlc.Excel.Xlsx;

namespace Nlc.Excel.Reports;

/// <summary>
/// Writes one city's progress over time: a "Progress" sheet with one column per period (oldest first) of the status,
/// completeness, overall, pillar and practice scores; the change between consecutive periods and between the first and
/// the last; the city's targets with the way covered; and a line chart of the overall index and the pillars with the
/// overall target. Changes and the chart use validated assessments only unless the reader asks otherwise; the other
/// periods are shown in the table, marked by their status. Values only, rounded to one decimal.
/// </summary>
public static class CityProgressReportWriter
{
    private const int FirstPeriodColumn = 1;
    private const int HeaderRow = 5;

    /// <summary>
    /// The progress report of <paramref name="cityName"/> over <paramref name="points"/> (in any order; shown in <see cref="Period"/> order).
    /// <paramref name="rubric"/> names pillars and practices, usually the latest version; scores of other versions are
    /// matched by id. <paramref name="targets"/> are drawn against the progress they measure; <paramref name="includeUnvalidated"/>
    /// makes changes and the chart use drafts and submitted assessments too.
    /// </summary>
    public static byte[] Write(
        Rubric rubric, string cityName, IReadOnlyList<PeriodScore> points, string language, ProgressTargets? targets = null, bool includeUnvalidated = false)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(cityName);
        ArgumentNullException.ThrowIfNull(points);
        language = ExcelText.Served(rubric, language);
        string T(string key) => ExcelText.Get(key, language);
        var ordered = points.OrderBy(p => p.Period, Period.TextComparer).ToArray();
        var counted = Enumerable.Range(0, ordered.Length).Where(i => includeUnvalidated || Counts(ordered[i])).ToArray();

        var workbook = new WorkbookBuilder { Title = ExcelText.Format("Progress.DocumentTitle", language, cityName), Language = language };
        var sheet = workbook.AddSheet(T("Sheet.Progress"));
        sheet.Protected = true;
        sheet.FrozenRows = HeaderRow;
        sheet.FrozenColumns = 1;
        sheet.PrintTitleRow = HeaderRow;
        sheet.Width(0, 44);
        sheet.Text(0, 1, ExcelText.Format("Progress.Title", language, cityName), WorkbookStyles.Title);
        sheet.Text(0, 2, ExcelText.Format("Progress.Explained", language, rubric.Title.Get(language)), WorkbookStyles.Small);
        sheet.Text(0, 3, T(includeUnvalidated ? "Progress.IncludesDrafts" : "Progress.ValidatedOnly"), WorkbookStyles.Label);
        if (ExcelText.DraftNotice(rubric, language) is { } draft)
        {
            sheet.Text(0, 4, draft, WorkbookStyles.Notice);
        }

        if (ordered.Length == 0)
        {
            sheet.Text(0, HeaderRow, T("Progress.None"));
            return workbook.Build();
        }

        var changes = new List<(int From, int To)>();
        for (var i = 1; i < counted.Length; i++)
        {
            changes.Add((counted[i - 1], counted[i]));
        }

        if (counted.Length > 2)
        {
            changes.Add((counted[0], counted[^1]));
        }

        var firstChangeColumn = FirstPeriodColumn + ordered.Length;
        sheet.Text(0, HeaderRow, T("Report.Score"), WorkbookStyles.Header);
        for (var i = 0; i < ordered.Length; i++)
        {
            sheet.Width(FirstPeriodColumn + i, 12);
            sheet.Text(FirstPeriodColumn + i, HeaderRow, ordered[i].Period, WorkbookStyles.Header);
        }

        for (var c = 0; c < changes.Count; c++)
        {
            sheet.Width(firstChangeColumn + c, 14);
            sheet.Text(firstChangeColumn + c, HeaderRow, ExcelText.Format("Progress.Change", language, ordered[changes[c].From].Period, ordered[changes[c].To].Period), WorkbookStyles.Header);
        }

        var row = HeaderRow + 1;
        sheet.Text(0, row, T("Report.Status"), WorkbookStyles.CellBold);
        for (var i = 0; i < ordered.Length; i++)
        {
            sheet.Text(FirstPeriodColumn + i, row, ResultStatus.Label(ordered[i].Status, language), Counts(ordered[i]) ? WorkbookStyles.Cell : WorkbookStyles.Notice);
        }

        row++;
        sheet.Text(0, row, T("Progress.RubricVersion"), WorkbookStyles.Cell);
        for (var i = 0; i < ordered.Length; i++)
        {
            sheet.Text(FirstPeriodColumn + i, row, ordered[i].Score.RubricVersion.ToString(), WorkbookStyles.Cell);
        }

        row++;
        sheet.Text(0, row, T("Report.Completeness"), WorkbookStyles.Cell);
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

        ScoreRow(T("Report.Overall"), s => s.Overall, WorkbookStyles.CellBold);
        sheet.Text(0, row++, T("Report.Pillars"), WorkbookStyles.Heading);
        foreach (var pillar in rubric.Pillars)
        {
            ScoreRow(pillar.Title.Get(language), s => s.Pillars.FirstOrDefault(p => p.PillarId == pillar.Id).Score, WorkbookStyles.Cell);
        }

        sheet.Text(0, row++, T("Sheet.Practices"), WorkbookStyles.Heading);
        foreach (var practice in rubric.Practices)
        {
            ScoreRow(ReportValues.PracticeName(practice, language), s => s.Practices.FirstOrDefault(p => p.PracticeId == practice.Id).Score, WorkbookStyles.Cell);
        }

        var known = rubric.Practices.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in ordered.SelectMany(p => p.Score.Practices).Select(p => p.PracticeId).Where(id => !known.Contains(id)).Distinct(StringComparer.Ordinal))
        {
            ScoreRow(id, s => s.Practices.FirstOrDefault(p => p.PracticeId == id).Score, WorkbookStyles.Cell);
        }

        if (targets is not null)
        {
            row = Targets(sheet, row + 1, rubric, targets, language);
        }

        ChartBlock(workbook, sheet, row + 1, rubric, ordered, counted, targets, language);
        return workbook.Build();
    }

    private static bool Counts(PeriodScore point) => point.Status is null || ResultStatus.IsValidated(point.Status);

    /// <summary>The targets table: for the overall index and each targeted practice, the baseline, now, the target and the way covered.</summary>
    private static int Targets(SheetBuilder sheet, int row, Rubric rubric, ProgressTargets targets, string language)
    {
        string T(string key) => ExcelText.Get(key, language);
        sheet.Text(0, row++, targets.TargetPeriod is null ? T("Progress.Targets") : ExcelText.Format("Progress.TargetsBy", language, targets.TargetPeriod), WorkbookStyles.Heading);
        string[] headers =
        [
            T("Progress.Target"),
            ExcelText.Format("Progress.Baseline", language, targets.BaselinePeriod),
            ExcelText.Format("Progress.Now", language, targets.CurrentPeriod),
            targets.TargetPeriod is null ? T("Progress.Target") : ExcelText.Format("Progress.TargetIn", language, targets.TargetPeriod),
            T("Progress.WayCovered"),
        ];
        for (var i = 0; i < headers.Length; i++)
        {
            sheet.Text(i, row, headers[i], WorkbookStyles.Header);
        }

        row++;
        var practices = rubric.Practices.ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var metric in targets.Progress.Practices.Prepend(targets.Progress.Overall))
        {
            var name = metric == targets.Progress.Overall
                ? T("Report.Overall")
                : practices.TryGetValue(metric.Id, out var practice) ? ReportValues.PracticeName(practice, language) : metric.Id;
            sheet.Text(0, row, name, metric == targets.Progress.Overall ? WorkbookStyles.CellBold : WorkbookStyles.Cell);
            sheet.Number(1, row, ReportValues.Round(metric.Baseline), WorkbookStyles.Score);
            sheet.Number(2, row, ReportValues.Round(metric.Current), WorkbookStyles.Score);
            sheet.Number(3, row, ReportValues.Round(metric.Target), WorkbookStyles.Score);
            sheet.Number(4, row, metric.Progress, WorkbookStyles.Percent);
            row++;
        }

        return row;
    }

    /// <summary>
    /// The chart, on a page of its own, with the values it draws in a small table above it: the counted periods only
    /// (so no draft enters a trend by way of the cells the chart reads), then the target period with the overall target.
    /// </summary>
    private static void ChartBlock(
        WorkbookBuilder workbook, SheetBuilder sheet, int row, Rubric rubric, PeriodScore[] ordered, int[] counted, ProgressTargets? targets, string language)
    {
        sheet.PageBreakBeforeRow = row;
        string T(string key) => ExcelText.Get(key, language);
        sheet.Text(0, row++, T("Progress.ChartValues"), WorkbookStyles.Heading);
        if (counted.Length == 0)
        {
            sheet.Text(0, row, T("Progress.NoValidated"), WorkbookStyles.Statement);
            return;
        }

        var header = row++;
        sheet.Text(0, header, T("Report.Score"), WorkbookStyles.Header);
        var labels = counted.Select(i => ordered[i].Period).ToList();
        if (targets is not null)
        {
            labels.Add(targets.TargetPeriod is null ? T("Progress.Target") : ExcelText.Format("Progress.TargetLabel", language, targets.TargetPeriod));
        }

        for (var c = 0; c < labels.Count; c++)
        {
            sheet.Text(FirstPeriodColumn + c, header, labels[c], WorkbookStyles.Header);
        }

        var lastColumn = FirstPeriodColumn + labels.Count - 1;
        var series = new List<ChartSeries>();
        void SeriesRow(string name, IReadOnlyList<double?> values, ChartLook look, uint style)
        {
            sheet.Text(0, row, name, style);
            for (var c = 0; c < values.Count; c++)
            {
                sheet.Number(FirstPeriodColumn + c, row, values[c], WorkbookStyles.Score);
            }

            series.Add(new ChartSeries(name, CellReference.Range(sheet.Name, FirstPeriodColumn, row, lastColumn, row), values) { Look = look });
            row++;
        }

        double?[] Values(Func<ScoreResult, double?> pick) =>
            [.. counted.Select(i => ReportValues.Round(pick(ordered[i].Score))), .. targets is null ? Array.Empty<double?>() : [null]];

        SeriesRow(T("Report.Overall"), Values(s => s.Overall), ChartLook.Overall, WorkbookStyles.CellBold);
        foreach (var (pillar, i) in rubric.Pillars.Select((p, i) => (p, i)))
        {
            SeriesRow(pillar.Title.Get(language), Values(s => s.Pillars.FirstOrDefault(p => p.PillarId == pillar.Id).Score), ChartLook.Of(i), WorkbookStyles.Cell);
        }

        if (targets is not null)
        {
            var target = new double?[labels.Count];
            target[^1] = ReportValues.Round(targets.Progress.Overall.Target);
            SeriesRow(T("Progress.OverallTarget"), target, ChartLook.Target, WorkbookStyles.CellBold);
        }

        var categories = new ChartCategories(CellReference.Range(sheet.Name, FirstPeriodColumn, header, lastColumn, header), labels);
        workbook.AddChart(sheet, Charts.Line(T("Progress.ChartTitle"), categories, series), new ChartAnchor(0, row + 1, 8, row + 26));
    }
}
