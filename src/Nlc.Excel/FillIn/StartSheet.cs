using Nlc.Excel.Xlsx;

namespace Nlc.Excel.FillIn;

/// <summary>The "Start here" sheet: what the workbook is for, how to fill it in, the level scale and whom to ask.</summary>
internal static class StartSheet
{
    public static void Write(WorkbookBuilder workbook, FillInContent content)
    {
        var rubric = content.Rubric;
        var language = content.Language;
        var sheet = workbook.AddSheet(WorkbookNames.StartSheet);
        sheet.Protected = true;
        sheet.Landscape = false;
        // Two columns and no merged cells: Excel and LibreOffice fit row heights to wrapped text only in unmerged cells.
        sheet.Width(0, 22);
        sheet.Width(1, 84);

        var row = 1;
        sheet.Text(0, row, rubric.Title.Get(language), WorkbookStyles.Title);
        row++;
        sheet.Text(0, row, content.CityName is null
            ? "A blank self-assessment workbook: it can be filled in for any city."
            : $"Self-assessment of {content.CityName} for the period {content.Period}.", WorkbookStyles.Default);
        row++;
        if (content.ReadOnlyNotice is { } notice)
        {
            sheet.TextAcross(0, 1, row, notice, WorkbookStyles.Notice);
        }

        row++;

        Pair(sheet, ref row, "Rubric", $"{rubric.Id} version {rubric.Version}");
        if (content.AssessmentId is not null)
        {
            Pair(sheet, ref row, "Assessment", content.AssessmentId);
        }

        Pair(sheet, ref row, "Language", language);
        if (content.DownloadedAt is { } downloadedAt)
        {
            Pair(sheet, ref row, "Downloaded", downloadedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)
                + $" (version {content.BaseVersion})");
        }

        row++;

        row = Section(sheet, row, "What this is for", rubric.Description.Get(language));
        row = Steps(sheet, row, content);
        row = Scale(sheet, row, content);

        row = Section(sheet, row, "Questions", content.Contact);
        row = Section(sheet, row, "Source", rubric.Source.Get(language));
        Section(sheet, row, "About the wording", rubric.Attribution.Get(language));
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
        var choices = content.Choices;
        string[] steps =
        [
            $"Go to the sheet \"{WorkbookNames.AssessmentSheet}\". Each row is one indicator, grouped by good practice.",
            $"In the column \"{WorkbookNames.Columns.Level}\", choose from the list the level that matches what you can show today, "
                + $"from \"{choices.Labels[0]}\" to \"{choices.Labels[^1]}\". The sheet \"{WorkbookNames.LevelsSheet}\" describes "
                + "what each level looks like for each indicator.",
            $"If an indicator does not apply to your city, choose \"{choices.NotApplicable}\" and write why in the column "
                + $"\"{WorkbookNames.Columns.Reason}\".",
            $"If nobody can tell, choose \"{choices.DontKnow}\". It counts as level 0 and is reported separately.",
            $"Use \"{WorkbookNames.Columns.Note}\" for a short comment and \"{WorkbookNames.Columns.Evidence}\" for links or "
                + "document references, one per line.",
            "Leave a row empty if you have not answered it yet. Only the yellow cells can be changed; please do not rename the sheets.",
            "Emptying a row does not delete an answer that is already saved: the saved answer is kept, and the reply to your upload "
                + $"lists it. To change an answer, choose another level, \"{choices.NotApplicable}\" or \"{choices.DontKnow}\".",
            "Colleagues can work on the same assessment at the same time, in their own copies or online. When you upload this file, "
                + "only the answers you changed in it are saved; answers that others saved after you downloaded it stay as they are. "
                + "If someone else changed the same indicator in the meantime, nothing is saved and the reply shows both answers and who "
                + "saved the other one, so you can agree which is right.",
            "Save the file as .xlsx (Excel, LibreOffice and online editors all work) and send it back or upload it. "
                + "The scores are calculated when the file is read, not in this workbook.",
        ];
        sheet.Text(0, row++, "How to fill it in", WorkbookStyles.Heading);
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
        sheet.Text(0, row++, "The levels", WorkbookStyles.Heading);
        sheet.Text(0, row, "Level", WorkbookStyles.Header);
        sheet.Text(1, row, "What it means", WorkbookStyles.Header);
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
