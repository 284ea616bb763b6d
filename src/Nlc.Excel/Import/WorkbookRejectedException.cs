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

    /// <summary>The same refusal with every problem worded in <paramref name="language"/>.</summary>
    public WorkbookRejectedException In(string? language) => new(Problems.Select(p => p.In(language)).ToArray(), Metadata);

    /// <summary>A refusal of the file as a whole, of kind <paramref name="code"/>.</summary>
    internal static WorkbookRejectedException Of(string code, params object?[] arguments) =>
        new([WorkbookProblem.Of(null, null, code, null, arguments)]);

    private static string Describe(IReadOnlyList<WorkbookProblem> problems) => problems.Count == 1
        ? $"The workbook was refused: {problems[0]}"
        : $"The workbook was refused, {problems.Count} problems:{Environment.NewLine}" + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
}
