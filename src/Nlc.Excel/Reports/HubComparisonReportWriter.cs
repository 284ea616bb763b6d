using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Nlc.Core.Periods;
using Nlc.Core.Rubrics;
using Nlc.Excel.Xlsx;

namespace Nlc.Excel.Reports;

/// <summary>
/// Writes a hub's comparison of cities: a "Comparison" sheet with one row per assessment given (city, country, period,
/// completeness, overall, pillars, practices), colour scales on the scores (red at 0, yellow at 50, green at 100, the
/// same in every report) and an autofilter; and a "Practices" sheet naming the practice columns. The sheet is not
/// protected, so staff can sort and filter. Who may see which cities is the caller's decision.
/// </summary>
public static class HubComparisonReportWriter
{
    private const int HeaderRow = 4;
    private const int FirstScoreColumn = 5;

    /// <summary>The comparison of <paramref name="entries"/> (sorted by country, city and period); <paramref name="rubric"/> names the columns.</summary>
    public static byte[] Write(Rubric rubric, IReadOnlyList<HubComparisonEntry> entries, string language)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(entries);
        language = string.IsNullOrWhiteSpace(language) ? LocalizedText.DefaultLocale : language.Trim();
        var rows = entries
            .OrderBy(e => e.Country, StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.IgnoreCase))
            .ThenBy(e => e.CityName, StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.IgnoreCase))
            .ThenBy(e => e.Period, Period.TextComparer)
            .ToArray();

        var workbook = new WorkbookBuilder { Title = $"{rubric.Title.Get(language)}: cities compared" };
        var sheet = workbook.AddSheet(WorkbookNames.ComparisonSheet);
        sheet.FrozenRows = HeaderRow;
        sheet.FrozenColumns = 1;
        sheet.PrintTitleRow = HeaderRow;
        sheet.Text(0, 1, $"{rubric.Title.Get(language)}: cities compared", WorkbookStyles.Title);
        sheet.Text(0, 2, $"{rows.Length} assessments. Scores run from 0 to 100, computed by the toolkit and shown rounded to one decimal; "
            + "colours run from red (0) through yellow (50) to green (100). An empty score means nothing applicable was answered there.", WorkbookStyles.Small);

        var headers = new List<(string Text, double Width)>
        {
            ("City", 24), ("Country", 9), ("Period", 10), ("Rubric version", 9), ("Completeness", 13), ("Overall index", 10),
        };
        headers.AddRange(rubric.Pillars.Select(p => (p.Title.Get(language), 13.0)));
        headers.AddRange(rubric.Practices.Select(p => (p.Id, 8.0)));
        for (var i = 0; i < headers.Count; i++)
        {
            sheet.Width(i, headers[i].Width);
            sheet.Text(i, HeaderRow, headers[i].Text, WorkbookStyles.Header);
        }

        var row = HeaderRow + 1;
        foreach (var entry in rows)
        {
            var score = entry.Score;
            sheet.Text(0, row, entry.CityName, WorkbookStyles.CellBold);
            sheet.Text(1, row, entry.Country, WorkbookStyles.Cell);
            sheet.Text(2, row, entry.Period, WorkbookStyles.Cell);
            sheet.Text(3, row, score.RubricVersion.ToString(), WorkbookStyles.Cell);
            sheet.Number(4, row, score.Completeness.Ratio, WorkbookStyles.Percent);
            var column = FirstScoreColumn;
            sheet.Number(column++, row, ReportValues.Round(score.Overall), WorkbookStyles.Score);
            foreach (var pillar in rubric.Pillars)
            {
                sheet.Number(column++, row, ReportValues.Round(score.Pillars.FirstOrDefault(p => p.PillarId == pillar.Id).Score), WorkbookStyles.Score);
            }

            foreach (var practice in rubric.Practices)
            {
                sheet.Number(column++, row, ReportValues.Round(score.Practices.FirstOrDefault(p => p.PracticeId == practice.Id).Score), WorkbookStyles.Score);
            }

            row++;
        }

        var lastColumn = headers.Count - 1;
        var lastRow = Math.Max(HeaderRow + 1, row - 1);
        sheet.AutoFilter = $"{CellReference.Of(0, HeaderRow)}:{CellReference.Of(lastColumn, lastRow)}";
        if (rows.Length > 0)
        {
            sheet.Add(ColorScale($"{CellReference.Of(FirstScoreColumn, HeaderRow + 1)}:{CellReference.Of(lastColumn, lastRow)}"));
        }

        WritePractices(workbook, rubric, language);
        return workbook.Build();
    }

    private static ConditionalFormatting ColorScale(string range) =>
        new(new ConditionalFormattingRule(new DocumentFormat.OpenXml.Spreadsheet.ColorScale(
            new ConditionalFormatValueObject { Type = ConditionalFormatValueObjectValues.Number, Val = "0" },
            new ConditionalFormatValueObject { Type = ConditionalFormatValueObjectValues.Number, Val = "50" },
            new ConditionalFormatValueObject { Type = ConditionalFormatValueObjectValues.Number, Val = "100" },
            new Color { Rgb = "FFF8696B" },
            new Color { Rgb = "FFFFEB84" },
            new Color { Rgb = "FF63BE7B" }))
        {
            Type = ConditionalFormatValues.ColorScale,
            Priority = 1,
        })
        {
            SequenceOfReferences = new ListValue<StringValue> { InnerText = range },
        };

    private static void WritePractices(WorkbookBuilder workbook, Rubric rubric, string language)
    {
        var sheet = workbook.AddSheet(WorkbookNames.PracticesSheet);
        sheet.FrozenRows = 1;
        sheet.PrintTitleRow = 1;
        (string Header, double Width)[] columns = [("Practice", 10), ("Title", 50), ("Pillars", 40)];
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
