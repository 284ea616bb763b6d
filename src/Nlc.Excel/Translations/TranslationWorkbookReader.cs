using System.Globalization;
using System.Text.RegularExpressions;
using Nlc.Core.Rubrics;
using Nlc.Excel.Import;

namespace Nlc.Excel.Translations;

/// <summary>
/// Reads a translation workbook back (see <see cref="TranslationWorkbookWriter"/>), whatever program saved it: the sheet
/// and its columns by their hidden keys, each row's translation checked against the rubric's English. Every problem is
/// named by its cell (unknown or repeated id, a translation emptied, placeholder lost, suspiciously long, a formula), all
/// at once in a <see cref="WorkbookRejectedException"/>, worded in the language asked for; nothing is returned then. A
/// text still missing from the translation file and left empty is still missing: not a problem, and not a row read.
/// </summary>
public static partial class TranslationWorkbookReader
{
    private const int HeaderSearchRows = 20;

    /// <summary>
    /// Reads <paramref name="workbook"/> against the rubrics of <paramref name="rubrics"/> and the translation file as it
    /// stands (<paramref name="currentFile"/> of the workbook's rubric and language; null for a language without a file);
    /// problems in <paramref name="language"/>.
    /// </summary>
    public static TranslationWorkbookImport Read(
        Stream workbook, RubricCatalog rubrics, Func<Rubric, string, TranslationFile?>? currentFile = null, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(rubrics);
        try
        {
            var limits = WorkbookReadLimits.Default;
            var bytes = PackageGuard.ReadAll(workbook, limits);
            PackageGuard.Inspect(bytes, limits);
            return ReadPackage(bytes, rubrics, currentFile, limits);
        }
        catch (WorkbookRejectedException e)
        {
            throw e.In(language);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever the SDK or the XML parser trips over in a damaged file, the caller gets a refusal, not a crash.
            throw WorkbookRejectedException.Of("unreadable", e.Message.TrimEnd('.')).In(language);
        }
    }

    private static TranslationWorkbookImport ReadPackage(
        byte[] bytes, RubricCatalog rubrics, Func<Rubric, string, TranslationFile?>? currentFile, WorkbookReadLimits limits)
    {
        using var workbook = WorkbookParts.Open(bytes, limits);
        var sharedStrings = SheetRows.SharedStrings(workbook, limits);

        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        if (SheetRows.Find(workbook, WorkbookNames.MetaSheet) is { } metaPart)
        {
            foreach (var (_, cells) in SheetRows.Read(metaPart, WorkbookNames.MetaSheet, sharedStrings, limits))
            {
                if (cells.FirstOrDefault(c => c.Column == 0) is { Kind: CellKind.Text } key && cells.FirstOrDefault(c => c.Column == 1) is { Row: > 0 } value)
                {
                    meta.TryAdd(key.Value, value.Formula is null ? value.Value : "");
                }
            }
        }

        if (meta.GetValueOrDefault(WorkbookNames.Meta.Format) != TranslationWorkbookWriter.Format)
        {
            throw WorkbookRejectedException.Of("translationNotWorkbook");
        }

        var rubricId = meta.GetValueOrDefault(WorkbookNames.Meta.RubricId) ?? "";
        var versionText = meta.GetValueOrDefault(WorkbookNames.Meta.RubricVersion) ?? "";
        var rubric = RubricVersion.TryParse(versionText, out var version) ? rubrics.Find(rubricId, version) : null;
        if (rubric is null)
        {
            throw WorkbookRejectedException.Of("rubricUnknown", $"{rubricId}@{versionText}");
        }

        var language = meta.GetValueOrDefault(WorkbookNames.Meta.Language) ?? "";
        _ = int.TryParse(meta.GetValueOrDefault("revision"), NumberStyles.None, CultureInfo.InvariantCulture, out var revision);
        var current = currentFile?.Invoke(rubric, language);
        var english = RubricTexts.Of(rubric).ToDictionary(t => t.Key, t => t.Value.ToString(), StringComparer.Ordinal);

        foreach (var name in SheetRows.SheetNames(workbook).Where(n => n != WorkbookNames.MetaSheet))
        {
            if (SheetRows.Find(workbook, name) is not { } part)
            {
                continue;
            }

            var translated = current?.Texts.Where(t => t.Value.Text.Length > 0).Select(t => t.Key).ToHashSet(StringComparer.Ordinal) ?? [];
            var rows = ReadRows(name, part, sharedStrings, limits, english, translated);
            if (rows is not null)
            {
                return new TranslationWorkbookImport(rubric, language, revision, rows);
            }
        }

        throw WorkbookRejectedException.Of("translationNoSheet");
    }

    /// <summary>The rows of a sheet with the hidden column keys; null for a sheet without them. Throws with every problem.</summary>
    private static List<TranslationRow>? ReadRows(
        string sheet,
        System.IO.Compression.ZipArchiveEntry part,
        IReadOnlyList<string> sharedStrings,
        WorkbookReadLimits limits,
        Dictionary<string, string> english,
        HashSet<string> translated)
    {
        Dictionary<string, int>? columns = null;
        var problems = new List<WorkbookProblem>();
        var rows = new List<TranslationRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var idHeaders = ExcelText.InEveryLanguage("Translation.Column.id").ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (row, cells) in SheetRows.Read(part, sheet, sharedStrings, limits))
        {
            if (columns is null)
            {
                if (row > HeaderSearchRows)
                {
                    return null;
                }

                var keys = cells.Where(c => c.Kind == CellKind.Text && c.Text.StartsWith(WorkbookNames.KeyPrefix, StringComparison.Ordinal))
                    .ToDictionary(c => c.Text[WorkbookNames.KeyPrefix.Length..], c => c.Column, StringComparer.Ordinal);
                if (keys.ContainsKey("id") && keys.ContainsKey("translation"))
                {
                    columns = keys;
                }

                continue;
            }

            CellContent At(string key) => columns.TryGetValue(key, out var column) && cells.FirstOrDefault(c => c.Column == column) is { Row: > 0 } cell
                ? cell
                : new CellContent(columns.GetValueOrDefault(key), row, CellKind.Empty, "", 0, null);
            var idCell = At("id");
            var textCell = At("translation");
            var commentCell = At("comment");
            if ((idCell.IsBlank && textCell.IsBlank && commentCell.IsBlank) || (idCell.Kind == CellKind.Text && idHeaders.Contains(idCell.Value)))
            {
                continue;
            }

            var formulas = new[] { idCell, textCell, commentCell }.Where(c => c.Formula is not null).ToArray();
            foreach (var cell in formulas)
            {
                problems.Add(WorkbookProblem.Of(sheet, cell.Reference, "formula", null, cell.Quoted));
            }

            if (formulas.Length > 0)
            {
                continue;
            }

            var id = idCell.Value;
            if (!english.TryGetValue(id, out var source))
            {
                problems.Add(WorkbookProblem.Of(sheet, idCell.Reference, "translationUnknownId", null, idCell.Quoted));
                continue;
            }

            if (seen.TryGetValue(id, out var first))
            {
                problems.Add(WorkbookProblem.Of(sheet, idCell.Reference, "translationDuplicateId", null, id, first));
                continue;
            }

            seen[id] = row;
            var text = textCell.Kind == CellKind.Number ? textCell.Value : textCell.Text.Trim();
            if (text.Length == 0)
            {
                if (translated.Contains(id))
                {
                    problems.Add(WorkbookProblem.Of(sheet, textCell.Reference, "translationEmpty", null, id));
                }

                continue;
            }

            if (Placeholder().Matches(source).Select(m => m.Value).Distinct().Where(p => !text.Contains(p, StringComparison.Ordinal)).ToArray() is { Length: > 0 } lost)
            {
                problems.Add(WorkbookProblem.Of(sheet, textCell.Reference, "translationPlaceholderLost", null, string.Join(", ", lost)));
            }

            if (text.Length > MaxLength(source))
            {
                problems.Add(WorkbookProblem.Of(sheet, textCell.Reference, "translationTooLong", null, text.Length, source.Length));
            }

            rows.Add(new TranslationRow(id, text, commentCell.Value.Length == 0 ? null : commentCell.Value, $"{sheet}!{textCell.Reference}"));
        }

        if (columns is null)
        {
            return null;
        }

        return problems.Count > 0 ? throw new WorkbookRejectedException(problems) : rows;
    }

    /// <summary>Longer than this is suspicious: a translation runs up to about half again the English, rarely twice, never far beyond.</summary>
    private static int MaxLength(string source) => (source.Length * 2) + 40;

    [GeneratedRegex(@"\{[^{}\s]+\}")]
    private static partial Regex Placeholder();
}

/// <summary>A translation workbook read without problems: its rubric, language, the file revision it was exported at, and its rows.</summary>
public sealed record TranslationWorkbookImport(Rubric Rubric, string Language, int Revision, IReadOnlyList<TranslationRow> Rows);

/// <summary>One row: the text's id, its translation, the translator's comment (or null), and the translation's cell ("Translations!D14").</summary>
public sealed record TranslationRow(string Id, string Text, string? Comment, string Cell);
