using Nlc.Core.Assessments;

namespace Nlc.Storage;

/// <summary>
/// How a workflow step ended: the guarded write's result, and when submitting was refused because answers are missing,
/// the unanswered indicators (the write is then refused as <see cref="WriteOutcome.Conflict"/>).
/// </summary>
public sealed record TransitionResult(WriteResult<Assessment> Write, IReadOnlyList<string> Unanswered)
{
    /// <summary>Whether the step was refused because the assessment is incomplete.</summary>
    public bool IsIncomplete => Unanswered.Count > 0;
}
