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

    private static readonly (string Header, double Width)[] Layout =
    [
        (WorkbookNames.Columns.PracticeId, 8),
        (WorkbookNames.Columns.PracticeTitle, 14),
        (WorkbookNames.Columns.IndicatorId, 8),
        (WorkbookNames.Columns.Question, 30),
        (WorkbookNames.Columns.Guidance, 36),
        (WorkbookNames.Columns.Level, 17),
        (WorkbookNames.Columns.Reason, 14),
        (WorkbookNames.Columns.Note, 14),
        (WorkbookNames.Columns.Evidence, 14),
    ];

    public static void Write(WorkbookBuilder workbook, FillInContent content)
    {
        var language = content.Language;
        var sheet = workbook.AddSheet(WorkbookNames.AssessmentSheet);
        sheet.Protected = true;
        // A read-only workbook says so above the header; the reader finds the header wherever it is in the first rows.
        var headerRow = content.ReadOnly ? 2 : 1;
        sheet.FrozenRows = headerRow;
        sheet.PrintTitleRow = headerRow;
        for (var column = 0; column < Layout.Length; column++)
        {
            sheet.Width(column, Layout[column].Width);
            sheet.Text(column, headerRow, Layout[column].Header, WorkbookStyles.Header);
        }

        if (content.ReadOnlyNotice is { } notice)
        {
            sheet.TextAcross(0, Layout.Length - 1, 1, notice, WorkbookStyles.Notice);
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
        sheet.Add(new DataValidations(new DataValidation(new Formula1(MetaSheet.ChoicesRange(choices.All.Count)))
        {
            Type = DataValidationValues.List,
            AllowBlank = true,
            ShowInputMessage = true,
            ShowErrorMessage = true,
            // Information, not Stop: the import also reads "3" or "3 - Established" typed by hand, so typing must not be blocked.
            ErrorStyle = DataValidationErrorStyleValues.Information,
            ErrorTitle = Cut(WorkbookNames.Columns.Level, 32),
            Error = Cut($"Not one of the listed choices. A level number such as 3 is fine; otherwise choose from the list: a level from {choices.Labels[0]} to {choices.Labels[^1]}, {choices.NotApplicable} or {choices.DontKnow}.", 225),
            PromptTitle = Cut(WorkbookNames.Columns.Level, 32),
            Prompt = Cut($"Choose the level you can show today (see the sheet \"{WorkbookNames.LevelsSheet}\"), or {choices.NotApplicable} with a reason, or {choices.DontKnow}.", 255),
            SequenceOfReferences = new ListValue<StringValue> { InnerText = levels },
        })
        { Count = 1 });
    }

    private static string Guidance(Core.Rubrics.Indicator indicator, string language)
    {
        var guidance = indicator.Guidance.Get(language);
        return indicator.Evidence.Count == 0
            ? guidance
            : guidance + "\n\nExamples of evidence:\n" + string.Join('\n', indicator.Evidence.Select(e => "• " + e.Get(language)));
    }

    private static string Cut(string text, int length)
    {
        text = XmlText.Clean(text);
        return text.Length <= length ? text : text[..(length - 1)] + "…";
    }
}
