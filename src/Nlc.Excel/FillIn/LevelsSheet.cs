using Nlc.Excel.Xlsx;

namespace Nlc.Excel.FillIn;

/// <summary>The "Levels" sheet: what each level looks like for every indicator, one row per indicator.</summary>
internal static class LevelsSheet
{
    public static void Write(WorkbookBuilder workbook, FillInContent content)
    {
        var language = content.Language;
        var sheet = workbook.AddSheet(ExcelText.Get("Sheet.Levels", language));
        sheet.Protected = true;
        sheet.FrozenRows = 1;
        sheet.FrozenColumns = 2;
        sheet.PrintTitleRow = 1;
        sheet.Width(0, 8);
        sheet.Width(1, 8);
        sheet.Width(2, 26);
        sheet.Text(0, 1, ExcelText.Get("Column.practice", language), WorkbookStyles.Header);
        sheet.Text(1, 1, ExcelText.Get("Column.indicator", language), WorkbookStyles.Header);
        sheet.Text(2, 1, ExcelText.Get("Column.question", language), WorkbookStyles.Header);
        var labels = content.Choices.Labels;
        for (var level = 0; level < labels.Count; level++)
        {
            sheet.Width(3 + level, 24);
            sheet.Text(3 + level, 1, labels[level], WorkbookStyles.Header);
        }

        var row = 2;
        var band = false;
        foreach (var practice in content.Rubric.Practices)
        {
            var cell = band ? WorkbookStyles.CellBand : WorkbookStyles.Cell;
            var bold = band ? WorkbookStyles.CellBoldBand : WorkbookStyles.CellBold;
            foreach (var indicator in practice.Indicators)
            {
                sheet.Text(0, row, practice.Id, bold);
                sheet.Text(1, row, indicator.Id, bold);
                sheet.Text(2, row, indicator.Question.Get(language), cell);
                foreach (var descriptor in indicator.Levels)
                {
                    sheet.Text(3 + descriptor.Level, row, descriptor.Descriptor.Get(language), cell);
                }

                row++;
            }

            band = !band;
        }
    }
}
