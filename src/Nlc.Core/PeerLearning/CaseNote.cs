namespace Nlc.Core.PeerLearning;

/// <summary>A city's case note on a practice, its place in the workflow (with the hub's reason when returned) and its version.</summary>
public sealed record CaseNote(
    string Id,
    string CityId,
    string RubricId,
    string PracticeId,
    string Title,
    string Challenge,
    string Approach,
    string Impact,
    string ContactRole,
    CaseNoteStatus Status,
    string? ReturnReason,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt,
    long RowVersion);
