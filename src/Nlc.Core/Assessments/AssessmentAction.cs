namespace Nlc.Core.Assessments;

/// <summary>A step of the assessment workflow (see <see cref="AssessmentWorkflow"/>).</summary>
public enum AssessmentAction
{
    /// <summary>The city hands in a complete draft: draft → submitted.</summary>
    Submit,

    /// <summary>The hub accepts a submitted assessment: submitted → validated.</summary>
    Validate,

    /// <summary>The hub sends an assessment back for changes: submitted or validated → draft.</summary>
    Reopen,
}
