using Nlc.Core.Rubrics;

namespace Nlc.Core.Assessments;

/// <summary>
/// The assessment workflow: submit (draft → submitted, only when every indicator of the assessment's rubric version is
/// answered), validate (submitted → validated), reopen (submitted or validated → draft). Who may take which step is the
/// caller's decision; the store (<c>Nlc.Storage.AssessmentStore.TransitionAsync</c>) enforces the states and the completeness.
/// </summary>
public static class AssessmentWorkflow
{
    /// <summary>The states <paramref name="action"/> may start from.</summary>
    public static IReadOnlyList<AssessmentStatus> From(AssessmentAction action) => action switch
    {
        AssessmentAction.Submit => [AssessmentStatus.Draft],
        AssessmentAction.Validate => [AssessmentStatus.Submitted],
        AssessmentAction.Reopen => [AssessmentStatus.Submitted, AssessmentStatus.Validated],
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "not a workflow action"),
    };

    /// <summary>The state <paramref name="action"/> leads to.</summary>
    public static AssessmentStatus To(AssessmentAction action) => action switch
    {
        AssessmentAction.Submit => AssessmentStatus.Submitted,
        AssessmentAction.Validate => AssessmentStatus.Validated,
        AssessmentAction.Reopen => AssessmentStatus.Draft,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "not a workflow action"),
    };

    /// <summary>The audit trail's name for <paramref name="action"/>: "assessment.submitted", "assessment.validated", "assessment.reopened".</summary>
    public static string AuditName(AssessmentAction action) => action switch
    {
        AssessmentAction.Submit => "assessment.submitted",
        AssessmentAction.Validate => "assessment.validated",
        AssessmentAction.Reopen => "assessment.reopened",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "not a workflow action"),
    };

    /// <summary>The longest reason a step may give (the city reads it on its pages).</summary>
    public const int MaxReasonLength = 2000;

    /// <summary>
    /// What is wrong with <paramref name="reason"/> for <paramref name="action"/>: "Required" when reopening without one
    /// (the city must be told why its assessment came back), "TooLong" over <see cref="MaxReasonLength"/>; null when fine.
    /// </summary>
    public static string? ReasonProblem(AssessmentAction action, string? reason) =>
        action == AssessmentAction.Reopen && string.IsNullOrWhiteSpace(reason) ? "Required"
        : reason is { Length: > MaxReasonLength } ? "TooLong"
        : null;

    /// <summary>
    /// The indicators of <paramref name="rubric"/> (in rubric order) that must still be answered before <paramref name="action"/>
    /// may be taken, given the indicators answered so far; empty when nothing is missing.
    /// </summary>
    public static IReadOnlyList<string> Unanswered(AssessmentAction action, Rubric rubric, IEnumerable<string> answeredIndicatorIds)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        if (action != AssessmentAction.Submit)
        {
            return [];
        }

        var answered = answeredIndicatorIds.ToHashSet(StringComparer.Ordinal);
        return rubric.Indicators.Where(i => !answered.Contains(i.Id)).Select(i => i.Id).ToArray();
    }

    /// <summary>Why an assessment with <paramref name="unanswered"/> of <paramref name="indicatorCount"/> indicators unanswered cannot be submitted.</summary>
    public static string IncompleteReason(int unanswered, int indicatorCount) =>
        $"{unanswered} of {indicatorCount} indicators are unanswered; answer each with a level, Not applicable or Don't know before submitting.";
}
