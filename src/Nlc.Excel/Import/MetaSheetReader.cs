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
        var part = SheetRows.Find(workbook, sheetName) ?? throw NoMetaSheet(SheetRows.SheetNames(workbook));

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
                    problems.Add(WorkbookProblem.Of(sheetName, baselineIndicator.Reference, "baselineFormula", null));
                }
                else if (!baseline.TryAdd(baselineIndicator.Value, baselineAnswer.Value))
                {
                    problems.Add(WorkbookProblem.Of(sheetName, baselineIndicator.Reference, "baselineDuplicate", null, baselineIndicator.Value));
                }
            }
        }

        string? Get(string key, bool required)
        {
            if (!values.TryGetValue(key, out var cell))
            {
                if (required)
                {
                    problems.Add(WorkbookProblem.Of(sheetName, null, "metaMissing", null, key));
                }

                return null;
            }

            if (cell.Formula is not null)
            {
                problems.Add(WorkbookProblem.Of(sheetName, cell.Reference, "metaFormula", null, cell.Quoted, key));
                return null;
            }

            var text = cell.Value;
            if (text.Length == 0 && required)
            {
                problems.Add(WorkbookProblem.Of(sheetName, cell.Reference, "metaEmpty", null, key));
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
            problems.Add(WorkbookProblem.Of(sheetName, Where(WorkbookNames.Meta.Format), "notToolkitFormat", null, format, WorkbookNames.Format));
        }

        var formatVersion = 0;
        if (formatVersionText is not null)
        {
            if (!int.TryParse(formatVersionText, NumberStyles.None, CultureInfo.InvariantCulture, out formatVersion) || formatVersion < 1)
            {
                problems.Add(WorkbookProblem.Of(sheetName, Where(WorkbookNames.Meta.FormatVersion), "formatVersionMalformed", null, formatVersionText));
            }
            else if (formatVersion > WorkbookNames.FormatVersion)
            {
                problems.Add(WorkbookProblem.Of(sheetName, Where(WorkbookNames.Meta.FormatVersion), "formatVersionNewer", null, formatVersionText, formatVersion, WorkbookNames.FormatVersion));
            }
        }

        var version = default(RubricVersion);
        if (versionText is not null && !RubricVersion.TryParse(versionText, out version))
        {
            problems.Add(WorkbookProblem.Of(sheetName, Where(WorkbookNames.Meta.RubricVersion), "rubricVersionMalformed", null, versionText));
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
                problems.Add(WorkbookProblem.Of(sheetName, Where(WorkbookNames.Meta.BaseVersion), "baseVersionMalformed", null, baseVersionText));
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
                problems.Add(WorkbookProblem.Of(sheetName, Where(WorkbookNames.Meta.DownloadedAt), "downloadedAtMalformed", null, downloadedAtText));
            }
        }

        if (problems.Count > 0)
        {
            throw new WorkbookRejectedException(problems);
        }

        return (new WorkbookMetadata(formatVersion, rubricId!, version, hash!, assessmentId, language, city, period, baseVersion, downloadedAt), baseline);
    }

    /// <summary>Why a workbook without the _meta sheet is refused: it is a report (found by its sheet names in any language), or not the toolkit's.</summary>
    private static WorkbookRejectedException NoMetaSheet(IReadOnlyList<string> sheets)
    {
        var reportSheets = WorkbookNames.ReportSheetKeys.SelectMany(key => ExcelText.InEveryLanguage($"Sheet.{key}")).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return sheets.FirstOrDefault(reportSheets.Contains) is { } report
            ? WorkbookRejectedException.Of("isReport", report)
            : WorkbookRejectedException.Of("noMetaSheet", WorkbookNames.MetaSheet);
    }

    /// <summary>The rubric version the workbook names, with the same content hash; throws when there is none.</summary>
    public static Rubric FindRubric(RubricCatalog catalog, WorkbookMetadata metadata)
    {
        var rubric = catalog.Find(metadata.RubricId, metadata.RubricVersion);
        if (rubric is null)
        {
            var known = string.Join(", ", catalog.Versions(metadata.RubricId).Select(r => r.Key));
            throw new WorkbookRejectedException(
                [known.Length > 0
                    ? WorkbookProblem.Of(WorkbookNames.MetaSheet, null, "rubricUnknownKnown", null, metadata.RubricKey, known)
                    : WorkbookProblem.Of(WorkbookNames.MetaSheet, null, "rubricUnknown", null, metadata.RubricKey)],
                metadata);
        }

        if (!string.Equals(rubric.ContentHash, metadata.RubricContentHash, StringComparison.Ordinal))
        {
            throw new WorkbookRejectedException(
                [WorkbookProblem.Of(WorkbookNames.MetaSheet, null, "rubricHashMismatch", null, metadata.RubricKey, metadata.RubricContentHash, rubric.ContentHash)],
                metadata);
        }

        return rubric;
    }
}
