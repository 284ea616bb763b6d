using Nlc.Core.Assessments;

namespace Nlc.Storage.Network;

/// <summary>
/// One assessment as the hub's network pages list it: its rubric, period, status, when it was last changed and submitted,
/// how many indicators are answered, and its stored overall score (validated assessments only; null otherwise).
/// </summary>
public sealed record NetworkAssessment(
    string Id,
    string RubricId,
    string RubricVersion,
    string Period,
    AssessmentStatus Status,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt,
    int Answered,
    double? ValidatedOverall);
