using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nlc.Api.Cities;
using Nlc.Api.Http;
using Nlc.Api.Security;
using Nlc.Core.Assessments;
using Nlc.Core.Periods;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;
using Nlc.Storage;

namespace Nlc.Api.Assessments;

/// <summary>
/// Assessment rounds: created and answered by the city's own keys, submitted when complete, validated or reopened by the
/// hub. Every write carries the version it was based on (If-Match); a city key never learns of another city's assessments.
/// </summary>
public static class AssessmentsApi
{
    private static readonly ApiMessage AnswerRefusal = ApiMessage.Of("RefusedAnswer");
    private static readonly ApiMessage ReviewRefusal = ApiMessage.Of("RefusedReview");

    /// <summary>Maps the assessment routes.</summary>
    public static IEndpointRouteBuilder MapAssessmentsApi(this IEndpointRouteBuilder routes)
    {
        var ofCity = routes.MapGroup("/api/v1/cities/{cityId}/assessments").WithTags("Assessments").Problems(ProblemMetadata.EveryKeyedRoute);
        ofCity.MapGet("/", ListAssessments)
            .WithName("listAssessments")
            .WithSummary("List a city's assessments")
            .WithDescription("Newest period first, filtered by `period` and `status` (draft, submitted, validated). Partner keys see validated ones only.")
            .Problems([StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound]);
        ofCity.MapPost("/", CreateAssessment)
            .WithName("createAssessment")
            .WithSummary("Start an assessment")
            .WithDescription("A draft for `period` (\"2025\", \"2025-H1\", \"2025-Q3\", \"2025-06\") against `rubricId`, at `rubricVersion` or the latest. One per city, rubric and period.")
            .AllowOnly(c => c.MayAnswer, ApiMessage.Of("RefusedStart"))
            .Problems([StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict], ProblemMetadata.JsonBody);

        var one = routes.MapGroup("/api/v1/assessments/{assessmentId}").WithTags("Assessments").Problems(ProblemMetadata.EveryKeyedRoute);
        one.MapGet("/", GetAssessment)
            .WithName("getAssessment")
            .WithSummary("Get an assessment with its answers")
            .WithDescription("The assessment and every answer given; the ETag is its version, to send as If-Match on writes, or as If-None-Match to get 304 Not Modified while it is unchanged.")
            .Produces(StatusCodes.Status304NotModified)
            .Problems([StatusCodes.Status404NotFound]);
        one.MapPut("/answers", SaveAnswers)
            .WithName("saveAnswers")
            .WithSummary("Save a batch of answers")
            .WithDescription("`{\"answers\": [...]}` applied all or none to a draft; each answer replaces an earlier one to the same indicator. Needs If-Match.")
            .AllowOnly(c => c.MayAnswer, AnswerRefusal)
            .Problems([StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound], ProblemMetadata.JsonBody, ProblemMetadata.Versioned);
        one.MapPut("/answers/{indicatorId}", SaveAnswer)
            .WithName("saveAnswer")
            .WithSummary("Save one answer")
            .WithDescription("One answer to the indicator in the path: `level`, or `notApplicable: true` with a `reason`, or `dontKnow: true`. Needs If-Match.")
            .AllowOnly(c => c.MayAnswer, AnswerRefusal)
            .Problems([StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound], ProblemMetadata.JsonBody, ProblemMetadata.Versioned);
        one.MapPost("/submit", Submit)
            .WithName("submitAssessment")
            .WithSummary("Submit a complete draft")
            .WithDescription("Every indicator must be answered (a level, Not applicable or Don't know). The assessment becomes read-only. Needs If-Match.")
            .AllowOnly(c => c.MayAnswer, ApiMessage.Of("RefusedSubmit"))
            .Problems([StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound], ProblemMetadata.Versioned);
        one.MapPost("/validate", Validate)
            .WithName("validateAssessment")
            .WithSummary("Validate a submitted assessment")
            .WithDescription("Admin and hub keys only. Needs If-Match.")
            .AllowOnly(c => c.CanReview, ReviewRefusal)
            .Problems([StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound], ProblemMetadata.Versioned);
        one.MapPost("/reopen", Reopen)
            .WithName("reopenAssessment")
            .WithSummary("Reopen a submitted or validated assessment")
            .WithDescription("Admin and hub keys only; back to draft, and audited. Needs If-Match.")
            .AllowOnly(c => c.CanReview, ReviewRefusal)
            .Problems([StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound], ProblemMetadata.Versioned);
        one.MapGet("/score", GetScore)
            .WithName("getAssessmentScore")
            .WithSummary("Score an assessment")
            .WithDescription("Scores per indicator, practice, pillar and overall (0-100, unrounded), completeness and the gap list, against the assessment's own rubric version, in `lang`. The ETag is the assessment's version: send it as If-None-Match to get 304 Not Modified while it is unchanged.")
            .Produces(StatusCodes.Status304NotModified)
            .Problems([StatusCodes.Status404NotFound]);
        one.MapGet("/audit", GetAudit)
            .WithName("getAssessmentAudit")
            .WithSummary("The assessment's audit trail")
            .WithDescription("Every change, oldest first: who, what, before and after. Not for partner keys.")
            .AllowOnly(c => !c.SeesOnlyValidated, ApiMessage.Of("RefusedAudit"))
            .Problems([StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound]);
        return routes;
    }

    private static async Task<Results<Ok<PageResponse<AssessmentResponse>>, ProblemHttpResult>> ListAssessments(
        VisibleCity city, Caller caller, HttpContext context, AssessmentStore assessments, string? period, string? status, int? limit, int? offset)
    {
        var (pageLimit, pageOffset, problem) = Paging.Read(limit, offset);
        if (problem is not null)
        {
            return problem;
        }

        AssessmentStatus? wanted = null;
        if (status is not null)
        {
            if (!ExactEnum.TryParse<AssessmentStatus>(status, out var parsed))
            {
                var expected = $"must be exactly {ExactEnum.Expected<AssessmentStatus>()}";
                return ProblemResponses.BadRequest($"status {expected}; found '{status}'.", [new ProblemError("status", ProblemCodes.Malformed, expected)]);
            }

            wanted = parsed;
        }

        Period? wantedPeriod = null;
        if (period is not null)
        {
            if (!Period.TryParse(period, out var parsedPeriod))
            {
                var expected = $"must be a period such as {Period.Examples}";
                return ProblemResponses.BadRequest($"period {expected}; found '{period}'.", [new ProblemError("period", ProblemCodes.Malformed, expected)]);
            }

            wantedPeriod = parsedPeriod;
        }

        if (caller.SeesOnlyValidated)
        {
            if (wanted is not null and not AssessmentStatus.Validated)
            {
                return TypedResults.Ok(new PageResponse<AssessmentResponse>([], 0, pageLimit, pageOffset, null));
            }

            wanted = AssessmentStatus.Validated;
        }

        var page = await assessments.ListAsync(city.Id, new AssessmentFilter(wantedPeriod, wanted), pageLimit, pageOffset, context.RequestAborted);
        return TypedResults.Ok(Paging.Respond(context.Request, page, a => AssessmentResponse.From(a)));
    }

    private static async Task<Results<Created<AssessmentResponse>, ProblemHttpResult>> CreateAssessment(
        VisibleCity city, JsonBody<CreateAssessmentRequest> body, Caller caller, HttpContext context, AssessmentStore assessments, RubricCatalog catalog)
    {
        var request = body.Value;
        var errors = new List<ProblemError>();
        if (!Period.TryParse(request.Period, out var period))
        {
            errors.Add(new ProblemError("period", request.Period is null ? ProblemCodes.Required : ProblemCodes.Malformed, ApiMessage.Of("PeriodInvalid", request.Period, ApiMessage.Of("PeriodExamples"))));
        }

        Rubric? rubric = null;
        if (string.IsNullOrWhiteSpace(request.RubricId))
        {
            errors.Add(new ProblemError("rubricId", ProblemCodes.Required, ApiMessage.Of("RubricIdRequired", "rubricId", "nlc")));
        }
        else if (request.RubricVersion is null)
        {
            rubric = catalog.FindLatest(request.RubricId);
            if (rubric is null)
            {
                errors.Add(new ProblemError("rubricId", ProblemCodes.Unknown, ApiMessage.Of("RubricUnknown", request.RubricId)));
            }
        }
        else if (!RubricVersion.TryParse(request.RubricVersion, out var version))
        {
            errors.Add(new ProblemError("rubricVersion", ProblemCodes.Malformed, ApiMessage.Of("RubricVersionMalformed", request.RubricVersion, "MAJOR.MINOR.PATCH")));
        }
        else
        {
            rubric = catalog.Find(request.RubricId, version);
            if (rubric is null)
            {
                errors.Add(new ProblemError("rubricVersion", ProblemCodes.Unknown, ApiMessage.Of("RubricVersionUnknown", request.RubricId, request.RubricVersion)));
            }
        }

        if (errors.Count > 0)
        {
            return ProblemResponses.Invalid(errors);
        }

        var result = await assessments.CreateAsync(city.Id, rubric!, period, caller.KeyId, context.RequestAborted);
        if (result.Outcome != WriteOutcome.Done)
        {
            return ProblemResponses.Refused(result);
        }

        VersionHeaders.SetETag(context.Response, result.Value!.RowVersion);
        return TypedResults.Created($"/api/v1/assessments/{result.Value.Id}", AssessmentResponse.From(result.Value, []));
    }

    private static async Task<Results<Ok<AssessmentResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetAssessment(
        VisibleAssessment assessment, HttpContext context, AssessmentStore assessments)
    {
        if (VersionHeaders.IsNotModified(context.Request, assessment.Value.RowVersion))
        {
            return VersionHeaders.NotModified(context.Response, assessment.Value.RowVersion);
        }

        VersionHeaders.SetETag(context.Response, assessment.Value.RowVersion);
        return TypedResults.Ok(AssessmentResponse.From(assessment.Value, await assessments.AnswersAsync(assessment.Id, context.RequestAborted)));
    }

    private static async Task<Results<Ok<AssessmentResponse>, ProblemHttpResult>> SaveAnswers(
        VisibleAssessment assessment, ExpectedVersion expected, JsonBody<SaveAnswersRequest> body, Caller caller, HttpContext context,
        AssessmentStore assessments, ScoringEngines engines)
    {
        if (body.Value.Answers is not { Count: > 0 } requests)
        {
            return ProblemResponses.Invalid([new ProblemError("answers", ProblemCodes.Required, ApiMessage.Of("AnswersRequired", "\"answers\""))]);
        }

        if (requests.Count > AnswerValidation.MaxAnswersPerBatch)
        {
            return ProblemResponses.Invalid([new ProblemError("answers", ProblemCodes.Length, ApiMessage.Of("AnswersTooMany", AnswerValidation.MaxAnswersPerBatch))]);
        }

        var (answers, errors) = AnswerValidation.Read(requests, EngineOf(assessment.Value, engines), i => $"answers[{i}]");
        return errors.Count > 0 ? ProblemResponses.Invalid(errors) : await WriteAnswersAsync(assessment.Value, expected, answers, caller, context, assessments);
    }

    private static async Task<Results<Ok<AssessmentResponse>, ProblemHttpResult>> SaveAnswer(
        VisibleAssessment assessment, string indicatorId, ExpectedVersion expected, JsonBody<AnswerRequest> body, Caller caller, HttpContext context,
        AssessmentStore assessments, ScoringEngines engines)
    {
        var request = body.Value;
        if (request.IndicatorId is not null && request.IndicatorId != indicatorId)
        {
            return ProblemResponses.Invalid([new ProblemError("indicatorId", ProblemCodes.Mismatch, ApiMessage.Of("AnswerIndicatorMismatch", request.IndicatorId, indicatorId), indicatorId)]);
        }

        var (answers, errors) = AnswerValidation.Read([request with { IndicatorId = indicatorId }], EngineOf(assessment.Value, engines), _ => "");
        return errors.Count > 0 ? ProblemResponses.Invalid(errors) : await WriteAnswersAsync(assessment.Value, expected, answers, caller, context, assessments);
    }

    private static Task<Results<Ok<AssessmentResponse>, ProblemHttpResult>> Submit(
        VisibleAssessment assessment, ExpectedVersion expected, Caller caller, HttpContext context, AssessmentStore assessments, ScoringEngines engines) =>
        TransitionAsync(assessment.Value, expected, AssessmentAction.Submit, caller, context, assessments, engines);

    private static Task<Results<Ok<AssessmentResponse>, ProblemHttpResult>> Validate(
        VisibleAssessment assessment, ExpectedVersion expected, Caller caller, HttpContext context, AssessmentStore assessments, ScoringEngines engines) =>
        TransitionAsync(assessment.Value, expected, AssessmentAction.Validate, caller, context, assessments, engines);

    private static Task<Results<Ok<AssessmentResponse>, ProblemHttpResult>> Reopen(
        VisibleAssessment assessment, ExpectedVersion expected, Caller caller, HttpContext context, AssessmentStore assessments, ScoringEngines engines) =>
        TransitionAsync(assessment.Value, expected, AssessmentAction.Reopen, caller, context, assessments, engines);

    private static async Task<Results<Ok<ScoreResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetScore(
        VisibleAssessment assessment, HttpContext context, ScoringEngines engines, ScoreCache scores, [FromQuery] string? lang)
    {
        if (VersionHeaders.IsNotModified(context.Request, assessment.Value.RowVersion))
        {
            return VersionHeaders.NotModified(context.Response, assessment.Value.RowVersion);
        }

        var rubric = EngineOf(assessment.Value, engines).Rubric;
        var result = await scores.ScoreAsync(assessment.Value, context.RequestAborted);
        var locale = RequestLanguage.ServedLocale(rubric, RequestLanguage.Resolve(context.Request, lang));
        RequestLanguage.SetContentLanguage(context.Response, locale);
        VersionHeaders.SetETag(context.Response, assessment.Value.RowVersion);
        return TypedResults.Ok(ScoreResponse.From(assessment.Id, rubric, result, locale));
    }

    private static async Task<Results<Ok<PageResponse<AuditEntryResponse>>, ProblemHttpResult>> GetAudit(
        VisibleAssessment assessment, HttpContext context, AuditLog audit, int? limit, int? offset)
    {
        var (pageLimit, pageOffset, problem) = Paging.Read(limit, offset);
        if (problem is not null)
        {
            return problem;
        }

        var page = await audit.ListAsync("assessment", assessment.Id, pageLimit, pageOffset, context.RequestAborted);
        return TypedResults.Ok(Paging.Respond(context.Request, page, AuditEntryResponse.From));
    }

    private static async Task<Results<Ok<AssessmentResponse>, ProblemHttpResult>> TransitionAsync(
        Assessment assessment, ExpectedVersion expected, AssessmentAction action, Caller caller, HttpContext context, AssessmentStore assessments, ScoringEngines engines)
    {
        var transition = await assessments.TransitionAsync(
            assessment.Id, expected.Version, action, caller.KeyId, EngineOf(assessment, engines), context.RequestAborted);
        if (transition.IsIncomplete)
        {
            return ProblemResponses.Problem(
                StatusCodes.Status409Conflict,
                "The assessment is incomplete",
                transition.Write.Reason!,
                transition.Unanswered.Select(id => new ProblemError($"answers.{id}", ProblemCodes.Unanswered, "not answered", id)).ToArray());
        }

        var result = transition.Write;
        if (result.Outcome != WriteOutcome.Done)
        {
            return ProblemResponses.Refused(result);
        }

        VersionHeaders.SetETag(context.Response, result.Value!.RowVersion);
        return TypedResults.Ok(AssessmentResponse.From(result.Value, await assessments.AnswersAsync(assessment.Id, context.RequestAborted)));
    }

    private static async Task<Results<Ok<AssessmentResponse>, ProblemHttpResult>> WriteAnswersAsync(
        Assessment assessment, ExpectedVersion expected, IReadOnlyList<AnswerInput> answers, Caller caller, HttpContext context, AssessmentStore assessments)
    {
        var result = await assessments.SaveAnswersAsync(assessment.Id, expected.Version, answers, caller.KeyId, context.RequestAborted);
        if (result.Outcome != WriteOutcome.Done)
        {
            return ProblemResponses.Refused(result);
        }

        VersionHeaders.SetETag(context.Response, result.Value!.RowVersion);
        return TypedResults.Ok(AssessmentResponse.From(result.Value, await assessments.AnswersAsync(assessment.Id, context.RequestAborted)));
    }

    private static ScoringEngine EngineOf(Assessment assessment, ScoringEngines engines) => engines.For(assessment.RubricId, assessment.RubricVersion)!;
}
