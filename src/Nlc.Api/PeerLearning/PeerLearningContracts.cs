using Nlc.Core.PeerLearning;

namespace Nlc.Api.PeerLearning;

/// <summary>A case note as written: the practice, a title, Challenge, Approach, Impact, and the role a peer can contact.</summary>
public sealed record CaseNoteRequest(string? PracticeId, string? Title, string? Challenge, string? Approach, string? Impact, string? ContactRole)
{
    /// <summary>As the domain's input.</summary>
    public CaseNoteInput ToInput() => new(PracticeId, Title, Challenge, Approach, Impact, ContactRole);
}

/// <summary>Why the hub returns a note: what the city should change.</summary>
public sealed record ReturnCaseNoteRequest(string? Reason);

/// <summary>A case note with its status (and the hub's reason when returned) and its version (also the ETag).</summary>
public sealed record CaseNoteResponse(
    string Id, string CityId, string RubricId, string PracticeId, string Title, string Challenge, string Approach, string Impact, string ContactRole,
    CaseNoteStatus Status, string? ReturnReason, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt, long Version)
{
    /// <summary>The response for <paramref name="note"/>.</summary>
    public static CaseNoteResponse From(CaseNote note) => new(
        note.Id, note.CityId, note.RubricId, note.PracticeId, note.Title, note.Challenge, note.Approach, note.Impact, note.ContactRole,
        note.Status, note.ReturnReason, note.UpdatedAt, note.PublishedAt, note.RowVersion);
}

/// <summary>Case notes, newest first.</summary>
public sealed record CaseNoteListResponse(IReadOnlyList<CaseNoteResponse> Items);

/// <summary>The practices a city agrees to be contacted about (opt-in; an empty list withdraws every consent) and the languages it can exchange in.</summary>
public sealed record ContactConsentRequest(IReadOnlyList<string>? PracticeIds, IReadOnlyList<string>? Languages = null);

/// <summary>A city's consent to be contacted.</summary>
public sealed record ContactConsentResponse(string CityId, IReadOnlyList<string> PracticeIds, IReadOnlyList<string> Languages);

/// <summary>For one of the assessment's weakest practices: its level, published case notes, and peers who consented to be contacted about it.</summary>
public sealed record PracticeSuggestionResponse(string PracticeId, int? OwnLevel, IReadOnlyList<CaseNoteResponse> CaseNotes, IReadOnlyList<PeerContact> Contacts);

/// <summary>Suggestions for an assessment's weakest practices.</summary>
public sealed record SuggestionsResponse(string AssessmentId, string CityId, IReadOnlyList<PracticeSuggestionResponse> Practices);

/// <summary>One city of an exchange pair: what it offers the other and what it would gain.</summary>
public sealed record ExchangeSide(string CityId, string CityName, string Country, IReadOnlyList<string> Offers, int Gains);

/// <summary>Two cities that could learn from each other.</summary>
public sealed record ExchangePairResponse(ExchangeSide First, ExchangeSide Second, int TotalGain);

/// <summary>Suggested exchange pairs, ordered by how much both could gain.</summary>
public sealed record ExchangePairsResponse(string RubricId, IReadOnlyList<ExchangePairResponse> Items);
