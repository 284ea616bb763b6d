using Nlc.Core.Access;
using Nlc.Storage;

namespace Nlc.Web.Assessments;

/// <summary>Finds the assessment a page is about, if the signed-in person may see it (the same rule as the API: <see cref="AccessRights.CanSeeAssessment"/>).</summary>
public sealed class AssessmentFinder(AssessmentStore assessments, CityStore cities, ScoringEngines engines)
{
    /// <summary>The assessment with its city and engine, or null when it does not exist or <paramref name="rights"/> may not know it does.</summary>
    public async Task<OpenAssessment?> FindAsync(string assessmentId, AccessRights? rights, CancellationToken cancellationToken)
    {
        if (rights is null)
        {
            return null;
        }

        var assessment = await assessments.FindAsync(assessmentId, cancellationToken);
        if (assessment is null || !rights.CanSeeAssessment(assessment))
        {
            return null;
        }

        var city = await cities.FindAsync(assessment.CityId, cancellationToken);
        var engine = engines.For(assessment.RubricId, assessment.RubricVersion);
        return city is null || engine is null ? null : new OpenAssessment(assessment, city, engine, rights);
    }
}
