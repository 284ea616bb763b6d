using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;
using Nlc.Excel.Xlsx;

namespace Nlc.Excel.Reports;

/// <summary>The "Indicators" sheet: every indicator's answer and score, practice by practice.</summary>
internal static class IndicatorsSheet
{
    public static void Write(WorkbookBuilder workbook, Rubric rubric, ScoreResult score, string language)
    {
        var choices = new AnswerChoices(rubric.Scale, language);
        var sheet = workbook.AddSheet(WorkbookNames.IndicatorsSheet);
        sheet.Protected = true;
        sheet.FrozenRows = 1;
        sheet.PrintTitleRow = 1;
        (string Header, double Width)[] columns = [("Practice", 10), ("Indicator", 10), ("Question", 60), ("Answer", 22), ("Score", 10)];
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
                    _ => "Not answered",
                }, cell);
                sheet.Number(4, row, ReportValues.Round(result.Score), WorkbookStyles.Score);
                row++;
            }

            band = !band;
        }
    }
}
