using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Nlc.Api.Cities;
using Nlc.Api.Http;
using Nlc.Api.Security;
using Nlc.Core.ActionPlans;
using Nlc.Core.Periods;
using Nlc.Core.Rubrics;
using Nlc.Storage;

namespace Nlc.Api.ActionPlans;

/// <summary>
/// A city's action plan: a city key edits its own, admin and hub keys read every plan, a partner key reads a plan only
/// once the city has published it (404 before). Every write carries the plan's version (If-Match) and is audited.
/// </summary>
public static class ActionPlansApi
{
    private const string WriteRefusal = "Only city keys (for their own cities) and admin keys may change an action plan.";

    /// <summary>Maps <c>/api/v1/cities/{cityId}/action-plan</c>.</summary>
    public static RouteGroupBuilder MapActionPlansApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/cities/{cityId}/action-plan").WithTags("Action plans")
            .Problems(ProblemMetadata.EveryKeyedRoute, [StatusCodes.Status404NotFound]);

        group.MapGet("/", GetPlan)
            .WithName("getActionPlan")
            .WithSummary("A city's action plan")
            .WithDescription(
                "The actions with their status and progress notes; the share done (done / (actions − dropped): a dropped action leaves the plan), "
                + "overdue actions as of `asOf` (yyyy-MM-dd, today by default); and each targeted practice with its level in `baselinePeriod` (the first validated period by default) "
                + "and in the latest validated period after it. The ETag is the plan's version. A partner key sees only a published plan.")
            .Problems([StatusCodes.Status400BadRequest]);
        group.MapPost("/actions", AddAction)
            .WithName("addAction")
            .WithSummary("Add an action")
            .WithDescription("Adds a planned action at the end of the plan. Send `If-Match` with the plan's ETag (\"0\" for a city without a plan).")
            .AllowOnly(c => c.MayAnswer, WriteRefusal)
            .Problems([StatusCodes.Status403Forbidden], ProblemMetadata.JsonBody, ProblemMetadata.Versioned);
        group.MapPut("/actions/{actionId}", UpdateAction)
            .WithName("updateAction")
            .WithSummary("Change an action")
            .WithDescription("Replaces the action's written fields; its status and notes stay. Send `If-Match` with the plan's ETag.")
            .AllowOnly(c => c.MayAnswer, WriteRefusal)
            .Problems([StatusCodes.Status403Forbidden], ProblemMetadata.JsonBody, ProblemMetadata.Versioned);
        group.MapDelete("/actions/{actionId}", RemoveAction)
            .WithName("removeAction")
            .WithSummary("Remove an action")
            .WithDescription("Removes the action and its notes (the audit trail keeps them). To give an action up and keep it in the plan, set its status to dropped.")
            .AllowOnly(c => c.MayAnswer, WriteRefusal)
            .Problems([StatusCodes.Status403Forbidden], ProblemMetadata.Versioned);
        group.MapPost("/actions/{actionId}/status", SetStatus)
            .WithName("setActionStatus")
            .WithSummary("Set an action's status")
            .WithDescription("planned, inProgress, done or dropped; a dropped action needs `dropReason`.")
            .AllowOnly(c => c.MayAnswer, WriteRefusal)
            .Problems([StatusCodes.Status403Forbidden], ProblemMetadata.JsonBody, ProblemMetadata.Versioned);
        group.MapPost("/actions/{actionId}/notes", AddNote)
            .WithName("addActionNote")
            .WithSummary("Add a progress note")
            .WithDescription("A dated note on how the action is going; notes are kept in date order.")
            .AllowOnly(c => c.MayAnswer, WriteRefusal)
            .Problems([StatusCodes.Status403Forbidden], ProblemMetadata.JsonBody, ProblemMetadata.Versioned);
        group.MapPut("/publication", SetPublication)
            .WithName("setActionPlanPublication")
            .WithSummary("Publish or withdraw the plan")
            .WithDescription("A published plan is readable by partner keys; withdrawing it hides it from them again.")
            .AllowOnly(c => c.MayAnswer, WriteRefusal)
            .Problems([StatusCodes.Status403Forbidden], ProblemMetadata.JsonBody, ProblemMetadata.Versioned);
        return group;
    }

    private static async Task<Results<Ok<ActionPlanResponse>, ProblemHttpResult>> GetPlan(
        VisibleCity city, Caller caller, HttpContext context, ActionPlanStore plans, RubricCatalog catalog, TimeProvider clock, string? asOf, string? baselinePeriod)
    {
        var errors = new List<ProblemError>();
        var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (asOf is not null && !DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            errors.Add(new ProblemError("asOf", ProblemCodes.Malformed, $"'{asOf}' is not a date such as 2026-03-31"));
        }

        if (baselinePeriod is not null && !Period.IsValid(baselinePeriod))
        {
            errors.Add(new ProblemError("baselinePeriod", ProblemCodes.Malformed, $"'{baselinePeriod}' is not a period such as {Period.Examples}"));
        }

        if (errors.Count > 0)
        {
            return ProblemResponses.BadRequest(errors[0].Message, errors);
        }

        var plan = await plans.GetAsync(city.Id, cancellationToken: context.RequestAborted);
        if (!caller.Rights.CanReadActionPlan(city.Id, plan.Published))
        {
            return ProblemResponses.NotFound($"City '{city.Id}' has not published an action plan.");
        }

        var rubric = catalog.FindLatest(plan.RubricId)!;
        var series = await plans.LevelSeriesAsync(city.Id, plan.RubricId, rubric.Scale.MaxLevel, context.RequestAborted);
        VersionHeaders.SetETag(context.Response, plan.RowVersion);
        return TypedResults.Ok(ActionPlanView.Build(plan, rubric, series, day, baselinePeriod));
    }

    private static async Task<Results<Created<ActionPlanResponse>, ProblemHttpResult>> AddAction(
        VisibleCity city, ExpectedVersion expected, JsonBody<ActionRequest> body, Caller caller, HttpContext context, ActionPlanStore plans, RubricCatalog catalog, TimeProvider clock)
    {
        var plan = await plans.GetAsync(city.Id, cancellationToken: context.RequestAborted);
        var rubric = catalog.FindLatest(plan.RubricId)!;
        var input = body.Value.ToInput();
        if (ActionProblems.Invalid(ActionRules.Check(input, rubric)) is { } invalid)
        {
            return invalid;
        }

        var result = await plans.AddActionAsync(city.Id, plan.RubricId, ActionRules.Normalize(input), expected.Version, caller.KeyId, context.RequestAborted);
        if (result.Outcome != WriteOutcome.Done)
        {
            return ProblemResponses.Refused(result);
        }

        VersionHeaders.SetETag(context.Response, result.Value!.RowVersion);
        var response = await RespondAsync(result.Value, plans, catalog, clock, context.RequestAborted);
        return TypedResults.Created($"/api/v1/cities/{city.Id}/action-plan", response);
    }

    private static async Task<Results<Ok<ActionPlanResponse>, ProblemHttpResult>> UpdateAction(
        VisibleCity city, string actionId, ExpectedVersion expected, JsonBody<ActionRequest> body, Caller caller, HttpContext context,
        ActionPlanStore plans, RubricCatalog catalog, TimeProvider clock)
    {
        var plan = await plans.GetAsync(city.Id, cancellationToken: context.RequestAborted);
        var input = body.Value.ToInput();
        if (ActionProblems.Invalid(ActionRules.Check(input, catalog.FindLatest(plan.RubricId)!)) is { } invalid)
        {
            return invalid;
        }

        return await RespondAsync(await plans.UpdateActionAsync(city.Id, actionId, ActionRules.Normalize(input), expected.Version, caller.KeyId, context.RequestAborted), context, plans, catalog, clock);
    }

    private static async Task<Results<Ok<ActionPlanResponse>, ProblemHttpResult>> RemoveAction(
        VisibleCity city, string actionId, ExpectedVersion expected, Caller caller, HttpContext context, ActionPlanStore plans, RubricCatalog catalog, TimeProvider clock) =>
        await RespondAsync(await plans.RemoveActionAsync(city.Id, actionId, expected.Version, caller.KeyId, context.RequestAborted), context, plans, catalog, clock);

    private static async Task<Results<Ok<ActionPlanResponse>, ProblemHttpResult>> SetStatus(
        VisibleCity city, string actionId, ExpectedVersion expected, JsonBody<ActionStatusRequest> body, Caller caller, HttpContext context,
        ActionPlanStore plans, RubricCatalog catalog, TimeProvider clock)
    {
        var request = body.Value;
        if (request.Status is not { } status)
        {
            return ProblemResponses.Invalid([new ProblemError("status", ProblemCodes.Required, $"is required: {ExactEnum.Expected<ActionStatus>()}")]);
        }

        if (ActionProblems.Invalid(ActionRules.CheckStatus(status, request.DropReason)) is { } invalid)
        {
            return invalid;
        }

        return await RespondAsync(await plans.SetStatusAsync(city.Id, actionId, status, request.DropReason, expected.Version, caller.KeyId, context.RequestAborted), context, plans, catalog, clock);
    }

    private static async Task<Results<Ok<ActionPlanResponse>, ProblemHttpResult>> AddNote(
        VisibleCity city, string actionId, ExpectedVersion expected, JsonBody<ProgressNoteRequest> body, Caller caller, HttpContext context,
        ActionPlanStore plans, RubricCatalog catalog, TimeProvider clock)
    {
        var request = body.Value;
        if (ActionProblems.Invalid(ActionRules.CheckNote(request.Date, request.Text)) is { } invalid)
        {
            return invalid;
        }

        return await RespondAsync(
            await plans.AddNoteAsync(city.Id, actionId, new ProgressNote(request.Date!.Value, request.Text!), expected.Version, caller.KeyId, context.RequestAborted),
            context, plans, catalog, clock);
    }

    private static async Task<Results<Ok<ActionPlanResponse>, ProblemHttpResult>> SetPublication(
        VisibleCity city, ExpectedVersion expected, JsonBody<PublicationRequest> body, Caller caller, HttpContext context,
        ActionPlanStore plans, RubricCatalog catalog, TimeProvider clock)
    {
        if (body.Value.Published is not { } published)
        {
            return ProblemResponses.Invalid([new ProblemError("published", ProblemCodes.Required, "is required: true to publish the plan to partners, false to withdraw it")]);
        }

        return await RespondAsync(await plans.SetPublishedAsync(city.Id, published, expected.Version, caller.KeyId, context.RequestAborted), context, plans, catalog, clock);
    }

    private static async Task<Results<Ok<ActionPlanResponse>, ProblemHttpResult>> RespondAsync(
        WriteResult<ActionPlan> result, HttpContext context, ActionPlanStore plans, RubricCatalog catalog, TimeProvider clock)
    {
        if (result.Outcome != WriteOutcome.Done)
        {
            return ProblemResponses.Refused(result);
        }

        VersionHeaders.SetETag(context.Response, result.Value!.RowVersion);
        return TypedResults.Ok(await RespondAsync(result.Value, plans, catalog, clock, context.RequestAborted));
    }

    private static async Task<ActionPlanResponse> RespondAsync(ActionPlan plan, ActionPlanStore plans, RubricCatalog catalog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var rubric = catalog.FindLatest(plan.RubricId)!;
        var series = await plans.LevelSeriesAsync(plan.CityId, plan.RubricId, rubric.Scale.MaxLevel, cancellationToken);
        return ActionPlanView.Build(plan, rubric, series, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), null);
    }
}
