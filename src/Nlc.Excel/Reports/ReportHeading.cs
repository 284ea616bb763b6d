using Nlc.Core.Assessments;
using Nlc.Core.Cities;

namespace Nlc.Excel.Reports;

/// <summary>Whose report it is: the city, the period and, when known, the country, assessment id and workflow status.</summary>
public sealed record ReportHeading(string CityName, string Period, string? Country = null, string? AssessmentId = null, string? Status = null)
{
    /// <summary>The heading of <paramref name="assessment"/> of <paramref name="city"/>.</summary>
    public static ReportHeading Of(City city, Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(city);
        ArgumentNullException.ThrowIfNull(assessment);
        return new(city.Name, assessment.Period, city.Country, assessment.Id, assessment.Status.ToString().ToLowerInvariant());
    }
}
