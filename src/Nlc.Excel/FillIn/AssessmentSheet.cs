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
        (WorkbookNames.Columns.PracticeId, 10),
        (WorkbookNames.Columns.PracticeTitle, 24),
        (WorkbookNames.Columns.IndicatorId, 10),
        (WorkbookNames.Columns.Question, 50),
        (WorkbookNames.Columns.Guidance, 50),
        (WorkbookNames.Columns.Level, 22),
        (WorkbookNames.Columns.Reason, 30),
        (WorkbookNames.Columns.Note, 36),
        (WorkbookNames.Columns.Evidence, 36),
    ];

    public static void Write(WorkbookBuilder workbook, FillInContent content)
    {
        var language = content.Language;
        var sheet = workbook.AddSheet(WorkbookNames.AssessmentSheet);
        sheet.Protected = true;
        sheet.FrozenRows = 1;
        sheet.PrintTitleRow = 1;
        for (var column = 0; column < Layout.Length; column++)
        {
            sheet.Width(column, Layout[column].Width);
            sheet.Text(column, 1, Layout[column].Header, WorkbookStyles.Header);
        }

        var row = 2;
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
                sheet.Text(LevelColumn, row, given is null ? null : content.Choices.LabelOf(given.Answer), WorkbookStyles.Answer);
                sheet.Text(ReasonColumn, row, given?.Answer.Reason, WorkbookStyles.Answer);
                sheet.Text(NoteColumn, row, given?.Answer.Note, WorkbookStyles.Answer);
                sheet.Text(EvidenceColumn, row, given is null ? null : string.Join('\n', given.Evidence), WorkbookStyles.Answer);
                row++;
            }

            band = !band;
        }

        var lastRow = row - 1;
        var levels = $"{CellReference.Of(LevelColumn, 2)}:{CellReference.Of(LevelColumn, lastRow)}";
        var choices = content.Choices;
        sheet.Add(new DataValidations(new DataValidation(new Formula1(MetaSheet.ChoicesRange(choices.All.Count)))
        {
            Type = DataValidationValues.List,
            AllowBlank = true,
            ShowInputMessage = true,
            ShowErrorMessage = true,
            ErrorStyle = DataValidationErrorStyleValues.Stop,
            ErrorTitle = Cut(WorkbookNames.Columns.Level, 32),
            Error = Cut($"Choose from the list: a level from {choices.Labels[0]} to {choices.Labels[^1]}, {choices.NotApplicable} or {choices.DontKnow}.", 225),
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
