using Nlc.Core.Rubrics;

namespace Nlc.Excel.Translations;

/// <summary>
/// What a translation workbook changes in its translation file: the texts whose translation differs from the file's,
/// each now recorded as translated from the current English; nothing else. The revision is raised once when any text
/// changed; an unchanged workbook changes nothing.
/// </summary>
public static class TranslationUpdate
{
    /// <summary><paramref name="file"/> with the changed texts of <paramref name="import"/>, and their ids in rubric order.</summary>
    public static (TranslationFile File, IReadOnlyList<string> Changed) Apply(TranslationFile file, TranslationWorkbookImport import)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(import);
        var english = RubricTexts.Of(import.Rubric).ToDictionary(t => t.Key, t => t.Value.ToString(), StringComparer.Ordinal);
        var texts = new Dictionary<string, TranslationEntry>(file.Texts, StringComparer.Ordinal);
        var changed = new List<string>();
        foreach (var row in import.Rows)
        {
            if (texts.TryGetValue(row.Id, out var entry) && entry.Text == row.Text)
            {
                continue;
            }

            texts[row.Id] = new TranslationEntry(english[row.Id], row.Text);
            changed.Add(row.Id);
        }

        return changed.Count == 0
            ? (file, changed)
            : (file with { Texts = texts, Revision = file.Revision + 1 }, changed);
    }
}
