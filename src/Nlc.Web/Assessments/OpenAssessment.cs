using Nlc.Core.Access;
using Nlc.Core.Assessments;
using Nlc.Core.Cities;
using Nlc.Core.Scoring;

namespace Nlc.Web.Assessments;

/// <summary>An assessment a signed-in person may see, with its city, the scoring engine of its rubric version and their rights.</summary>
public sealed record OpenAssessment(Assessment Assessment, City City, ScoringEngine Engine, AccessRights Rights)
{
    /// <summary>Whether this person may change its answers now: they may answer, and it is a draft.</summary>
    public bool CanEdit => Rights.MayAnswer && Assessment.Status == AssessmentStatus.Draft;
}
