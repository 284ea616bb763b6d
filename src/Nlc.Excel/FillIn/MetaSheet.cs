using System.Globalization;
using Nlc.Excel.Xlsx;

namespace Nlc.Excel.FillIn;

/// <summary>
/// The hidden "_meta" sheet: key/value rows (column A/B) naming the rubric version, its content hash, the assessment
/// and the language, so a returned workbook can be checked against what it was made for; column D lists the answer
/// choices the Level drop-down draws from; columns F and G hold the baseline: each indicator answered at download with
/// its answer's <see cref="AnswerFingerprint"/>, so an upload applies only what its user changed.
/// </summary>
internal static class MetaSheet
{
    private const int ChoicesColumn = 3;
    private const int BaselineIndicatorColumn = 5;
    private const int BaselineAnswerColumn = 6;

    /// <summary>The cells holding the drop-down's choices, below their header in column D.</summary>
    public static string ChoicesRange(int count) => CellReference.Range(WorkbookNames.MetaSheet, ChoicesColumn, 2, ChoicesColumn, 1 + count);

    public static void Write(WorkbookBuilder workbook, FillInContent content)
    {
        var sheet = workbook.AddSheet(WorkbookNames.MetaSheet);
        sheet.Hidden = true;
        sheet.Protected = true;
        sheet.Width(0, 20);
        sheet.Width(1, 80);
        sheet.Width(ChoicesColumn, 30);
        sheet.Text(0, 1, "key", WorkbookStyles.Label);
        sheet.Text(1, 1, "value", WorkbookStyles.Label);
        var rubric = content.Rubric;
        (string Key, string? Value)[] entries =
        [
            (WorkbookNames.Meta.Format, WorkbookNames.Format),
            (WorkbookNames.Meta.FormatVersion, WorkbookNames.FormatVersion.ToString(CultureInfo.InvariantCulture)),
            (WorkbookNames.Meta.RubricId, rubric.Id),
            (WorkbookNames.Meta.RubricVersion, rubric.Version.ToString()),
            (WorkbookNames.Meta.RubricContentHash, rubric.ContentHash),
            (WorkbookNames.Meta.AssessmentId, content.AssessmentId),
            (WorkbookNames.Meta.Language, content.Language),
            (WorkbookNames.Meta.City, content.CityName),
            (WorkbookNames.Meta.Period, content.Period),
            (WorkbookNames.Meta.BaseVersion, content.BaseVersion?.ToString(CultureInfo.InvariantCulture)),
            (WorkbookNames.Meta.DownloadedAt, content.DownloadedAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
        ];
        for (var i = 0; i < entries.Length; i++)
        {
            sheet.Text(0, i + 2, entries[i].Key);
            sheet.Text(1, i + 2, entries[i].Value);
        }

        sheet.Text(ChoicesColumn, 1, WorkbookNames.Meta.AnswerChoices, WorkbookStyles.Label);
        var choices = content.Choices.All;
        for (var i = 0; i < choices.Count; i++)
        {
            sheet.Text(ChoicesColumn, i + 2, choices[i]);
        }

        sheet.Width(BaselineIndicatorColumn, 14);
        sheet.Width(BaselineAnswerColumn, 50);
        sheet.Text(BaselineIndicatorColumn, 1, WorkbookNames.Meta.BaselineIndicator, WorkbookStyles.Label);
        sheet.Text(BaselineAnswerColumn, 1, WorkbookNames.Meta.BaselineAnswer, WorkbookStyles.Label);
        var row = 2;
        foreach (var (indicatorId, answer) in content.Answers.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            sheet.Text(BaselineIndicatorColumn, row, indicatorId);
            sheet.Text(BaselineAnswerColumn, row, AnswerFingerprint.Of(answer));
            row++;
        }
    }
}
