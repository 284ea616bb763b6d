using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using Nlc.Core.Assessments;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;

namespace Nlc.Excel.Import;

/// <summary>
/// Reads the answers of the "Assessment" sheet, whatever its name and language: the sheet and its columns are found by
/// the hidden row of column keys ("nlc:level") in the first rows, in any order (a workbook of format 2, written before
/// there were keys, by its English sheet name and headers);
/// rows with no answer are unanswered; every problem is collected with its cell. A formula in a cell that is read is a
/// problem, not its cached value: an answer is what the official typed or chose, never something computed.
/// </summary>
internal sealed class AssessmentSheetReader
{
    private const int HeaderSearchRows = 20;

    private readonly Rubric _rubric;
    private readonly AnswerChoices _choices;
    private readonly HashSet<string> _indicatorIds;
    private readonly List<WorkbookProblem> _problems = [];
    private readonly List<AnswerInput> _answers = [];
    private readonly List<string> _answerCells = [];
    private readonly Dictionary<string, int> _rowOfIndicator = new(StringComparer.Ordinal);
    private readonly List<string> _blankIndicators = [];
    private readonly List<WorkbookProblem> _warnings = [];
    private readonly string _language;
    private string _sheet = WorkbookNames.AssessmentSheet;

    public AssessmentSheetReader(Rubric rubric, string language)
    {
        _rubric = rubric;
        _choices = new AnswerChoices(rubric.Scale, language);
        _language = language;
        _indicatorIds = rubric.Indicators.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The answers read, in row order (valid only when <see cref="Read"/> found no problem).</summary>
    public IReadOnlyList<AnswerInput> Answers => _answers;

    /// <summary>The level cell of each answer with its sheet ("Assessment!F14"), by indicator id.</summary>
    public IReadOnlyDictionary<string, string> LevelCells =>
        _answers.Select((a, i) => (a.Answer.IndicatorId, Cell: $"{_sheet}!{_answerCells[i]}")).ToDictionary(x => x.IndicatorId, x => x.Cell, StringComparer.Ordinal);

    /// <summary>What was read but deserves the user's attention, such as an edited question text; none stops the import.</summary>
    public IReadOnlyList<WorkbookProblem> Warnings => _warnings;

    /// <summary>The indicators whose rows are present with no answer, in row order.</summary>
    public IReadOnlyList<string> BlankIndicators => _blankIndicators;

    /// <summary>Reads the sheet once; returns every problem found (none: <see cref="Answers"/> holds the answers).</summary>
    public IReadOnlyList<WorkbookProblem> Read(WorkbookParts workbook, IReadOnlyList<string> sharedStrings, WorkbookReadLimits limits)
    {
        var (sheet, part) = FindSheet(workbook, sharedStrings, limits);
        _sheet = sheet;
        Columns? columns = null;
        foreach (var (row, cells) in SheetRows.Read(part, _sheet, sharedStrings, limits))
        {
            if (columns is null)
            {
                columns = row <= HeaderSearchRows ? FindHeader(cells) : null;
                if (columns is null && row > HeaderSearchRows)
                {
                    break;
                }

                continue;
            }

            ReadRow(row, cells, columns);
        }

        if (columns is null)
        {
            _problems.Insert(0, WorkbookProblem.Of(_sheet, null, "noHeaderRow", null, WorkbookNames.Columns.IndicatorId, WorkbookNames.Columns.Level, HeaderSearchRows));
            return _problems;
        }

        if (_problems.Count == 0)
        {
            foreach (var problem in new ScoringEngine(_rubric).Validate(_answers.Select(a => a.Answer).ToArray()))
            {
                _problems.Add(WorkbookProblem.Of(_sheet, _answerCells[problem.Position], "answerRule", problem.IndicatorId, problem.Message));
            }
        }

        return _problems;
    }

    /// <summary>
    /// The sheet with the answers: the first (in tab order) whose first rows hold the hidden column keys, whatever it is
    /// called; else, for a workbook of format 2, the sheet named "Assessment". Throws when there is neither.
    /// </summary>
    private static (string Name, System.IO.Compression.ZipArchiveEntry Part) FindSheet(WorkbookParts workbook, IReadOnlyList<string> sharedStrings, WorkbookReadLimits limits)
    {
        var names = SheetRows.SheetNames(workbook);
        foreach (var name in names.Where(n => !string.Equals(n, WorkbookNames.MetaSheet, StringComparison.OrdinalIgnoreCase)))
        {
            if (SheetRows.Find(workbook, name) is { } part
                && SheetRows.Read(part, name, sharedStrings, limits).TakeWhile(r => r.Row <= HeaderSearchRows).Any(r => IsKeyRow(r.Cells)))
            {
                return (name, part);
            }
        }

        return SheetRows.Find(workbook, WorkbookNames.AssessmentSheet) is { } named
            ? (WorkbookNames.AssessmentSheet, named)
            : throw WorkbookRejectedException.Of("noAnswerSheet", string.Join(", ", names.Select(s => $"\"{s}\"")));
    }

    private static bool IsKeyRow(List<CellContent> cells) =>
        cells.Any(c => c.Kind == CellKind.Text && c.Text == WorkbookNames.KeyPrefix + "indicator")
        && cells.Any(c => c.Kind == CellKind.Text && c.Text == WorkbookNames.KeyPrefix + "level");

    private Columns? FindHeader(List<CellContent> cells)
    {
        var found = new Dictionary<string, CellContent>(StringComparer.Ordinal);
        var duplicates = new List<WorkbookProblem>();
        foreach (var cell in cells.Where(c => c.Kind == CellKind.Text))
        {
            var key = HeaderKey(cell.Text);
            if (!Columns.Headers.Contains(key))
            {
                continue;
            }

            if (!found.TryAdd(key, cell))
            {
                duplicates.Add(WorkbookProblem.Of(_sheet, cell.Reference, "duplicateColumn", null, cell.Quoted));
            }
        }

        if (!found.TryGetValue("indicator", out var indicator) || !found.TryGetValue("level", out var level))
        {
            return null;
        }

        _problems.AddRange(duplicates);
        int? Optional(string key) => found.TryGetValue(key, out var cell) ? cell.Column : null;
        return new Columns(indicator.Column, level.Column, Optional("reason"), Optional("note"), Optional("evidence"), Optional("question"));
    }

    private void ReadRow(int row, List<CellContent> cells, Columns columns)
    {
        CellContent At(int? column) => column is { } c && cells.FirstOrDefault(x => x.Column == c) is { Row: > 0 } cell
            ? cell
            : new CellContent(column ?? columns.Level, row, CellKind.Empty, "", 0, null);

        var indicatorCell = At(columns.Indicator);
        var levelCell = At(columns.Level);
        var reasonCell = At(columns.Reason);
        var noteCell = At(columns.Note);
        var evidenceCell = At(columns.Evidence);
        CellContent[] read = [indicatorCell, levelCell, reasonCell, noteCell, evidenceCell];
        // The headers below the hidden key row are read as a row like any other: they are left out by their words in any language.
        if (read.All(c => c.IsBlank) || (indicatorCell.Kind == CellKind.Text && IndicatorHeaders.Contains(indicatorCell.Text.Trim())))
        {
            return;
        }

        var id = indicatorCell.Formula is null ? indicatorCell.Value : "";
        var problemsBefore = _problems.Count;
        foreach (var cell in read.Where(c => c.Formula is not null))
        {
            _problems.Add(WorkbookProblem.Of(_sheet, cell.Reference, "formula", NullIfEmpty(id), cell.Quoted));
        }

        if (_problems.Count > problemsBefore)
        {
            return;
        }

        var answered = new[] { levelCell, reasonCell, noteCell, evidenceCell }.Where(c => !c.IsBlank).ToArray();
        if (id.Length == 0)
        {
            Problem(indicatorCell, "noIndicatorId", null, answered[0].Reference);
            return;
        }

        if (!_indicatorIds.Contains(id))
        {
            Problem(indicatorCell, "unknownIndicator", id, indicatorCell.Quoted, _rubric.Key);
            return;
        }

        if (columns.Question is not null)
        {
            WarnIfQuestionEdited(At(columns.Question), id);
        }

        if (_rowOfIndicator.TryGetValue(id, out var firstRow))
        {
            Problem(indicatorCell, "duplicateIndicator", id, id, firstRow.ToString(CultureInfo.InvariantCulture));
            return;
        }

        _rowOfIndicator[id] = row;
        if (levelCell.IsBlank)
        {
            if (answered.Length > 0)
            {
                Problem(levelCell, "levelMissing", id, answered[0].Reference, _choices.NotApplicable, _choices.DontKnow);
            }
            else
            {
                _blankIndicators.Add(id);
            }

            return;
        }

        var choice = levelCell.Kind switch
        {
            CellKind.Number => _choices.ParseNumber(levelCell.Number),
            CellKind.Text => _choices.ParseText(levelCell.Text),
            _ => null,
        };
        if (choice is not { } chosen)
        {
            Problem(levelCell, "levelUnknown", id, levelCell.Quoted, _choices.MaxLevel.ToString(CultureInfo.InvariantCulture), _choices.NotApplicable, _choices.DontKnow);
            return;
        }

        var reason = NullIfEmpty(reasonCell.Value);
        var note = NullIfEmpty(noteCell.Value);
        var evidence = evidenceCell.Value.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var input = new AnswerInput(new Answer(id, chosen.Kind, chosen.Level, reason, note), evidence);
        var violations = AnswerRules.Check(input, _rubric.Scale.MaxLevel);
        foreach (var violation in violations)
        {
            var cell = violation.Part switch
            {
                AnswerPart.Reason when violation.Rule == AnswerRule.ReasonRequired && columns.Reason is null => levelCell,
                AnswerPart.Reason => reasonCell,
                AnswerPart.Note => noteCell,
                AnswerPart.Evidence => evidenceCell,
                _ => levelCell,
            };
            var (code, arguments) = SheetMessage(violation, input, levelCell);
            Problem(cell, code, id, arguments);
        }

        if (violations.Count == 0)
        {
            _answers.Add(input);
            _answerCells.Add(levelCell.Reference);
        }
    }

    /// <summary>A broken answer rule in the words of the sheet: its choices, its columns, one evidence entry per line.</summary>
    private (string Code, object?[] Arguments) SheetMessage(AnswerViolation violation, AnswerInput input, CellContent levelCell) => violation.Rule switch
    {
        AnswerRule.ReasonRequired => ("reasonRequired", [_choices.NotApplicable, ColumnHeader("reason")]),
        AnswerRule.ReasonNotAllowed => ("reasonNotAllowed", [_choices.NotApplicable, levelCell.Quoted]),
        AnswerRule.TextTooLong => TooLong(violation.Part == AnswerPart.Reason ? input.Answer.Reason! : input.Answer.Note!, AnswerRules.MaxTextLength),
        AnswerRule.TooManyEvidence => ("tooManyEvidence", [input.Evidence.Count, AnswerRules.MaxEvidence]),
        AnswerRule.EvidenceEntryLength => TooLong(input.Evidence[violation.EvidenceIndex!.Value], AnswerRules.MaxEvidenceLength),
        _ => ("answerRule", [violation.Message]),
    };

    private static (string Code, object?[] Arguments) TooLong(string text, int max) => ("tooLong", [text.Length, max]);

    /// <summary>A column's header as the workbook shows it, in its language.</summary>
    private string ColumnHeader(string key) => ExcelText.Get($"Column.{key}", _language);

    private void Problem(CellContent cell, string code, string? indicatorId, params object?[] arguments) =>
        _problems.Add(WorkbookProblem.Of(_sheet, cell.Reference, code, indicatorId, arguments));

    /// <summary>An answer always answers the rubric's question; an edited question text in the sheet changes nothing, so the user is told.</summary>
    private void WarnIfQuestionEdited(CellContent questionCell, string id)
    {
        var original = _rubric.Indicators.First(i => i.Id == id).Question.Get(_language);
        static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (questionCell.Formula is not null || !string.Equals(Words(questionCell.Kind == CellKind.Text ? questionCell.Text : questionCell.Value), Words(original), StringComparison.Ordinal))
        {
            _warnings.Add(WorkbookProblem.Of(_sheet, questionCell.Reference, "questionEdited", id, id, original));
        }
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>
    /// A column's key: "nlc:reason" → "reason"; an English header of format 2 alike ("Reason (if not applicable)" → "reason"):
    /// lower case, single spaces, without a bracketed remark.
    /// </summary>
    private static string HeaderKey(string header)
    {
        if (header.StartsWith(WorkbookNames.KeyPrefix, StringComparison.Ordinal))
        {
            return header[WorkbookNames.KeyPrefix.Length..];
        }

        var text = string.Join(' ', header.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        var bracket = text.IndexOf('(', StringComparison.Ordinal);
        return (bracket > 0 ? text[..bracket] : text).Trim();
    }

    /// <summary>The header of the indicator column in every language, by which the visible header row is passed over.</summary>
    private static readonly HashSet<string> IndicatorHeaders = ExcelText.InEveryLanguage("Column.indicator").ToHashSet(StringComparer.OrdinalIgnoreCase);

    private sealed record Columns(int Indicator, int Level, int? Reason, int? Note, int? Evidence, int? Question)
    {
        public static readonly HashSet<string> Headers = new(StringComparer.Ordinal) { "indicator", "level", "reason", "note", "evidence", "question" };
    }
}
