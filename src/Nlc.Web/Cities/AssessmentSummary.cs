using Nlc.Core.Assessments;

namespace Nlc.Web.Cities;

/// <summary>One assessment in a list: its period, status, share answered (0–1) and overall score (0–100, null when nothing scored).</summary>
public sealed record AssessmentSummary(string Id, string Period, string RubricTitle, AssessmentStatus Status, double Completeness, double? Overall);
