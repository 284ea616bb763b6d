using Nlc.Core.Periods;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;

namespace Nlc.Core.Assessments;

/// <summary>Where an assessment is in its workflow: draft → submitted → validated; only drafts can be edited.</summary>
public enum AssessmentStatus
{
    /// <summary>Being filled in.</summary>
    Draft,

    /// <summary>Handed in by the city; read-only until validated or reopened.</summary>
    Submitted,

    /// <summary>Checked by the hub; counts in benchmarks.</summary>
    Validated,
}

/// <summary>One assessment round of a city: against one rubric version, for one period ("2024", "2025-H1").</summary>
public sealed record Assessment(
    string Id,
    string CityId,
    string RubricId,
    RubricVersion RubricVersion,
    string Period,
    AssessmentStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? ValidatedAt,
    long RowVersion);

/// <summary>An answer as given: the scored answer plus evidence links or references.</summary>
public sealed record AnswerInput(Answer Answer, IReadOnlyList<string> Evidence);

/// <summary>An answer as stored, with who gave it and when.</summary>
public sealed record StoredAnswer(Answer Answer, IReadOnlyList<string> Evidence, string AnsweredBy, DateTimeOffset AnsweredAt);
