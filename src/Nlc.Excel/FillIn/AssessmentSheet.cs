using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Nlc.Excel.Xlsx;

namespace Nlc.Excel.FillIn;

/// <summary>
/// The "Assessment" sheet: one row per indicator, practice by practice, with the answer cells (level, reason, note,
/// evidence) the only cells that can be edited. The level is a drop-down of the answer choices kept on the _meta sheet.
/// </summary>
internal static class AssessmentSheet
{
    public const int PracticeColumn = 0;
    public const int PracticeTitleColumn = 1;
    public const int IndicatorColumn = 2;
    public const int QuestionColumn = 3;
    public const int GuidanceColumn = 4;
    public const int LevelColumn = 5;
    public const int ReasonColumn = 6;
    public const int NoteColumn = 7;
    public const int EvidenceColumn = 8;

    /// <summary>The hidden row of column keys (<see cref="WorkbookNames.Columns.Keys"/>), by which the reader finds the columns in any language.</summary>
    public const int KeyRow = 1;

    private static readonly double[] Widths = [8, 14, 8, 30, 36, 17, 14, 14, 14];

    public static void Write(WorkbookBuilder workbook, FillInContent content)
    {
        var language = content.Language;
        var sheet = workbook.AddSheet(ExcelText.Get("Sheet.Assessment", language));
        sheet.Protected = true;
        var keys = WorkbookNames.Columns.Keys;
        sheet.HideRow(KeyRow);
        for (var column = 0; column < keys.Count; column++)
        {
            sheet.Width(column, Widths[column]);
            sheet.Text(column, KeyRow, WorkbookNames.KeyPrefix + keys[column]);
        }

        // Notices (draft translation, read-only) stand above the header; the reader finds the columns by the key row.
        var notices = new[] { content.DraftNotice, content.ReadOnlyNotice }.OfType<string>().ToArray();
        var headerRow = KeyRow + 1 + (notices.Length == 0 ? 0 : 1);
        if (notices.Length > 0)
        {
            sheet.TextAcross(0, keys.Count - 1, KeyRow + 1, string.Join(' ', notices), WorkbookStyles.Notice);
        }

        sheet.FrozenRows = headerRow;
        sheet.PrintTitleRow = headerRow;
        for (var column = 0; column < keys.Count; column++)
        {
            sheet.Text(column, headerRow, ExcelText.Get($"Column.{keys[column]}", language), WorkbookStyles.Header);
        }

        var answerStyle = content.ReadOnly ? WorkbookStyles.Cell : WorkbookStyles.Answer;
        var row = headerRow + 1;
        var band = false;
        foreach (var practice in content.Rubric.Practices)
        {
            var cell = band ? WorkbookStyles.CellBand : WorkbookStyles.Cell;
            var bold = band ? WorkbookStyles.CellBoldBand : WorkbookStyles.CellBold;
            foreach (var indicator in practice.Indicators)
            {
                sheet.Text(PracticeColumn, row, practice.Id, bold);
                sheet.Text(PracticeTitleColumn, row, practice.Title.Get(language), cell);
                sheet.Text(IndicatorColumn, row, indicator.Id, bold);
                sheet.Text(QuestionColumn, row, indicator.Question.Get(language), cell);
                sheet.Text(GuidanceColumn, row, Guidance(indicator, language), cell);

                content.Answers.TryGetValue(indicator.Id, out var given);
                sheet.Text(LevelColumn, row, given is null ? null : content.Choices.LabelOf(given.Answer), answerStyle);
                sheet.Text(ReasonColumn, row, given?.Answer.Reason, answerStyle);
                sheet.Text(NoteColumn, row, given?.Answer.Note, answerStyle);
                sheet.Text(EvidenceColumn, row, given is null ? null : string.Join('\n', given.Evidence), answerStyle);
                row++;
            }

            band = !band;
        }

        if (content.ReadOnly)
        {
            return;
        }

        var lastRow = row - 1;
        var levels = $"{CellReference.Of(LevelColumn, headerRow + 1)}:{CellReference.Of(LevelColumn, lastRow)}";
        var choices = content.Choices;
        var levelHeader = Cut(ExcelText.Get("Column.level", language), 32);
        sheet.Add(new DataValidations(new DataValidation(new Formula1(MetaSheet.ChoicesRange(choices.All.Count)))
        {
            Type = DataValidationValues.List,
            AllowBlank = true,
            ShowInputMessage = true,
            ShowErrorMessage = true,
            // Information, not Stop: the import also reads "3" or "3 - Established" typed by hand, so typing must not be blocked.
            ErrorStyle = DataValidationErrorStyleValues.Information,
            ErrorTitle = levelHeader,
            Error = Cut(ExcelText.Format("Assessment.ValidationError", language, choices.Labels[0], choices.Labels[^1], choices.NotApplicable, choices.DontKnow), 225),
            PromptTitle = levelHeader,
            Prompt = Cut(ExcelText.Format("Assessment.ValidationPrompt", language, ExcelText.Get("Sheet.Levels", language), choices.NotApplicable, choices.DontKnow), 255),
            SequenceOfReferences = new ListValue<StringValue> { InnerText = levels },
        })
        { Count = 1 });
    }

    private static string Guidance(Core.Rubrics.Indicator indicator, string language)
    {
        var guidance = indicator.Guidance.Get(language);
        return indicator.Evidence.Count == 0
            ? guidance
            : guidance + "\n\n" + ExcelText.Get("Assessment.EvidenceExamples", language) + "\n" + string.Join('\n', indicator.Evidence.Select(e => "• " + e.Get(language)));
    }

    private static string Cut(string text, int length)
    {
        text = XmlText.Clean(text);
        return text.Length <= length ? text : text[..(length - 1)] + "…";
    }
}
