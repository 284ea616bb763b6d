using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;
using Nlc.Excel.Xlsx;

namespace Nlc.Excel.Reports;

/// <summary>The "Next steps" sheet: the engine's gap list, most valuable first, each with the step to take as the engine words it (the same as the API's).</summary>
internal static class NextStepsSheet
{
    public static void Write(WorkbookBuilder workbook, Rubric rubric, ScoreResult score, string language)
    {
        string T(string key) => ExcelText.Get(key, language);
        var scale = rubric.Scale;
        var choices = new AnswerChoices(scale, language);
        var sheet = workbook.AddSheet(T("Sheet.NextSteps"));
        sheet.Protected = true;
        sheet.FrozenRows = 1;
        sheet.PrintTitleRow = 1;
        (string Header, double Width)[] columns =
        [
            (T("Report.Priority"), 7), (T("Column.practice"), 20), (T("Column.indicator"), 9), (T("Column.question"), 30), (T("Report.CurrentLevel"), 14),
            (T("Report.NextLevel"), 14), (T("Report.NextStep"), 50), (T("Report.ExpectedGain"), 10),
        ];
        for (var i = 0; i < columns.Length; i++)
        {
            sheet.Width(i, columns[i].Width);
            sheet.Text(i, 1, columns[i].Header, WorkbookStyles.Header);
        }

        var practices = rubric.Practices.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var indicators = rubric.Indicators.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var kinds = score.Indicators.ToDictionary(i => i.IndicatorId, i => i.Kind, StringComparer.Ordinal);
        var row = 2;
        foreach (var gap in score.Gaps)
        {
            sheet.Number(0, row, row - 1, WorkbookStyles.Integer);
            sheet.Text(1, row, practices.TryGetValue(gap.PracticeId, out var practice) ? ReportValues.PracticeName(practice, language) : gap.PracticeId, WorkbookStyles.Cell);
            sheet.Text(2, row, gap.IndicatorId, WorkbookStyles.CellBold);
            sheet.Text(3, row, indicators.TryGetValue(gap.IndicatorId, out var indicator) ? indicator.Question.Get(language) : "", WorkbookStyles.Cell);
            var current = kinds.GetValueOrDefault(gap.IndicatorId) == AnswerKind.DontKnow
                ? choices.DontKnow
                : ReportValues.LevelLabel(gap.CurrentLevel, scale, language);
            sheet.Text(4, row, current, WorkbookStyles.Cell);
            sheet.Text(5, row, ReportValues.LevelLabel(gap.NextLevel, scale, language), WorkbookStyles.Cell);
            sheet.Text(6, row, gap.NextStep.Get(language), WorkbookStyles.Cell);
            sheet.Number(7, row, Math.Round(gap.OverallGain, 2, MidpointRounding.AwayFromZero), WorkbookStyles.Gain);
            row++;
        }

        if (score.Gaps.Count == 0)
        {
            sheet.Text(1, row, T("Report.NoNextSteps"), WorkbookStyles.Default);
        }
    }
}
