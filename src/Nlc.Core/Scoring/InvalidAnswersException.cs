namespace Nlc.Core.Scoring;

/// <summary>Thrown when answers cannot be scored against a rubric; lists every problem, and nothing was scored.</summary>
public sealed class InvalidAnswersException(IReadOnlyList<AnswerProblem> problems)
    : Exception("The answers cannot be scored: " + string.Join("; ", problems))
{
    /// <summary>Every problem, one per offending answer.</summary>
    public IReadOnlyList<AnswerProblem> Problems { get; } = problems;
}
