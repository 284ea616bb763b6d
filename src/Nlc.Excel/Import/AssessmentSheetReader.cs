using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using Nlc.Core.Assessments;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;

namespace Nlc.Excel.Import;

/// <summary>
/// Reads the answers of the "Assessment" sheet. Columns are found by their headers (in any order, in the first rows);
/// rows with no answer are unanswered; every problem is collected with its cell. A formula in a cell that is read is a
/// problem, not its cached value: an answer is what the official typed or chose, never something computed.
/// </summary>
internal sealed class AssessmentSheetReader
{
    private const int HeaderSearchRows = 20;
    private const string Sheet = WorkbookNames.AssessmentSheet;

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
        _answers.Select((a, i) => (a.Answer.IndicatorId, Cell: $"{Sheet}!{_answerCells[i]}")).ToDictionary(x => x.IndicatorId, x => x.Cell, StringComparer.Ordinal);

    /// <summary>What was read but deserves the user's attention, such as an edited question text; none stops the import.</summary>
    public IReadOnlyList<WorkbookProblem> Warnings => _warnings;

    /// <summary>The indicators whose rows are present with no answer, in row order.</summary>
    public IReadOnlyList<string> BlankIndicators => _blankIndicators;

    /// <summary>Reads the sheet once; returns every problem found (none: <see cref="Answers"/> holds the answers).</summary>
    public IReadOnlyList<WorkbookProblem> Read(WorkbookParts workbook, IReadOnlyList<string> sharedStrings, WorkbookReadLimits limits)
    {
        var part = SheetRows.Find(workbook, Sheet) ?? throw WorkbookRejectedException.Of(NoAssessmentSheet(SheetRows.SheetNames(workbook)));

        Columns? columns = null;
        foreach (var (row, cells) in SheetRows.Read(part, Sheet, sharedStrings, limits))
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
            _problems.Insert(0, new WorkbookProblem(Sheet, null,
                $"no header row with the columns \"{WorkbookNames.Columns.IndicatorId}\" and \"{WorkbookNames.Columns.Level}\" in the first {HeaderSearchRows} rows"));
            return _problems;
        }

        if (_problems.Count == 0)
        {
            foreach (var problem in new ScoringEngine(_rubric).Validate(_answers.Select(a => a.Answer).ToArray()))
            {
                _problems.Add(new WorkbookProblem(Sheet, _answerCells[problem.Position], problem.Message, problem.IndicatorId));
            }
        }

        return _problems;
    }

    /// <summary>Why the answers cannot be found: most often the sheet was renamed, and then which sheet to give its name back.</summary>
    private static string NoAssessmentSheet(IReadOnlyList<string> sheets)
    {
        var strangers = sheets.Where(s => !WorkbookNames.FillInSheets.Contains(s, StringComparer.OrdinalIgnoreCase)).ToArray();
        return strangers.Length == 1
            ? $"the workbook has no sheet \"{Sheet}\", which holds the answers; it looks renamed to \"{strangers[0]}\". Rename that sheet back to \"{Sheet}\" and upload again"
            : $"the workbook has no sheet \"{Sheet}\", which holds the answers (it has: {string.Join(", ", sheets.Select(s => $"\"{s}\""))}). "
                + $"If you renamed the sheet with the answers, rename it back to \"{Sheet}\" and upload again";
    }

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
                duplicates.Add(new WorkbookProblem(Sheet, cell.Reference, $"a second column {cell.Quoted}; each column may appear only once"));
            }
        }

        if (!found.TryGetValue(HeaderKey(WorkbookNames.Columns.IndicatorId), out var indicator)
            || !found.TryGetValue(HeaderKey(WorkbookNames.Columns.Level), out var level))
        {
            return null;
        }

        _problems.AddRange(duplicates);
        int? Optional(string header) => found.TryGetValue(HeaderKey(header), out var cell) ? cell.Column : null;
        return new Columns(
            indicator.Column,
            level.Column,
            Optional(WorkbookNames.Columns.Reason),
            Optional(WorkbookNames.Columns.Note),
            Optional(WorkbookNames.Columns.Evidence),
            Optional(WorkbookNames.Columns.Question));
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
        if (read.All(c => c.IsBlank))
        {
            return;
        }

        var id = indicatorCell.Formula is null ? indicatorCell.Value : "";
        var problemsBefore = _problems.Count;
        foreach (var cell in read.Where(c => c.Formula is not null))
        {
            _problems.Add(new WorkbookProblem(Sheet, cell.Reference, $"{cell.Quoted} is a formula; type the value itself", NullIfEmpty(id)));
        }

        if (_problems.Count > problemsBefore)
        {
            return;
        }

        var answered = new[] { levelCell, reasonCell, noteCell, evidenceCell }.Where(c => !c.IsBlank).ToArray();
        if (id.Length == 0)
        {
            Problem(indicatorCell, $"no indicator id, but the row has an answer in {answered[0].Reference}; answers belong in the row of their indicator");
            return;
        }

        if (!_indicatorIds.Contains(id))
        {
            Problem(indicatorCell, $"{indicatorCell.Quoted} is not an indicator of rubric {_rubric.Key}", id);
            return;
        }

        if (columns.Question is not null)
        {
            WarnIfQuestionEdited(At(columns.Question), id);
        }

        if (_rowOfIndicator.TryGetValue(id, out var firstRow))
        {
            Problem(indicatorCell, $"indicator {id} appears again; it is first in row {firstRow.ToString(CultureInfo.InvariantCulture)}", id);
            return;
        }

        _rowOfIndicator[id] = row;
        if (levelCell.IsBlank)
        {
            if (answered.Length > 0)
            {
                Problem(levelCell, $"no level chosen, but {answered[0].Reference} is filled in; choose a level, {_choices.NotApplicable} or {_choices.DontKnow}, or clear the row", id);
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
            Problem(levelCell, $"{levelCell.Quoted} is not a level; expected {_choices.Expected}", id);
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
            Problem(cell, SheetMessage(violation, input, levelCell), id);
        }

        if (violations.Count == 0)
        {
            _answers.Add(input);
            _answerCells.Add(levelCell.Reference);
        }
    }

    /// <summary>A broken answer rule in the words of the sheet: its choices, its columns, one evidence entry per line.</summary>
    private string SheetMessage(AnswerViolation violation, AnswerInput input, CellContent levelCell) => violation.Rule switch
    {
        AnswerRule.ReasonRequired => $"{_choices.NotApplicable} needs a reason in the column \"{WorkbookNames.Columns.Reason}\"",
        AnswerRule.ReasonNotAllowed =>
            $"a reason is only for {_choices.NotApplicable}, but the level is {levelCell.Quoted}; clear the reason or choose {_choices.NotApplicable}",
        AnswerRule.TextTooLong => TooLong(violation.Part == AnswerPart.Reason ? input.Answer.Reason! : input.Answer.Note!, AnswerRules.MaxTextLength),
        AnswerRule.TooManyEvidence => $"{input.Evidence.Count} evidence entries; at most {AnswerRules.MaxEvidence}, one per line",
        AnswerRule.EvidenceEntryLength => TooLong(input.Evidence[violation.EvidenceIndex!.Value], AnswerRules.MaxEvidenceLength),
        _ => violation.Message,
    };

    private static string TooLong(string text, int max) => $"{text.Length} characters; at most {max}";

    private void Problem(CellContent cell, string message, string? indicatorId = null) =>
        _problems.Add(new WorkbookProblem(Sheet, cell.Reference, message, indicatorId));

    /// <summary>An answer always answers the rubric's question; an edited question text in the sheet changes nothing, so the user is told.</summary>
    private void WarnIfQuestionEdited(CellContent questionCell, string id)
    {
        var original = _rubric.Indicators.First(i => i.Id == id).Question.Get(_language);
        static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (questionCell.Formula is not null || !string.Equals(Words(questionCell.Kind == CellKind.Text ? questionCell.Text : questionCell.Value), Words(original), StringComparison.Ordinal))
        {
            _warnings.Add(new WorkbookProblem(Sheet, questionCell.Reference,
                $"the question of {id} was edited; your answer is kept as the answer to the rubric's question \"{original}\". Check that it still fits", id));
        }
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>"Reason (if not applicable)" and "reason" alike: lower case, single spaces, without a bracketed remark.</summary>
    private static string HeaderKey(string header)
    {
        var text = string.Join(' ', header.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        var bracket = text.IndexOf('(', StringComparison.Ordinal);
        return (bracket > 0 ? text[..bracket] : text).Trim();
    }

    private sealed record Columns(int Indicator, int Level, int? Reason, int? Note, int? Evidence, int? Question)
    {
        public static readonly HashSet<string> Headers = new[]
        {
            WorkbookNames.Columns.IndicatorId, WorkbookNames.Columns.Level, WorkbookNames.Columns.Reason,
            WorkbookNames.Columns.Note, WorkbookNames.Columns.Evidence, WorkbookNames.Columns.Question,
        }.Select(HeaderKey).ToHashSet(StringComparer.Ordinal);
    }
}
