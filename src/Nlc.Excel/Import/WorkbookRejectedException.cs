namespace Nlc.Excel.Import;

/// <summary>
/// Thrown when a workbook cannot be imported: it is not a workbook, is damaged or hostile, or its answers have problems.
/// Lists every problem found; <see cref="Metadata"/> is what the workbook says it was made for, when that could be read.
/// </summary>
public sealed class WorkbookRejectedException(IReadOnlyList<WorkbookProblem> problems, WorkbookMetadata? metadata = null)
    : Exception(Describe(problems))
{
    /// <summary>Every problem, in sheet and row order.</summary>
    public IReadOnlyList<WorkbookProblem> Problems { get; } = problems;

    /// <summary>The workbook's metadata, or null when it could not be read.</summary>
    public WorkbookMetadata? Metadata { get; } = metadata;

    internal static WorkbookRejectedException Of(string message) => new([new WorkbookProblem(null, null, message)]);

    private static string Describe(IReadOnlyList<WorkbookProblem> problems) => problems.Count == 1
        ? $"The workbook was refused: {problems[0]}"
        : $"The workbook was refused, {problems.Count} problems:{Environment.NewLine}" + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
}
