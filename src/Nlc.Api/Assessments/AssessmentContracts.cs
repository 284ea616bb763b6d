using Nlc.Core.Assessments;
using Nlc.Core.Scoring;
using Nlc.Storage;

namespace Nlc.Api.Assessments;

/// <summary>A new assessment: the rubric (latest version unless <c>rubricVersion</c> is given) and the period, e.g. "2025" or "2025-H1".</summary>
public sealed record CreateAssessmentRequest(string? RubricId, string? Period, string? RubricVersion = null);

/// <summary>
/// One answer. Give exactly one of: <c>level</c> (0–4), <c>notApplicable: true</c> with a <c>reason</c>, or
/// <c>dontKnow: true</c>. <c>note</c> and <c>evidence</c> (links or references) are optional.
/// </summary>
public sealed record AnswerRequest(
    string? IndicatorId = null, int? Level = null, bool? NotApplicable = null, bool? DontKnow = null, string? Reason = null, string? Note = null,
    IReadOnlyList<string>? Evidence = null);

/// <summary>A batch of answers, applied all or none.</summary>
public sealed record SaveAnswersRequest(IReadOnlyList<AnswerRequest>? Answers);

/// <summary>A stored answer: its level, or notApplicable with its reason, or dontKnow; with who answered and when.</summary>
public sealed record AnswerResponse(
    string IndicatorId, int? Level, bool NotApplicable, bool DontKnow, string? Reason, string? Note, IReadOnlyList<string> Evidence,
    string AnsweredBy, DateTimeOffset AnsweredAt)
{
    /// <summary>Shows <paramref name="stored"/>.</summary>
    public static AnswerResponse From(StoredAnswer stored) => new(
        stored.Answer.IndicatorId,
        stored.Answer.Level,
        stored.Answer.Kind == AnswerKind.NotApplicable,
        stored.Answer.Kind == AnswerKind.DontKnow,
        stored.Answer.Reason,
        stored.Answer.Note,
        stored.Evidence,
        stored.AnsweredBy,
        stored.AnsweredAt);
}

/// <summary>An assessment; <c>version</c> is also its ETag. <c>answers</c> is given when one assessment is read.</summary>
public sealed record AssessmentResponse(
    string Id, string CityId, string RubricId, string RubricVersion, string Period, AssessmentStatus Status,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? SubmittedAt, DateTimeOffset? ValidatedAt, long Version,
    IReadOnlyList<AnswerResponse>? Answers)
{
    /// <summary>Shows <paramref name="assessment"/>, with <paramref name="answers"/> when given.</summary>
    public static AssessmentResponse From(Assessment assessment, IReadOnlyList<StoredAnswer>? answers = null) => new(
        assessment.Id, assessment.CityId, assessment.RubricId, assessment.RubricVersion.ToString(), assessment.Period, assessment.Status,
        assessment.CreatedAt, assessment.UpdatedAt, assessment.SubmittedAt, assessment.ValidatedAt, assessment.RowVersion,
        answers?.Select(AnswerResponse.From).ToArray());
}

/// <summary>One audit entry: who (key id) did what, with the state before and after as JSON.</summary>
public sealed record AuditEntryResponse(long Id, DateTimeOffset At, string Actor, string Action, string? Before, string? After)
{
    /// <summary>Shows <paramref name="entry"/>.</summary>
    public static AuditEntryResponse From(AuditEntry entry) => new(entry.Id, entry.At, entry.Actor, entry.Action, entry.Before, entry.After);
}
