using Nlc.Core.Rubrics;

namespace Nlc.Excel.Import;

/// <summary>
/// Reads a filled-in workbook back: its metadata (which rubric version, assessment and language it was made for) and its
/// answers, or every problem at once in a <see cref="WorkbookRejectedException"/>. Whatever the bytes, nothing else is
/// thrown: the file is size- and zip-bomb-checked before the Open XML SDK opens it, DTDs are refused, and no formula
/// is ever evaluated (a formula where an answer is expected is a problem). Checking that the workbook belongs to the
/// assessment it is uploaded to is the caller's job, with <see cref="WorkbookImport.Metadata"/>.
/// A level may be typed as its label ("3 - Established"), its name (in any served language), its number ("3", "3,0", or a
/// number cell); rows left blank are unanswered. Problems and warnings are worded in the language asked for, whatever the
/// language the workbook is written in; each has a stable <see cref="WorkbookProblem.Code"/>. One reader can serve many threads at once.
/// </summary>
public sealed class AssessmentWorkbookReader
{
    private readonly RubricCatalog _rubrics;
    private readonly WorkbookReadLimits _limits;

    /// <summary>A reader that finds the workbook's rubric version in <paramref name="rubrics"/>.</summary>
    public AssessmentWorkbookReader(RubricCatalog rubrics, WorkbookReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(rubrics);
        _rubrics = rubrics;
        _limits = limits ?? WorkbookReadLimits.Default;
    }

    /// <summary>
    /// Reads the workbook in <paramref name="workbook"/> (to its end); throws <see cref="WorkbookRejectedException"/> listing
    /// every problem, worded in <paramref name="language"/> (a served language; any other, or none, gives English).
    /// </summary>
    public WorkbookImport Read(Stream workbook, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        return InLanguage(language, () => Read(PackageGuard.ReadAll(workbook, _limits)));
    }

    /// <summary>Reads the workbook without blocking on <paramref name="workbook"/>, e.g. a request body; as <see cref="Read(Stream, string?)"/>.</summary>
    public async Task<WorkbookImport> ReadAsync(Stream workbook, string? language = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        byte[] bytes;
        try
        {
            bytes = await PackageGuard.ReadAllAsync(workbook, _limits, cancellationToken).ConfigureAwait(false);
        }
        catch (WorkbookRejectedException e)
        {
            throw e.In(language);
        }

        return InLanguage(language, () => Read(bytes));
    }

    /// <summary>Reads the workbook without blocking, with problems in English; as <see cref="ReadAsync(Stream, string?, CancellationToken)"/>.</summary>
    public Task<WorkbookImport> ReadAsync(Stream workbook, CancellationToken cancellationToken) => ReadAsync(workbook, null, cancellationToken);

    private static WorkbookImport InLanguage(string? language, Func<WorkbookImport> read)
    {
        WorkbookImport import;
        try
        {
            import = read();
        }
        catch (WorkbookRejectedException e)
        {
            throw e.In(language);
        }

        return import with { Warnings = import.Warnings.Select(w => w.In(language)).ToArray() };
    }

    private WorkbookImport Read(byte[] bytes)
    {
        try
        {
            PackageGuard.Inspect(bytes, _limits);
            return ReadPackage(bytes);
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

    private WorkbookImport ReadPackage(byte[] bytes)
    {
        using var workbook = WorkbookParts.Open(bytes, _limits);
        var sharedStrings = SheetRows.SharedStrings(workbook, _limits);
        var (metadata, baseline) = MetaSheetReader.Read(workbook, sharedStrings, _limits);
        var rubric = MetaSheetReader.FindRubric(_rubrics, metadata);
        var sheet = new AssessmentSheetReader(rubric, metadata.Language);
        IReadOnlyList<WorkbookProblem> problems;
        try
        {
            problems = sheet.Read(workbook, sharedStrings, _limits);
        }
        catch (WorkbookRejectedException e) when (e.Metadata is null)
        {
            throw new WorkbookRejectedException(e.Problems, metadata);
        }

        return problems.Count > 0
            ? throw new WorkbookRejectedException(problems, metadata)
            : new WorkbookImport(metadata, rubric, sheet.Answers)
            {
                Baseline = baseline,
                LevelCells = sheet.LevelCells,
                BlankIndicators = sheet.BlankIndicators,
                Warnings = sheet.Warnings,
            };
    }
}
