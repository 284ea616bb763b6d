using Microsoft.AspNetCore.Http.HttpResults;
using Nlc.Api.Assessments;
using Nlc.Api.Cities;
using Nlc.Api.Http;
using Nlc.Api.Security;
using Nlc.Core.ActionPlans;
using Nlc.Core.PeerLearning;
using Nlc.Core.Rubrics;
using Nlc.Storage;

namespace Nlc.Api.PeerLearning;

/// <summary>
/// Learning from peers: case notes (a city writes and submits, the hub approves or returns, the network reads published
/// ones), consent to be contacted, suggestions for an assessment's weakest practices, and exchange pairs for the hub.
/// Partner keys call none of these: a city's level reaches no one outside the network, and only with its consent.
/// </summary>
public static class PeerLearningApi
{
    private const string PartnerRefusal = "Partner keys do not see case notes, consents or peer suggestions.";
    private const string WriteRefusal = "Only city keys (for their own cities) and admin keys may write case notes and consents.";
    private const string ReviewRefusal = "Only admin and hub keys may approve or return case notes.";

    /// <summary>Maps the case-note, consent, suggestion and exchange-pair routes.</summary>
    public static IEndpointRouteBuilder MapPeerLearningApi(this IEndpointRouteBuilder routes)
    {
        var notes = routes.MapGroup("/api/v1").WithTags("Peer learning").Problems(ProblemMetadata.EveryKeyedRoute, [StatusCodes.Status403Forbidden]);
        notes.MapGet("/case-notes", ListNotes)
            .WithName("listCaseNotes")
            .WithSummary("List case notes")
            .WithDescription("Published notes, on `practiceId` if given, and the caller's own cities' notes in any status. Admin and hub keys see every note and may filter by `status`.")
            .AllowOnly(c => c.Rights.SeesPeerLearning, PartnerRefusal)
            .Problems([StatusCodes.Status400BadRequest]);
        notes.MapPost("/cities/{cityId}/case-notes", CreateNote)
            .WithName("createCaseNote")
            .WithSummary("Write a case note")
            .WithDescription("A draft note on a practice: Challenge, Approach, Impact and a contact role. It reaches the network only once submitted and approved.")
            .AllowOnly(c => c.MayAnswer, WriteRefusal)
            .Problems([StatusCodes.Status404NotFound], ProblemMetadata.JsonBody);
        notes.MapGet("/case-notes/{noteId}", GetNote)
            .WithName("getCaseNote")
            .WithSummary("Get a case note")
            .WithDescription("A published note, or one of the caller's own cities (every note for admin and hub keys). The ETag is its version.")
            .AllowOnly(c => c.Rights.SeesPeerLearning, PartnerRefusal)
            .Problems([StatusCodes.Status404NotFound]);
        notes.MapPut("/case-notes/{noteId}", UpdateNote)
            .WithName("updateCaseNote")
            .WithSummary("Change a case note")
            .WithDescription("A draft or returned note only (409 otherwise). Send `If-Match` with its ETag.")
            .AllowOnly(c => c.MayAnswer, WriteRefusal)
            .Problems([StatusCodes.Status404NotFound], ProblemMetadata.JsonBody, ProblemMetadata.Versioned);
        notes.MapPost("/case-notes/{noteId}/submit", SubmitNote)
            .WithName("submitCaseNote")
            .WithSummary("Submit a case note to the hub")
            .WithDescription("From draft or returned. Send `If-Match` with its ETag.")
            .AllowOnly(c => c.MayAnswer, WriteRefusal)
            .Problems([StatusCodes.Status404NotFound], ProblemMetadata.Versioned);
        notes.MapPost("/case-notes/{noteId}/approve", ApproveNote)
            .WithName("approveCaseNote")
            .WithSummary("Publish a submitted case note")
            .WithDescription("Admin and hub keys. Send `If-Match` with its ETag.")
            .AllowOnly(c => c.CanReview, ReviewRefusal)
            .Problems([StatusCodes.Status404NotFound], ProblemMetadata.Versioned);
        notes.MapPost("/case-notes/{noteId}/return", ReturnNote)
            .WithName("returnCaseNote")
            .WithSummary("Return a submitted case note with a reason")
            .WithDescription("Admin and hub keys. The city sees the reason, edits the note and submits it again.")
            .AllowOnly(c => c.CanReview, ReviewRefusal)
            .Problems([StatusCodes.Status404NotFound], ProblemMetadata.JsonBody, ProblemMetadata.Versioned);

        notes.MapGet("/cities/{cityId}/contact-consent", GetConsent)
            .WithName("getContactConsent")
            .WithSummary("A city's consent to be contacted")
            .WithDescription("The practices the city agreed to be contacted about by peers (none until it opts in), and its exchange languages. The ETag is the consent's version (\"0\" until it is first set).")
            .AllowOnly(c => c.Rights.SeesPeerLearning, PartnerRefusal)
            .Problems([StatusCodes.Status404NotFound]);
        notes.MapPut("/cities/{cityId}/contact-consent", SetConsent)
            .WithName("setContactConsent")
            .WithSummary("Set a city's consent to be contacted")
            .WithDescription(
                "Replaces the list; an empty `practiceIds` withdraws every consent at once, and the city leaves every suggestion immediately. "
                + "Send `If-Match` with the consent's ETag (\"0\" for a city that never set one): a stale one is refused with 412 and nothing is written.")
            .AllowOnly(c => c.MayAnswer, WriteRefusal)
            .Problems([StatusCodes.Status404NotFound], ProblemMetadata.JsonBody, ProblemMetadata.Versioned);

        notes.MapGet("/assessments/{assessmentId}/suggestions", GetSuggestions)
            .WithName("getPeerSuggestions")
            .WithSummary("Peer suggestions for an assessment's weakest practices")
            .WithDescription(
                "For the `count` (default 3, at most 13) weakest practices below level 3: published case notes of other cities, and other cities at level 3 or more "
                + "in their latest validated assessment that agreed to be contacted about that practice. A city without that consent is never listed or counted.")
            .AllowOnly(c => c.Rights.SeesPeerLearning, PartnerRefusal)
            .Problems([StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound]);
        notes.MapGet("/exchange-pairs", GetExchangePairs)
            .WithName("listExchangePairs")
            .WithSummary("Suggested exchange pairs")
            .WithDescription(
                "Admin and hub keys. Pairs of cities (latest validated assessment of `rubricId`) where each is at level 3 or more on a practice the other is at level 1 or less; "
                + "ordered by the smaller of the two gains, then the total. `country` keeps pairs of two cities of that country, `language` pairs whose consents both list it.")
            .AllowOnly(c => c.CanReview, "Only admin and hub keys see exchange pairs.")
            .Problems([StatusCodes.Status400BadRequest]);
        return routes;
    }

    private static async Task<Results<Ok<CaseNoteListResponse>, ProblemHttpResult>> ListNotes(
        Caller caller, HttpContext context, PeerLearningStore store, string? practiceId, string? status)
    {
        CaseNoteStatus? only = null;
        if (status is not null)
        {
            if (!ExactEnum.TryParse<CaseNoteStatus>(status, out var parsed))
            {
                return ProblemResponses.BadRequest($"status must be {ExactEnum.Expected<CaseNoteStatus>()}", [new ProblemError("status", ProblemCodes.Malformed, ExactEnum.Expected<CaseNoteStatus>())]);
            }

            only = parsed;
        }

        var all = await store.ListNotesAsync(only is null ? null : [only.Value], null, practiceId, context.RequestAborted);
        var visible = all.Where(n => MaySee(caller, n)).Select(CaseNoteResponse.From).ToArray();
        return TypedResults.Ok(new CaseNoteListResponse(visible));
    }

    private static async Task<Results<Created<CaseNoteResponse>, ProblemHttpResult>> CreateNote(
        VisibleCity city, JsonBody<CaseNoteRequest> body, Caller caller, HttpContext context, PeerLearningStore store, RubricCatalog catalog)
    {
        var input = body.Value.ToInput();
        if (ActionProblems.Invalid(CaseNoteWorkflow.Check(input, Rubric(catalog))) is { } invalid)
        {
            return invalid;
        }

        var note = await store.CreateNoteAsync(city.Id, Rubric(catalog).Id, input, caller.KeyId, context.RequestAborted);
        VersionHeaders.SetETag(context.Response, note.RowVersion);
        return TypedResults.Created($"/api/v1/case-notes/{note.Id}", CaseNoteResponse.From(note));
    }

    private static async Task<Results<Ok<CaseNoteResponse>, ProblemHttpResult>> GetNote(string noteId, Caller caller, HttpContext context, PeerLearningStore store)
    {
        var note = await store.FindNoteAsync(noteId, context.RequestAborted);
        if (note is null || !MaySee(caller, note))
        {
            return ProblemResponses.NotFound($"There is no case note '{noteId}'.");
        }

        VersionHeaders.SetETag(context.Response, note.RowVersion);
        return TypedResults.Ok(CaseNoteResponse.From(note));
    }

    private static async Task<Results<Ok<CaseNoteResponse>, ProblemHttpResult>> UpdateNote(
        string noteId, ExpectedVersion expected, JsonBody<CaseNoteRequest> body, Caller caller, HttpContext context, PeerLearningStore store, RubricCatalog catalog)
    {
        if (await OwnNoteAsync(noteId, caller, store, context) is { } missing)
        {
            return missing;
        }

        var input = body.Value.ToInput();
        if (ActionProblems.Invalid(CaseNoteWorkflow.Check(input, Rubric(catalog))) is { } invalid)
        {
            return invalid;
        }

        return Respond(await store.UpdateNoteAsync(noteId, input, expected.Version, caller.KeyId, context.RequestAborted), context);
    }

    private static async Task<Results<Ok<CaseNoteResponse>, ProblemHttpResult>> SubmitNote(
        string noteId, ExpectedVersion expected, Caller caller, HttpContext context, PeerLearningStore store) =>
        await OwnNoteAsync(noteId, caller, store, context) is { } missing
            ? missing
            : Respond(await store.TransitionNoteAsync(noteId, CaseNoteAction.Submit, null, expected.Version, caller.KeyId, context.RequestAborted), context);

    private static async Task<Results<Ok<CaseNoteResponse>, ProblemHttpResult>> ApproveNote(
        string noteId, ExpectedVersion expected, Caller caller, HttpContext context, PeerLearningStore store) =>
        Respond(await store.TransitionNoteAsync(noteId, CaseNoteAction.Approve, null, expected.Version, caller.KeyId, context.RequestAborted), context);

    private static async Task<Results<Ok<CaseNoteResponse>, ProblemHttpResult>> ReturnNote(
        string noteId, ExpectedVersion expected, JsonBody<ReturnCaseNoteRequest> body, Caller caller, HttpContext context, PeerLearningStore store)
    {
        if (ActionProblems.Invalid(CaseNoteWorkflow.CheckReturnReason(body.Value.Reason)) is { } invalid)
        {
            return invalid;
        }

        return Respond(await store.TransitionNoteAsync(noteId, CaseNoteAction.Return, body.Value.Reason, expected.Version, caller.KeyId, context.RequestAborted), context);
    }

    private static async Task<Results<Ok<ContactConsentResponse>, ProblemHttpResult>> GetConsent(VisibleCity city, HttpContext context, PeerLearningStore store)
    {
        var consent = await store.GetConsentAsync(city.Id, context.RequestAborted);
        VersionHeaders.SetETag(context.Response, consent.RowVersion);
        return TypedResults.Ok(new ContactConsentResponse(consent.CityId, consent.PracticeIds, consent.Languages));
    }

    private static async Task<Results<Ok<ContactConsentResponse>, ProblemHttpResult>> SetConsent(
        VisibleCity city, ExpectedVersion expected, JsonBody<ContactConsentRequest> body, Caller caller, HttpContext context, PeerLearningStore store, RubricCatalog catalog)
    {
        var request = body.Value;
        var rubric = Rubric(catalog);
        var errors = new List<ProblemError>();
        if (request.PracticeIds is null)
        {
            errors.Add(new ProblemError("practiceIds", ProblemCodes.Required, "is required: the practices the city agrees to be contacted about, or [] to withdraw every consent"));
        }

        var practiceIds = request.PracticeIds ?? [];
        for (var i = 0; i < practiceIds.Count; i++)
        {
            if (rubric.Practices.All(p => p.Id != practiceIds[i]))
            {
                errors.Add(new ProblemError($"practiceIds[{i}]", ProblemCodes.Unknown, $"'{practiceIds[i]}' is not a practice of {rubric.Id} {rubric.Version}"));
            }
            else if (practiceIds.Take(i).Contains(practiceIds[i]))
            {
                errors.Add(new ProblemError($"practiceIds[{i}]", ProblemCodes.Duplicate, $"'{practiceIds[i]}' is listed twice"));
            }
        }

        var languages = request.Languages ?? [];
        for (var i = 0; i < languages.Count; i++)
        {
            if (Nlc.Core.Languages.SupportedLanguages.Match(languages[i]) is null)
            {
                errors.Add(new ProblemError($"languages[{i}]", ProblemCodes.Unknown, $"'{languages[i]}' is not a language this toolkit serves"));
            }
        }

        if (errors.Count > 0)
        {
            return ProblemResponses.Invalid(errors);
        }

        var result = await store.SetConsentAsync(new ContactConsent(city.Id, practiceIds, languages), expected.Version, caller.KeyId, context.RequestAborted);
        if (result.Outcome != WriteOutcome.Done)
        {
            return ProblemResponses.Refused(result);
        }

        var consent = result.Value!;
        VersionHeaders.SetETag(context.Response, consent.RowVersion);
        return TypedResults.Ok(new ContactConsentResponse(consent.CityId, consent.PracticeIds, consent.Languages));
    }

    private static async Task<Results<Ok<SuggestionsResponse>, ProblemHttpResult>> GetSuggestions(
        VisibleAssessment assessment, HttpContext context, ScoreCache scores, PeerLearningStore store, RubricCatalog catalog, int? count)
    {
        if (count is < 1 or > 13)
        {
            return ProblemResponses.BadRequest("count must be from 1 to 13.", [new ProblemError("count", ProblemCodes.OutOfRange, "must be from 1 to 13")]);
        }

        var value = assessment.Value;
        var score = await scores.ScoreAsync(value, context.RequestAborted);
        var rubric = catalog.Find(value.RubricId, value.RubricVersion)!;
        var suggestions = await store.SuggestionsAsync(value.CityId, value.RubricId, score, rubric.Scale.MaxLevel, count ?? PeerSuggestions.DefaultCount, context.RequestAborted);
        return TypedResults.Ok(new SuggestionsResponse(value.Id, value.CityId, suggestions
            .Select(s => new PracticeSuggestionResponse(s.PracticeId, s.OwnLevel, s.CaseNotes.Select(CaseNoteResponse.From).ToArray(), s.Contacts))
            .ToArray()));
    }

    private static async Task<Results<Ok<ExchangePairsResponse>, ProblemHttpResult>> GetExchangePairs(
        HttpContext context, PeerLearningStore store, RubricCatalog catalog, string? rubricId, string? country, string? language)
    {
        var rubric = catalog.FindLatest(rubricId ?? "nlc");
        if (rubric is null)
        {
            return ProblemResponses.BadRequest($"There is no rubric '{rubricId}'.", [new ProblemError("rubricId", ProblemCodes.Unknown, $"'{rubricId}' is not a known rubric")]);
        }

        var pairs = await store.ExchangePairsAsync(rubric.Id, rubric.Scale.MaxLevel, Cities.CityValidation.Normalize(country), language, context.RequestAborted);
        return TypedResults.Ok(new ExchangePairsResponse(rubric.Id, pairs
            .Select(p => new ExchangePairResponse(
                new ExchangeSide(p.First.CityId, p.First.CityName, p.First.Country, p.FirstOffers, p.FirstGains),
                new ExchangeSide(p.Second.CityId, p.Second.CityName, p.Second.Country, p.SecondOffers, p.SecondGains),
                p.TotalGain))
            .ToArray()));
    }

    /// <summary>Published notes for the network; others only for their own city's keys and for reviewers.</summary>
    private static bool MaySee(Caller caller, CaseNote note) =>
        caller.Rights.SeesPeerLearning && (note.Status == CaseNoteStatus.Published || caller.CanReview || caller.CityIds.Contains(note.CityId) || caller.Role == Nlc.Core.Access.ApiRole.Admin);

    /// <summary>404 unless the note exists and belongs to one of the caller's cities (admins: any).</summary>
    private static async Task<ProblemHttpResult?> OwnNoteAsync(string noteId, Caller caller, PeerLearningStore store, HttpContext context)
    {
        var note = await store.FindNoteAsync(noteId, context.RequestAborted);
        return note is not null && caller.CanSeeCity(note.CityId) && caller.MayAnswer ? null : ProblemResponses.NotFound($"There is no case note '{noteId}'.");
    }

    private static Rubric Rubric(RubricCatalog catalog) => catalog.FindLatest("nlc") ?? catalog.Latest[0];

    private static Results<Ok<CaseNoteResponse>, ProblemHttpResult> Respond(WriteResult<CaseNote> result, HttpContext context)
    {
        if (result.Outcome != WriteOutcome.Done)
        {
            return ProblemResponses.Refused(result);
        }

        VersionHeaders.SetETag(context.Response, result.Value!.RowVersion);
        return TypedResults.Ok(CaseNoteResponse.From(result.Value));
    }
}
