using Nlc.Core.Cities;

namespace Nlc.Web.Cities;

/// <summary>One city as the home and city pages show it: its assessments and whether the person may start one.</summary>
public sealed record CityOverview(City City, IReadOnlyList<AssessmentSummary> Assessments, bool MayStart);
