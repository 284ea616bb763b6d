using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using Nlc.Core.ActionPlans;
using Nlc.Core.Languages;
using Nlc.Excel.Import;
using Nlc.Excel.Xlsx;

namespace Nlc.Excel.ActionPlans;

/// <summary>
/// Reads an action-plan workbook back (see <see cref="ActionPlanWorkbookWriter"/>), whatever program saved it: what it was
/// exported from (its _meta sheet: the city, the plan's version, each action's fingerprint), and its rows as the city left
/// them, found by the hidden column keys in any language. Every problem of a cell (a formula, a date, a status or a target
/// that cannot be read) comes back at once in a <see cref="WorkbookRejectedException"/>, worded in the language asked for;
/// nothing is returned then. Whatever the bytes, nothing else is thrown. Whether the rows may be applied to the plan as it
/// is now is <see cref="ActionPlanMerge"/>'s to say.
/// </summary>
public static partial class ActionPlanWorkbookReader
{
    private const int HeaderSearchRows = 20;

    /// <summary>Reads <paramref name="workbook"/> (to its end) without blocking, e.g. a request body; problems in <paramref name="language"/> (English by default).</summary>
    public static async Task<ActionPlanWorkbookImport> ReadAsync(Stream workbook, string? language = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        var limits = WorkbookReadLimits.Default;
        try
        {
            return Read(await PackageGuard.ReadAllAsync(workbook, limits, cancellationToken).ConfigureAwait(false), limits);
        }
        catch (WorkbookRejectedException e)
        {
            throw e.In(language);
        }
    }

    /// <summary>Reads <paramref name="workbook"/> (to its end); as <see cref="ReadAsync"/>.</summary>
    public static ActionPlanWorkbookImport Read(Stream workbook, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        var limits = WorkbookReadLimits.Default;
        try
        {
            return Read(PackageGuard.ReadAll(workbook, limits), limits);
        }
        catch (WorkbookRejectedException e)
        {
            throw e.In(language);
        }
    }

    private static ActionPlanWorkbookImport Read(byte[] bytes, WorkbookReadLimits limits)
    {
        try
        {
            PackageGuard.Inspect(bytes, limits);
            using var workbook = WorkbookParts.Open(bytes, limits);
            var sharedStrings = SheetRows.SharedStrings(workbook, limits);
            var (meta, baseline) = ReadMeta(workbook, sharedStrings, limits);
            foreach (var name in SheetRows.SheetNames(workbook).Where(n => n != WorkbookNames.MetaSheet))
            {
                if (SheetRows.Find(workbook, name) is { } part && ReadRows(name, part, sharedStrings, limits, meta.Language) is { } sheet)
                {
                    return new ActionPlanWorkbookImport(meta.CityId, meta.CityName, meta.PlanVersion, baseline, sheet.Rows, name, sheet.Columns);
                }
            }

            throw WorkbookRejectedException.Of("actionPlanNoSheet");
        }
        catch (WorkbookRejectedException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever the SDK or the XML parser trips over in a damaged file, the caller gets a refusal, not a crash.
            throw WorkbookRejectedException.Of("unreadable", e.Message.TrimEnd('.'));
        }
    }

    private static ((string CityId, string? CityName, long PlanVersion, string Language) Meta, Dictionary<string, string> Baseline) ReadMeta(
        WorkbookParts workbook, IReadOnlyList<string> sharedStrings, WorkbookReadLimits limits)
    {
        var sheet = WorkbookNames.MetaSheet;
        var part = SheetRows.Find(workbook, sheet) ?? throw WorkbookRejectedException.Of("actionPlanNotWorkbook");
        var values = new Dictionary<string, CellContent>(StringComparer.Ordinal);
        var baseline = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<WorkbookProblem>();
        foreach (var (row, cells) in SheetRows.Read(part, sheet, sharedStrings, limits))
        {
            if (cells.FirstOrDefault(c => c.Column == 0) is { Kind: CellKind.Text } key && cells.FirstOrDefault(c => c.Column == 1) is { Row: > 0 } value)
            {
                values.TryAdd(key.Value, value);
            }

            var action = cells.FirstOrDefault(c => c.Column == ActionPlanSheet.BaselineActionColumn);
            var fingerprint = cells.FirstOrDefault(c => c.Column == ActionPlanSheet.BaselineFingerprintColumn);
            if (row > 1 && action is { Kind: CellKind.Text, Value.Length: > 0 })
            {
                if (action.Formula is not null || fingerprint.Formula is not null)
                {
                    problems.Add(WorkbookProblem.Of(sheet, action.Reference, "baselineFormula", null));
                }
                else if (!baseline.TryAdd(action.Value, fingerprint.Value))
                {
                    problems.Add(WorkbookProblem.Of(sheet, action.Reference, "actionBaselineDuplicate", null, action.Value));
                }
            }
        }

        string? Get(string key) => values.TryGetValue(key, out var cell) && cell.Formula is null && cell.Value.Length > 0 ? cell.Value : null;

        if (Get(WorkbookNames.Meta.Format) != ActionPlanSheet.Format)
        {
            throw WorkbookRejectedException.Of("actionPlanNotWorkbook");
        }

        var formatVersionText = Get(WorkbookNames.Meta.FormatVersion) ?? "";
        if (!int.TryParse(formatVersionText, NumberStyles.None, CultureInfo.InvariantCulture, out var formatVersion) || formatVersion < 1)
        {
            problems.Add(WorkbookProblem.Of(sheet, values.GetValueOrDefault(WorkbookNames.Meta.FormatVersion).Reference, "formatVersionMalformed", null, formatVersionText));
        }
        else if (formatVersion > ActionPlanSheet.FormatVersion)
        {
            problems.Add(WorkbookProblem.Of(sheet, values[WorkbookNames.Meta.FormatVersion].Reference, "formatVersionNewer", null, formatVersionText, formatVersion, ActionPlanSheet.FormatVersion));
        }

        var cityId = Get(ActionPlanSheet.Meta.CityId);
        if (cityId is null)
        {
            problems.Add(WorkbookProblem.Of(sheet, null, "metaMissing", null, ActionPlanSheet.Meta.CityId));
        }

        var versionText = Get(ActionPlanSheet.Meta.PlanVersion);
        long version = 0;
        if (versionText is null)
        {
            problems.Add(WorkbookProblem.Of(sheet, null, "metaMissing", null, ActionPlanSheet.Meta.PlanVersion));
        }
        else if (!long.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out version))
        {
            problems.Add(WorkbookProblem.Of(sheet, values[ActionPlanSheet.Meta.PlanVersion].Reference, "baseVersionMalformed", null, versionText));
        }

        return problems.Count > 0
            ? throw new WorkbookRejectedException(problems)
            : ((cityId!, Get(WorkbookNames.Meta.City), version, ActionPlanWorkbookWriter.Served(Get(WorkbookNames.Meta.Language))), baseline);
    }

    /// <summary>The rows of a sheet with the hidden column keys, and its columns by key; null for a sheet without them. Throws with every problem.</summary>
    private static (List<ImportedAction> Rows, Dictionary<string, int> Columns)? ReadRows(
        string sheet, ZipArchiveEntry part, IReadOnlyList<string> sharedStrings, WorkbookReadLimits limits, string language)
    {
        Dictionary<string, int>? columns = null;
        var keyRow = 0;
        var problems = new List<WorkbookProblem>();
        var rows = new List<ImportedAction>();
        foreach (var (row, cells) in SheetRows.Read(part, sheet, sharedStrings, limits))
        {
            if (columns is null)
            {
                if (row > HeaderSearchRows)
                {
                    return null;
                }

                var keys = cells.Where(c => c.Kind == CellKind.Text && c.Text.StartsWith(WorkbookNames.KeyPrefix, StringComparison.Ordinal))
                    .GroupBy(c => c.Text[WorkbookNames.KeyPrefix.Length..], StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.First().Column, StringComparer.Ordinal);
                if (ActionPlanSheet.Keys.All(keys.ContainsKey))
                {
                    (columns, keyRow) = (keys, row);
                }

                continue;
            }

            // The row after the keys holds the headers.
            if (row == keyRow + 1)
            {
                continue;
            }

            CellContent At(string key) => cells.FirstOrDefault(c => c.Column == columns[key]) is { Row: > 0 } cell
                ? cell
                : new CellContent(columns[key], row, CellKind.Empty, "", 0, null);
            var read = ActionPlanSheet.Keys.Where(k => k == "id" || ActionPlanSheet.Editable.Contains(k)).ToDictionary(k => k, At, StringComparer.Ordinal);
            if (read.Values.All(c => c.IsBlank))
            {
                continue;
            }

            // A formula is never evaluated: each is a problem of its cell, and the row's other cells are still read for theirs.
            var rowProblems = read.Values.Where(c => c.Formula is not null).Select(c => WorkbookProblem.Of(sheet, c.Reference, "formula", null, c.Quoted)).ToList();
            T? IfNoFormula<T>(string key, Func<CellContent, T> parse) => read[key].Formula is null ? parse(read[key]) : default;
            var id = read["id"].Value;
            var targets = IfNoFormula("targets", c => ReadTargets(sheet, c, rowProblems));
            var start = IfNoFormula("start", c => ReadDate(sheet, c, rowProblems));
            var due = IfNoFormula("due", c => ReadDate(sheet, c, rowProblems));
            var status = IfNoFormula("status", c => ReadStatus(sheet, c, isNew: id.Length == 0, language, rowProblems));
            problems.AddRange(rowProblems);
            if (rowProblems.Count == 0)
            {
                var input = new ActionInput(
                    read["title"].Value, read["description"].Value, targets, read["responsible"].Value, Lines(read["partners"]), start, due);
                rows.Add(new ImportedAction(row, id.Length == 0 ? null : id, input, status!.Value, NullIfEmpty(read["dropReason"].Value)));
            }
        }

        return columns is null ? null
            : problems.Count > 0 ? throw new WorkbookRejectedException(problems)
            : (rows, columns);
    }

    /// <summary>One target per line: the practice id first, then its indicator id in brackets if any; the level after the last colon; whatever is between (the practice's name) is not read.</summary>
    private static List<ActionTarget> ReadTargets(string sheet, CellContent cell, List<WorkbookProblem> problems)
    {
        var targets = new List<ActionTarget>();
        foreach (var line in Lines(cell))
        {
            var colon = line.LastIndexOf(':');
            var start = TargetStart().Match(colon < 0 ? "" : line[..colon]);
            if (!start.Success || !int.TryParse(line[(colon + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var level))
            {
                problems.Add(WorkbookProblem.Of(sheet, cell.Reference, "targetMalformed", null, Quote(line), "GP01 (GP01.1): 3"));
                continue;
            }

            targets.Add(new ActionTarget(start.Groups["practice"].Value, start.Groups["indicator"].Success ? start.Groups["indicator"].Value : null, level));
        }

        return targets;
    }

    [GeneratedRegex(@"^\s*(?<practice>[^\s():]+)\s*(?:\((?<indicator>[^\s()]+)\))?")]
    private static partial Regex TargetStart();

    /// <summary>A date typed as 2026-03-31 or 31.3.2026 (with or without the closing dot), or a date cell (a day number).</summary>
    private static DateOnly? ReadDate(string sheet, CellContent cell, List<WorkbookProblem> problems)
    {
        if (cell.IsBlank)
        {
            return null;
        }

        if (cell.Kind == CellKind.Number && cell.Number == Math.Floor(cell.Number) && cell.Number is >= 1 and <= 2_958_465)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(cell.Number));
        }

        string[] formats = ["yyyy-MM-dd", "yyyy-M-d", "d.M.yyyy", "d.M.yyyy."];
        if (cell.Kind == CellKind.Text && DateOnly.TryParseExact(cell.Value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        problems.Add(WorkbookProblem.Of(sheet, cell.Reference, "dateMalformed", null, cell.Quoted));
        return null;
    }

    /// <summary>A status by its label in any served language or its key; a new row left blank is planned. A problem lists the labels of the workbook's <paramref name="language"/>.</summary>
    private static ActionStatus? ReadStatus(string sheet, CellContent cell, bool isNew, string language, List<WorkbookProblem> problems)
    {
        if (cell.IsBlank && isNew)
        {
            return ActionStatus.Planned;
        }

        foreach (var status in ActionPlanSheet.Statuses)
        {
            var key = ActionPlanSheet.KeyOf(status);
            if (string.Equals(cell.Value, key, StringComparison.OrdinalIgnoreCase)
                || SupportedLanguages.All.Any(l => string.Equals(cell.Value, ActionPlanWorkbookWriter.Texts.Get($"Status.{key}", l), StringComparison.OrdinalIgnoreCase)))
            {
                return status;
            }
        }

        var labels = ActionPlanSheet.Statuses.Select(s => ActionPlanWorkbookWriter.Texts.Get($"Status.{ActionPlanSheet.KeyOf(s)}", language)).ToArray();
        problems.Add(WorkbookProblem.Of(sheet, cell.Reference, "statusUnknown", null, cell.Quoted, string.Join(", ", labels)));
        return null;
    }

    private static List<string> Lines(CellContent cell) =>
        cell.Value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static string Quote(string text) => "\"" + (text.Length > 60 ? text[..59] + "…" : text) + "\"";
}

/// <summary>
/// An action-plan workbook read without problems: the city and plan version it was exported from, each exported action's
/// fingerprint (<see cref="ActionPlanMerge.Fingerprint"/>), and its rows as the city left them (blank rows left out).
/// </summary>
public sealed record ActionPlanWorkbookImport(
    string CityId,
    string? CityName,
    long PlanVersion,
    IReadOnlyDictionary<string, string> Baseline,
    IReadOnlyList<ImportedAction> Rows,
    string SheetName,
    IReadOnlyDictionary<string, int> Columns)
{
    /// <summary>The cell of <paramref name="row"/> that holds <paramref name="field"/> as <see cref="ActionRules"/> names it: "Action plan!D7" for "targets[1].targetLevel".</summary>
    public string CellOf(int row, string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var column = Columns.GetValueOrDefault(ActionPlanSheet.KeyOfField(field), Columns["id"]);
        return $"{SheetName}!{CellReference.Of(column, row)}";
    }
}
