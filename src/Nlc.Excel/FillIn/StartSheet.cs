using Nlc.Excel.Xlsx;

namespace Nlc.Excel.FillIn;

/// <summary>The "Start here" sheet: what the workbook is for, how to fill it in, the level scale and whom to ask.</summary>
internal static class StartSheet
{
    public static void Write(WorkbookBuilder workbook, FillInContent content)
    {
        var rubric = content.Rubric;
        var language = content.Language;
        string T(string key) => ExcelText.Get(key, language);
        var sheet = workbook.AddSheet(T("Sheet.Start"));
        sheet.Protected = true;
        sheet.Landscape = false;
        // Two columns and no merged cells: Excel and LibreOffice fit row heights to wrapped text only in unmerged cells.
        sheet.Width(0, 22);
        sheet.Width(1, 84);

        var row = 1;
        sheet.Text(0, row, rubric.Title.Get(language), WorkbookStyles.Title);
        row++;
        sheet.Text(0, row, content.CityName is null
            ? T("Start.Blank")
            : ExcelText.Format("Start.For", language, content.CityName, content.Period), WorkbookStyles.Default);
        row++;
        if (content.DraftNotice is { } draft)
        {
            sheet.TextAcross(0, 1, row++, draft, WorkbookStyles.Notice);
        }

        if (content.ReadOnlyNotice is { } notice)
        {
            sheet.TextAcross(0, 1, row, notice, WorkbookStyles.Notice);
        }

        row++;

        Pair(sheet, ref row, T("Start.Rubric"), ExcelText.Format("Start.RubricValue", language, rubric.Id, rubric.Version));
        if (content.AssessmentId is not null)
        {
            Pair(sheet, ref row, T("Start.Assessment"), content.AssessmentId);
        }

        Pair(sheet, ref row, T("Start.Language"), $"{T("LanguageName")} ({language})");
        if (content.DownloadedAt is { } downloadedAt)
        {
            Pair(sheet, ref row, T("Start.Downloaded"), ExcelText.Format("Start.DownloadedValue", language, downloadedAt.UtcDateTime, content.BaseVersion));
        }

        row++;

        row = Section(sheet, row, T("Start.Purpose"), rubric.Description.Get(language));
        row = Steps(sheet, row, content);
        row = Scale(sheet, row, content);

        row = Section(sheet, row, T("Start.Questions"), content.Contact ?? T("Start.Contact"));
        row = Section(sheet, row, T("Start.Source"), rubric.Source.Get(language));
        Section(sheet, row, T("Start.Wording"), rubric.Attribution.Get(language));
    }

    private static void Pair(SheetBuilder sheet, ref int row, string label, string value)
    {
        sheet.Text(0, row, label, WorkbookStyles.Label);
        sheet.Text(1, row, value, WorkbookStyles.Body);
        row++;
    }

    private static int Section(SheetBuilder sheet, int row, string heading, string text)
    {
        sheet.Text(0, row, heading, WorkbookStyles.Heading);
        sheet.Text(1, row, text, WorkbookStyles.Body);
        return row + 2;
    }

    private static int Steps(SheetBuilder sheet, int row, FillInContent content)
    {
        var language = content.Language;
        var choices = content.Choices;
        string Column(string key) => ExcelText.Get($"Column.{key}", language);
        string[] steps =
        [
            ExcelText.Format("Start.Step1", language, ExcelText.Get("Sheet.Assessment", language)),
            ExcelText.Format("Start.Step2", language, Column("level"), choices.Labels[0], choices.Labels[^1], ExcelText.Get("Sheet.Levels", language)),
            ExcelText.Format("Start.Step3", language, choices.NotApplicable, Column("reason")),
            ExcelText.Format("Start.Step4", language, choices.DontKnow),
            ExcelText.Format("Start.Step5", language, Column("note"), Column("evidence")),
            ExcelText.Get("Start.Step6", language),
            ExcelText.Format("Start.Step7", language, choices.NotApplicable, choices.DontKnow),
            ExcelText.Get("Start.Step8", language),
            ExcelText.Get("Start.Step9", language),
        ];
        sheet.Text(0, row++, ExcelText.Get("Start.HowTo", language), WorkbookStyles.Heading);
        for (var i = 0; i < steps.Length; i++)
        {
            sheet.Text(0, row, $"{i + 1}.", WorkbookStyles.Body);
            sheet.Text(1, row, steps[i], WorkbookStyles.Body);
            row++;
        }

        return row + 1;
    }

    private static int Scale(SheetBuilder sheet, int row, FillInContent content)
    {
        var scale = content.Rubric.Scale;
        var language = content.Language;
        sheet.Text(0, row++, ExcelText.Get("Start.Levels", language), WorkbookStyles.Heading);
        sheet.Text(0, row, ExcelText.Get("Column.level", language), WorkbookStyles.Header);
        sheet.Text(1, row, ExcelText.Get("Start.Meaning", language), WorkbookStyles.Header);
        row++;
        var choices = content.Choices;
        foreach (var level in scale.Levels)
        {
            sheet.Text(0, row, choices.Labels[level.Level], WorkbookStyles.CellBold);
            sheet.Text(1, row, level.Description.Get(language), WorkbookStyles.Cell);
            row++;
        }

        foreach (var (name, option) in new[] { (choices.NotApplicable, scale.NotApplicable), (choices.DontKnow, scale.DontKnow) })
        {
            sheet.Text(0, row, name, WorkbookStyles.CellBold);
            sheet.Text(1, row, option.Description.Get(language), WorkbookStyles.Cell);
            row++;
        }

        return row + 1;
    }
}
