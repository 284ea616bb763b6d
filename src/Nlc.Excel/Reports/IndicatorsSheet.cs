using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;
using Nlc.Excel.Xlsx;

namespace Nlc.Excel.Reports;

/// <summary>The "Indicators" sheet: every indicator's answer and score, practice by practice.</summary>
internal static class IndicatorsSheet
{
    public static void Write(WorkbookBuilder workbook, Rubric rubric, ScoreResult score, string language)
    {
        string T(string key) => ExcelText.Get(key, language);
        var choices = new AnswerChoices(rubric.Scale, language);
        var sheet = workbook.AddSheet(ExcelText.Get("Sheet.Indicators", language));
        sheet.Protected = true;
        sheet.FrozenRows = 1;
        sheet.PrintTitleRow = 1;
        (string Header, double Width)[] columns = [(T("Column.practice"), 10), (T("Column.indicator"), 10), (T("Column.question"), 60), (T("Report.Answer"), 22), (T("Report.Score"), 10)];
        for (var i = 0; i < columns.Length; i++)
        {
            sheet.Width(i, columns[i].Width);
            sheet.Text(i, 1, columns[i].Header, WorkbookStyles.Header);
        }

        var scores = score.Indicators.ToDictionary(i => i.IndicatorId, StringComparer.Ordinal);
        var row = 2;
        var band = false;
        foreach (var practice in rubric.Practices)
        {
            var cell = band ? WorkbookStyles.CellBand : WorkbookStyles.Cell;
            foreach (var indicator in practice.Indicators)
            {
                var result = scores.GetValueOrDefault(indicator.Id);
                sheet.Text(0, row, practice.Id, cell);
                sheet.Text(1, row, indicator.Id, cell);
                sheet.Text(2, row, indicator.Question.Get(language), cell);
                sheet.Text(3, row, result.Kind switch
                {
                    AnswerKind.Level => ReportValues.LevelLabel(result.Level, rubric.Scale, language),
                    AnswerKind.NotApplicable => choices.NotApplicable,
                    AnswerKind.DontKnow => choices.DontKnow,
                    _ => T("Report.NotAnswered"),
                }, cell);
                sheet.Number(4, row, ReportValues.Round(result.Score), WorkbookStyles.Score);
                row++;
            }

            band = !band;
        }
    }
}
