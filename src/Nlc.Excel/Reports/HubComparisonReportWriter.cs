using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Nlc.Core.Benchmarking;
using Nlc.Core.Periods;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;
using Nlc.Excel.Xlsx;

namespace Nlc.Excel.Reports;

/// <summary>
/// Writes a hub's comparison of cities: a "Comparison" sheet titled with the group, the period and the rubric version,
/// with one row per assessment given (city, country, period, status, completeness, overall, change since the city's
/// previous period, pillars, practices), then the median and quartile rows of the validated rows; colour scales on the
/// scores (red at 0, yellow at 50, green at 100, the same in every report) and an autofilter; and a "Practices" sheet
/// naming the practice columns. The sheet is not protected, so staff can sort and filter. Who may see which cities is
/// the caller's decision.
/// </summary>
public static class HubComparisonReportWriter
{
    private const int HeaderRow = 4;
    private const int FirstScoreColumn = 5;

    /// <summary>
    /// The comparison of <paramref name="entries"/> (sorted by country, city and period); <paramref name="rubric"/> names
    /// the columns; <paramref name="group"/> says which cities were asked for (e.g. "country ME, tag lsc"), null for all.
    /// </summary>
    public static byte[] Write(Rubric rubric, IReadOnlyList<HubComparisonEntry> entries, string language, string? group = null)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(entries);
        language = ExcelText.Served(rubric, language);
        string T(string key) => ExcelText.Get(key, language);
        var rows = entries
            .OrderBy(e => e.Country, StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.IgnoreCase))
            .ThenBy(e => e.CityName, StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.IgnoreCase))
            .ThenBy(e => e.Period, Period.TextComparer)
            .ToArray();

        var periods = rows.Select(r => r.Period).Distinct(StringComparer.Ordinal).Order(Period.TextComparer).ToArray();
        var title = ExcelText.Format("Hub.Title", language, rubric.Title.Get(language));
        var scope = ExcelText.Format(
            "Hub.Scope",
            language,
            string.IsNullOrWhiteSpace(group) ? T("Hub.AllCities") : group.Trim(),
            periods.Length == 0 ? T("Hub.NoPeriod") : string.Join(", ", periods),
            rubric.Id,
            rubric.Version);
        var workbook = new WorkbookBuilder { Title = title, Language = language };
        var sheet = workbook.AddSheet(T("Sheet.Comparison"));
        sheet.FrozenRows = HeaderRow;
        sheet.FrozenColumns = 1;
        sheet.PrintTitleRow = HeaderRow;
        sheet.Text(0, 1, title, WorkbookStyles.Title);
        sheet.Text(0, 2, scope, WorkbookStyles.Label);

        var headers = new List<(string Text, double Width)>
        {
            (T("Hub.City"), 22), (T("Hub.Country"), 9), (T("Hub.Period"), 9), (T("Report.Status"), 11), (T("Report.Completeness"), 14), (T("Report.Overall"), 10),
            (T("Hub.Change"), 12),
        };
        headers.AddRange(rubric.Pillars.Select(p => (p.Title.Get(language), 11.0)));
        headers.AddRange(rubric.Practices.Select(p => ($"{p.Id} {p.Title.Get(language)}", 12.0)));
        for (var i = 0; i < headers.Count; i++)
        {
            sheet.Width(i, WidthKeepingWords(headers[i].Text, headers[i].Width));
            sheet.Text(i, HeaderRow, headers[i].Text, WorkbookStyles.Header);
        }

        // Wrapped within the first page's columns (after their widths are set), as the sheet prints across several pages.
        var explained = ExcelText.Format("Hub.Explained", language, rows.Length);
        sheet.TextAcross(0, 7, 3, ExcelText.DraftNotice(rubric, language) is { } draft ? $"{draft} {explained}" : explained, WorkbookStyles.Body);

        var overallColumn = FirstScoreColumn;
        var changeColumn = FirstScoreColumn + 1;
        var firstPillarColumn = FirstScoreColumn + 2;
        IEnumerable<Func<ScoreResult, double?>> ScorePicks() => rubric.Pillars
            .Select(pillar => (Func<ScoreResult, double?>)(s => s.Pillars.FirstOrDefault(p => p.PillarId == pillar.Id).Score))
            .Concat(rubric.Practices.Select(practice => (Func<ScoreResult, double?>)(s => s.Practices.FirstOrDefault(p => p.PracticeId == practice.Id).Score)));
        var picks = ScorePicks().ToArray();

        var row = HeaderRow + 1;
        foreach (var entry in rows)
        {
            var score = entry.Score;
            sheet.Text(0, row, entry.CityName, WorkbookStyles.CellBold);
            sheet.Text(1, row, entry.Country, WorkbookStyles.Cell);
            sheet.Text(2, row, entry.Period, WorkbookStyles.Cell);
            sheet.Text(3, row, ResultStatus.Label(entry.Status, language), Counts(entry) ? WorkbookStyles.Cell : WorkbookStyles.Notice);
            sheet.Number(4, row, score.Completeness.Ratio, WorkbookStyles.Percent);
            sheet.Number(overallColumn, row, ReportValues.Round(score.Overall), WorkbookStyles.Score);
            sheet.Number(changeColumn, row, Change(entry), WorkbookStyles.Change);
            for (var i = 0; i < picks.Length; i++)
            {
                sheet.Number(firstPillarColumn + i, row, ReportValues.Round(picks[i](score)), WorkbookStyles.Score);
            }

            row++;
        }

        var lastColumn = headers.Count - 1;
        var lastRow = Math.Max(HeaderRow + 1, row - 1);
        sheet.AutoFilter = $"{CellReference.Of(0, HeaderRow)}:{CellReference.Of(lastColumn, lastRow)}";
        if (rows.Length > 0)
        {
            sheet.Add(ColorScale($"{CellReference.Of(overallColumn, HeaderRow + 1)}:{CellReference.Of(overallColumn, lastRow)}", 1));
            sheet.Add(ColorScale($"{CellReference.Of(firstPillarColumn, HeaderRow + 1)}:{CellReference.Of(lastColumn, lastRow)}", 2));
        }

        // Below the autofilter's range, so sorting or filtering the cities leaves these rows where they are.
        var counted = rows.Where(Counts).Select(r => r.Score).ToArray();
        row++;
        foreach (var (name, pick) in new (string, Func<Distribution, double>)[] { ("Hub.Q3", s => s.Q3), ("Hub.Median", s => s.Median), ("Hub.Q1", s => s.Q1) })
        {
            sheet.Text(0, row, ExcelText.Format(name, language, counted.Length), WorkbookStyles.CellBold);
            sheet.Number(overallColumn, row, Statistic(counted, s => s.Overall, pick), WorkbookStyles.Score);
            for (var i = 0; i < picks.Length; i++)
            {
                sheet.Number(firstPillarColumn + i, row, Statistic(counted, picks[i], pick), WorkbookStyles.Score);
            }

            row++;
        }

        WritePractices(workbook, rubric, language);
        return workbook.Build();
    }

    private static bool Counts(HubComparisonEntry entry) => entry.Status is null || ResultStatus.IsValidated(entry.Status);

    /// <summary>The change of the overall index since the city's previous period, from the rounded scores as shown.</summary>
    private static double? Change(HubComparisonEntry entry) =>
        ReportValues.Round(entry.Score.Overall) is { } now && ReportValues.Round(entry.Previous?.Overall) is { } before
            ? Math.Round(now - before, 1, MidpointRounding.AwayFromZero)
            : null;

    private static double? Statistic(IEnumerable<ScoreResult> scores, Func<ScoreResult, double?> metric, Func<Distribution, double> pick) =>
        Distribution.Of(scores.Select(metric).OfType<double>()) is { } summary ? ReportValues.Round(pick(summary)) : null;

    /// <summary>A column width at least as wide as the header's longest word, so no word is split across lines.</summary>
    private static double WidthKeepingWords(string header, double width) =>
        Math.Max(width, (header.Split(' ').Max(w => w.Length) * 1.2) + 2);

    private static ConditionalFormatting ColorScale(string range, int priority) =>
        new(new ConditionalFormattingRule(new DocumentFormat.OpenXml.Spreadsheet.ColorScale(
            new ConditionalFormatValueObject { Type = ConditionalFormatValueObjectValues.Number, Val = "0" },
            new ConditionalFormatValueObject { Type = ConditionalFormatValueObjectValues.Number, Val = "50" },
            new ConditionalFormatValueObject { Type = ConditionalFormatValueObjectValues.Number, Val = "100" },
            new Color { Rgb = "FFF8696B" },
            new Color { Rgb = "FFFFEB84" },
            new Color { Rgb = "FF63BE7B" }))
        {
            Type = ConditionalFormatValues.ColorScale,
            Priority = priority,
        })
        {
            SequenceOfReferences = new ListValue<StringValue> { InnerText = range },
        };

    private static void WritePractices(WorkbookBuilder workbook, Rubric rubric, string language)
    {
        string T(string key) => ExcelText.Get(key, language);
        var sheet = workbook.AddSheet(T("Sheet.Practices"));
        sheet.FrozenRows = 1;
        sheet.PrintTitleRow = 1;
        (string Header, double Width)[] columns = [(T("Column.practice"), 10), (T("Hub.PracticeTitle"), 50), (T("Report.Pillars"), 40)];
        for (var i = 0; i < columns.Length; i++)
        {
            sheet.Width(i, columns[i].Width);
            sheet.Text(i, 1, columns[i].Header, WorkbookStyles.Header);
        }

        var row = 2;
        foreach (var practice in rubric.Practices)
        {
            sheet.Text(0, row, practice.Id, WorkbookStyles.CellBold);
            sheet.Text(1, row, practice.Title.Get(language), WorkbookStyles.Cell);
            sheet.Text(2, row, ReportValues.PillarsOf(practice, rubric, language), WorkbookStyles.Cell);
            row++;
        }
    }
}
