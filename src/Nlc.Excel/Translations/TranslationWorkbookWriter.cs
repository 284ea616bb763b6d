using System.Globalization;
using Nlc.Core.Rubrics;
using Nlc.Excel.Xlsx;

namespace Nlc.Excel.Translations;

/// <summary>
/// Writes the workbook a translator reviews one language in: one row per text of the rubric with its id, where it is
/// used, the English source, the current translation, its status (translated, missing, stale) and a comment column;
/// only the translation and comment cells can be edited. A hidden row of column keys and a hidden _meta sheet let
/// <see cref="TranslationWorkbookReader"/> read it back whatever language its headers are in. No cell holds a formula.
/// </summary>
public static class TranslationWorkbookWriter
{
    /// <summary>The columns, by key; their headers are "Translation.Column.{key}" in <see cref="ExcelText"/>.</summary>
    internal static readonly IReadOnlyList<string> Columns = ["id", "where", "source", "translation", "status", "comment"];

    internal const string Format = "nlc-translation-workbook";
    internal const int KeyRow = 2;

    /// <summary>The workbook of <paramref name="file"/> (the language's translation file as it stands) for <paramref name="rubric"/>.</summary>
    public static byte[] Write(Rubric rubric, TranslationFile file)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(file);
        var language = file.Language;
        string T(string key) => ExcelText.Get(key, language);
        var workbook = new WorkbookBuilder { LockStructure = true, Language = language, Title = ExcelText.Format("Translation.Title", language, rubric.Key, T("LanguageName")) };
        var sheet = workbook.AddSheet(T("Sheet.Translations"));
        sheet.Protected = true;
        double[] widths = [24, 26, 50, 50, 12, 30];
        sheet.HideRow(KeyRow);
        for (var i = 0; i < Columns.Count; i++)
        {
            sheet.Width(i, widths[i]);
            sheet.Text(i, KeyRow, WorkbookNames.KeyPrefix + Columns[i]);
        }

        // The instructions stand above the hidden key row, where the reader never looks for a translation.
        sheet.TextAcross(0, Columns.Count - 1, 1, ExcelText.Format("Translation.Instructions", language, T("LanguageName")), WorkbookStyles.Notice);
        const int headerRow = 3;
        sheet.FrozenRows = headerRow;
        sheet.PrintTitleRow = headerRow;
        for (var i = 0; i < Columns.Count; i++)
        {
            sheet.Text(i, headerRow, T($"Translation.Column.{Columns[i]}"), WorkbookStyles.Header);
        }

        var row = headerRow + 1;
        foreach (var (key, text) in RubricTexts.Of(rubric))
        {
            var english = text.ToString();
            file.Texts.TryGetValue(key, out var entry);
            var status = entry is null || entry.Text.Length == 0 ? "Missing" : entry.Source == english ? "Translated" : "Stale";
            sheet.Text(0, row, key, WorkbookStyles.CellBold);
            sheet.Text(1, row, TranslationPlaces.Describe(key, language), WorkbookStyles.Cell);
            sheet.Text(2, row, english, WorkbookStyles.Cell);
            sheet.Text(3, row, entry?.Text, WorkbookStyles.Answer);
            sheet.Text(4, row, T($"Translation.Status.{status}"), status == "Translated" ? WorkbookStyles.Cell : WorkbookStyles.Notice);
            sheet.Text(5, row, null, WorkbookStyles.Answer);
            row++;
        }

        var meta = workbook.AddSheet(WorkbookNames.MetaSheet);
        meta.Hidden = true;
        meta.Protected = true;
        (string Key, string Value)[] entries =
        [
            (WorkbookNames.Meta.Format, Format),
            (WorkbookNames.Meta.FormatVersion, "1"),
            (WorkbookNames.Meta.RubricId, rubric.Id),
            (WorkbookNames.Meta.RubricVersion, rubric.Version.ToString()),
            (WorkbookNames.Meta.Language, language),
            ("revision", file.Revision.ToString(CultureInfo.InvariantCulture)),
        ];
        for (var i = 0; i < entries.Length; i++)
        {
            meta.Text(0, i + 1, entries[i].Key);
            meta.Text(1, i + 1, entries[i].Value);
        }

        return workbook.Build();
    }
}
