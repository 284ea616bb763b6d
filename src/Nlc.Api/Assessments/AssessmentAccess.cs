using Nlc.Api.Security;
using Nlc.Core.Assessments;
using Nlc.Storage;

namespace Nlc.Api.Assessments;

/// <summary>Which assessments a caller may see: those of cities it sees, and for partners only validated ones.</summary>
public static class AssessmentAccess
{
    /// <summary>The assessment, or null when it does not exist or the caller may not know it does.</summary>
    public static async Task<Assessment?> FindVisibleAsync(string assessmentId, Caller caller, AssessmentStore assessments, CancellationToken cancellationToken)
    {
        var assessment = await assessments.FindAsync(assessmentId, cancellationToken);
        return assessment is not null && caller.Rights.CanSeeAssessment(assessment) ? assessment : null;
    }
}
