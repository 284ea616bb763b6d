namespace Nlc.Core.Rubrics;

/// <summary>Thrown when one or more rubric files are invalid; nothing was loaded.</summary>
public sealed class RubricLoadException(IReadOnlyList<RubricProblem> problems)
    : Exception(Describe(problems))
{
    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<RubricProblem> Problems { get; } = problems;

    private static string Describe(IReadOnlyList<RubricProblem> problems) =>
        $"{problems.Count} problem(s) in the rubric files:{Environment.NewLine}"
        + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
}
