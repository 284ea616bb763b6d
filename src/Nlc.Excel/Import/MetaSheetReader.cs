using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using Nlc.Core.Rubrics;

namespace Nlc.Excel.Import;

/// <summary>
/// Reads the hidden _meta sheet: its key/value rows (columns A and B) into <see cref="WorkbookMetadata"/>, and its baseline
/// (columns F and G: indicator id and answer fingerprint at download); or throws with every problem.
/// </summary>
internal static class MetaSheetReader
{
    private const int BaselineIndicatorColumn = 5;
    private const int BaselineAnswerColumn = 6;

    public static (WorkbookMetadata Metadata, IReadOnlyDictionary<string, string> Baseline) Read(
        WorkbookParts workbook, IReadOnlyList<string> sharedStrings, WorkbookReadLimits limits)
    {
        var sheetName = WorkbookNames.MetaSheet;
        var part = SheetRows.Find(workbook, sheetName) ?? throw WorkbookRejectedException.Of(NoMetaSheet(SheetRows.SheetNames(workbook)));

        var values = new Dictionary<string, CellContent>(StringComparer.OrdinalIgnoreCase);
        var baseline = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<WorkbookProblem>();
        foreach (var (row, cells) in SheetRows.Read(part, sheetName, sharedStrings, limits))
        {
            var key = cells.FirstOrDefault(c => c.Column == 0);
            var value = cells.FirstOrDefault(c => c.Column == 1);
            if (key.Kind == CellKind.Text && key.Value.Length > 0)
            {
                values.TryAdd(key.Value, value.Row == 0 ? new CellContent(1, row, CellKind.Empty, "", 0, null) : value);
            }

            var baselineIndicator = cells.FirstOrDefault(c => c.Column == BaselineIndicatorColumn);
            var baselineAnswer = cells.FirstOrDefault(c => c.Column == BaselineAnswerColumn);
            if (row > 1 && baselineIndicator.Kind == CellKind.Text && baselineIndicator.Value.Length > 0)
            {
                if (baselineIndicator.Formula is not null || baselineAnswer.Formula is not null)
                {
                    problems.Add(new WorkbookProblem(sheetName, baselineIndicator.Reference, "the baseline holds a formula; the sheet was changed, download a fresh workbook"));
                }
                else if (!baseline.TryAdd(baselineIndicator.Value, baselineAnswer.Value))
                {
                    problems.Add(new WorkbookProblem(sheetName, baselineIndicator.Reference, $"indicator {baselineIndicator.Value} appears twice in the baseline; the sheet was changed, download a fresh workbook"));
                }
            }
        }

        string? Get(string key, bool required)
        {
            if (!values.TryGetValue(key, out var cell))
            {
                if (required)
                {
                    problems.Add(new WorkbookProblem(sheetName, null, $"no \"{key}\" entry; the sheet was changed, download a fresh workbook"));
                }

                return null;
            }

            if (cell.Formula is not null)
            {
                problems.Add(new WorkbookProblem(sheetName, cell.Reference, $"{cell.Quoted} is a formula; expected the value of \"{key}\""));
                return null;
            }

            var text = cell.Value;
            if (text.Length == 0 && required)
            {
                problems.Add(new WorkbookProblem(sheetName, cell.Reference, $"\"{key}\" is empty; the sheet was changed, download a fresh workbook"));
            }

            return text.Length == 0 ? null : text;
        }

        string Where(string key) => values.TryGetValue(key, out var cell) ? cell.Reference : "";

        var format = Get(WorkbookNames.Meta.Format, required: true);
        var formatVersionText = Get(WorkbookNames.Meta.FormatVersion, required: true);
        var rubricId = Get(WorkbookNames.Meta.RubricId, required: true);
        var versionText = Get(WorkbookNames.Meta.RubricVersion, required: true);
        var hash = Get(WorkbookNames.Meta.RubricContentHash, required: true);
        var assessmentId = Get(WorkbookNames.Meta.AssessmentId, required: false);
        var language = Get(WorkbookNames.Meta.Language, required: false) ?? LocalizedText.DefaultLocale;
        var city = Get(WorkbookNames.Meta.City, required: false);
        var period = Get(WorkbookNames.Meta.Period, required: false);
        var baseVersionText = Get(WorkbookNames.Meta.BaseVersion, required: false);
        var downloadedAtText = Get(WorkbookNames.Meta.DownloadedAt, required: false);

        if (format is not null && format != WorkbookNames.Format)
        {
            problems.Add(new WorkbookProblem(sheetName, Where(WorkbookNames.Meta.Format), $"\"{format}\" is not this toolkit's workbook format; expected \"{WorkbookNames.Format}\""));
        }

        var formatVersion = 0;
        if (formatVersionText is not null)
        {
            if (!int.TryParse(formatVersionText, NumberStyles.None, CultureInfo.InvariantCulture, out formatVersion) || formatVersion < 1)
            {
                problems.Add(new WorkbookProblem(sheetName, Where(WorkbookNames.Meta.FormatVersion), $"\"{formatVersionText}\" is not a format version; expected a whole number"));
            }
            else if (formatVersion > WorkbookNames.FormatVersion)
            {
                problems.Add(new WorkbookProblem(
                    sheetName,
                    Where(WorkbookNames.Meta.FormatVersion),
                    $"\"{formatVersionText}\": the workbook was made by a newer version of the toolkit (format {formatVersion}); this one reads format {WorkbookNames.FormatVersion}"));
            }
        }

        var version = default(RubricVersion);
        if (versionText is not null && !RubricVersion.TryParse(versionText, out version))
        {
            problems.Add(new WorkbookProblem(sheetName, Where(WorkbookNames.Meta.RubricVersion), $"\"{versionText}\" is not a rubric version; expected MAJOR.MINOR.PATCH"));
        }

        long? baseVersion = null;
        if (baseVersionText is not null)
        {
            if (long.TryParse(baseVersionText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                baseVersion = parsed;
            }
            else
            {
                problems.Add(new WorkbookProblem(sheetName, Where(WorkbookNames.Meta.BaseVersion), $"\"{baseVersionText}\" is not a version; the sheet was changed, download a fresh workbook"));
            }
        }

        DateTimeOffset? downloadedAt = null;
        if (downloadedAtText is not null)
        {
            if (DateTimeOffset.TryParse(downloadedAtText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                downloadedAt = parsed;
            }
            else
            {
                problems.Add(new WorkbookProblem(sheetName, Where(WorkbookNames.Meta.DownloadedAt), $"\"{downloadedAtText}\" is not a time; the sheet was changed, download a fresh workbook"));
            }
        }

        if (problems.Count > 0)
        {
            throw new WorkbookRejectedException(problems);
        }

        return (new WorkbookMetadata(formatVersion, rubricId!, version, hash!, assessmentId, language, city, period, baseVersion, downloadedAt), baseline);
    }

    private static string NoMetaSheet(IReadOnlyList<string> sheets) =>
        sheets.FirstOrDefault(s => WorkbookNames.ReportSheets.Contains(s, StringComparer.OrdinalIgnoreCase)) is { } report
            ? $"this file is a report (it has the sheet \"{report}\"), not a workbook to fill in; reports are for reading and cannot be uploaded. "
                + "To change answers, download the assessment's workbook, fill it in and upload that"
            : $"the workbook has no sheet \"{WorkbookNames.MetaSheet}\", so it is not a workbook made by this toolkit (or a sheet was deleted); "
                + "download a fresh workbook and copy the answers into it";

    /// <summary>The rubric version the workbook names, with the same content hash; throws when there is none.</summary>
    public static Rubric FindRubric(RubricCatalog catalog, WorkbookMetadata metadata)
    {
        var rubric = catalog.Find(metadata.RubricId, metadata.RubricVersion);
        if (rubric is null)
        {
            var known = string.Join(", ", catalog.Versions(metadata.RubricId).Select(r => r.Key));
            throw new WorkbookRejectedException(
                [new WorkbookProblem(WorkbookNames.MetaSheet, null, $"the workbook is for rubric {metadata.RubricKey}, which is not known here"
                    + (known.Length > 0 ? $" (known: {known})" : "")
                    + ". Download a fresh workbook of your assessment and copy your answers into it")],
                metadata);
        }

        if (!string.Equals(rubric.ContentHash, metadata.RubricContentHash, StringComparison.Ordinal))
        {
            throw new WorkbookRejectedException(
                [new WorkbookProblem(WorkbookNames.MetaSheet, null,
                    $"the workbook was made from another text of rubric {metadata.RubricKey} ({metadata.RubricContentHash}); expected {rubric.ContentHash}. Download a fresh workbook")],
                metadata);
        }

        return rubric;
    }
}
