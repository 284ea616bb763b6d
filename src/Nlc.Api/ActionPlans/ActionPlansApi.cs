using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Nlc.Api.Cities;
using Nlc.Api.Http;
using Nlc.Api.Security;
using Nlc.Api.Workbooks;
using Nlc.Core.ActionPlans;
using Nlc.Excel;
using Nlc.Excel.ActionPlans;
using Nlc.Excel.Import;
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
        group.MapGet("/workbook", DownloadWorkbook)
            .WithName("downloadActionPlanWorkbook")
            .WithSummary("Download the action-plan workbook")
            .WithDescription(
                "The plan as a workbook to print or take to the council: every action with its practices and target levels, who is responsible, "
                + "partners, dates, status and progress notes, and the plan's figures as of today; in `lang` (or Accept-Language) where served, "
                + "English otherwise (Content-Language says which). A partner key gets only a published plan.")
            .WithMetadata(new XlsxBody(Response: true));
        group.MapPut("/workbook", UploadWorkbook)
            .WithName("uploadActionPlanWorkbook")
            .WithSummary("Upload an edited action-plan workbook")
            .WithDescription(
                "The workbook downloaded from GET, edited, as the raw body or as the one file of a multipart/form-data form. Every cell is checked "
                + "before anything is written; problems come back naming sheet and cell. The workbook records each action as it was exported: a row "
                + "left as it was changes nothing, a changed row replaces the action's fields and status (its progress notes stay), a row without an "
                + "id adds an action, and an action missing from the workbook stays. If an action changed in the workbook was also changed, or "
                + "removed, in the plan since the export, nothing is written and the 409 problem names each row. An unchanged workbook changes "
                + "nothing (no new version). If-Match is optional; when sent, it must be the plan's current version.")
            .WithMetadata(new XlsxBody(Response: false))
            .AllowOnly(c => c.MayAnswer, WriteRefusal)
            .Problems([StatusCodes.Status403Forbidden], ProblemMetadata.Versioned,
                [StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity]);
        group.MapPost("/actions/from-next-step", StartFromNextStep)
            .WithName("startActionFromNextStep")
            .WithSummary("Start an action from a next step")
            .WithDescription(
                "Adds a planned action for one next step of one of the city's assessments (`assessmentId`, and the step's `indicatorId`): "
                + "the step's practice, indicator and next level are its target, the step's wording in `lang` its title and description. "
                + "Complete it (responsible, dates) with PUT. Send `If-Match` with the plan's ETag.")
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

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadWorkbook(
        VisibleCity city, Caller caller, HttpContext context, ActionPlanStore plans, RubricCatalog catalog, TimeProvider clock, string? lang)
    {
        var plan = await plans.GetAsync(city.Id, cancellationToken: context.RequestAborted);
        if (!caller.Rights.CanReadActionPlan(city.Id, plan.Published))
        {
            return ProblemResponses.NotFound($"City '{city.Id}' has not published an action plan.");
        }

        var language = ActionPlanWorkbookWriter.Served(RequestLanguage.Resolve(context.Request, lang));
        var bytes = ActionPlanWorkbookWriter.Write(plan, catalog.FindLatest(plan.RubricId)!, city.Value.Name, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), language);
        RequestLanguage.SetContentLanguage(context.Response, language);
        return TypedResults.File(bytes, XlsxFile.ContentType, $"nlc-action-plan-{city.Id}{XlsxFile.Extension}");
    }

    private static async Task<Results<Ok<ActionPlanImportResponse>, ProblemHttpResult>> UploadWorkbook(
        VisibleCity city, OptionalExpectedVersion expected, UploadedWorkbook workbook, Caller caller, HttpContext context,
        ActionPlanStore plans, RubricCatalog catalog, TimeProvider clock)
    {
        ActionPlanWorkbookImport import;
        try
        {
            import = await ActionPlanWorkbookReader.ReadAsync(workbook.File, cancellationToken: context.RequestAborted);
        }
        catch (WorkbookRejectedException rejected)
        {
            return RejectedWorkbook.Problem(rejected);
        }

        var name = city.Value.Name;
        if (import.CityId != city.Id)
        {
            var mismatch = $"This workbook is the action plan of {import.CityName ?? "another city"} ({import.CityId}), not of {name} ({city.Id}). "
                + $"Download the action plan of {name}, enter your changes there and upload it; or upload this one to the plan it belongs to.";
            return ProblemResponses.Problem(StatusCodes.Status422UnprocessableEntity, "The workbook does not fit this action plan", mismatch, [new ProblemError("_meta", ProblemCodes.Mismatch, mismatch)]);
        }

        var plan = await plans.GetAsync(city.Id, cancellationToken: context.RequestAborted);
        if (expected.Version is { } version && version != plan.RowVersion)
        {
            return ProblemResponses.Problem(
                StatusCodes.Status412PreconditionFailed,
                "The action plan changed since your version",
                $"The action plan of {name} is now at version {plan.RowVersion}, not {version}. Upload again without If-Match to apply only the rows "
                    + "you changed in this workbook (changes others saved stay as they are), or download a fresh workbook.");
        }

        var merged = ActionPlanMerge.Merge(plan, import.Baseline, import.Rows, catalog.FindLatest(plan.RubricId)!, ActionPlanStore.NewActionId);
        if (merged.Actions is null)
        {
            return MergeRefused(import, merged.Problems);
        }

        var after = plan;
        if (merged.Added + merged.Changed > 0)
        {
            var result = await plans.ReplaceActionsAsync(city.Id, plan.RubricId, merged.Actions, plan.RowVersion, caller.KeyId, context.RequestAborted);
            if (result.Outcome != WriteOutcome.Done)
            {
                return ProblemResponses.Refused(result);
            }

            after = result.Value!;
        }

        var summary = merged.Added + merged.Changed == 0
            ? "No changes: every row in the workbook is as the plan has it, so nothing was written."
            : $"{Count(merged.Added, "action")} added, {Count(merged.Changed, "action")} changed.";
        VersionHeaders.SetETag(context.Response, after.RowVersion);
        return TypedResults.Ok(new ActionPlanImportResponse(
            import.Rows.Count, merged.Added, merged.Changed, summary, await RespondAsync(after, plans, catalog, clock, context.RequestAborted)));
    }

    /// <summary>
    /// Rows the plan cannot take, each at its cell: 409 when every one is a conflict with a change saved since the export
    /// (the workbook itself is fine), 422 otherwise. Nothing was written.
    /// </summary>
    private static ProblemHttpResult MergeRefused(ActionPlanWorkbookImport import, IReadOnlyList<ImportedActionProblem> problems)
    {
        var errors = problems.Select(p => new ProblemError(import.CellOf(p.Row, p.Problem.Field), ActionProblems.CodeOf(p.Problem.Kind), $"{p.Problem.Field} {p.Problem.Message}")).ToArray();
        return problems.All(p => p.Problem.Kind == ActionProblemKind.Conflict)
            ? ProblemResponses.Problem(
                StatusCodes.Status409Conflict,
                "The workbook conflicts with changes saved since it was exported",
                $"{Count(errors.Length, "row")} of the workbook changed an action that was also changed or removed in the plan since version {import.PlanVersion}, "
                    + "when the workbook was exported. Nothing was written; see errors.",
                errors)
            : ProblemResponses.Problem(
                StatusCodes.Status422UnprocessableEntity,
                "The workbook cannot be imported",
                errors.Length == 1 ? $"{errors[0].Field}: {errors[0].Message}. Nothing was written." : $"{errors.Length} problems; see errors. Nothing was written.",
                errors);
    }

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    private static async Task<Results<Created<ActionPlanResponse>, ProblemHttpResult>> StartFromNextStep(
        VisibleCity city, ExpectedVersion expected, JsonBody<NextStepActionRequest> body, Caller caller, HttpContext context,
        ActionPlanStore plans, AssessmentStore assessments, ScoreCache scores, RubricCatalog catalog, TimeProvider clock, string? lang)
    {
        var request = body.Value;
        var errors = new List<ProblemError>();
        if (string.IsNullOrWhiteSpace(request.AssessmentId))
        {
            errors.Add(new ProblemError("assessmentId", ProblemCodes.Required, "is required: the id of one of the city's assessments"));
        }

        if (string.IsNullOrWhiteSpace(request.IndicatorId))
        {
            errors.Add(new ProblemError("indicatorId", ProblemCodes.Required, "is required: the indicator of the next step, as listed in the assessment's score"));
        }

        if (errors.Count > 0)
        {
            return ProblemResponses.Invalid(errors);
        }

        var assessment = await assessments.FindAsync(request.AssessmentId!, context.RequestAborted);
        if (assessment is null || assessment.CityId != city.Id || !caller.Rights.CanSeeAssessment(assessment))
        {
            return ProblemResponses.Invalid([new ProblemError("assessmentId", ProblemCodes.Unknown, $"'{request.AssessmentId}' is not an assessment of city '{city.Id}'")]);
        }

        if (NextStepAction.Find(await scores.ScoreAsync(assessment, context.RequestAborted), request.IndicatorId!) is not { } step)
        {
            return ProblemResponses.Invalid([new ProblemError(
                "indicatorId", ProblemCodes.NotAllowed, $"'{request.IndicatorId}' has no next step in assessment '{assessment.Id}' (it is at the top level, or not an indicator of its rubric)")]);
        }

        var plan = await plans.GetAsync(city.Id, cancellationToken: context.RequestAborted);
        var input = NextStepAction.From(step, RequestLanguage.Resolve(context.Request, lang));
        var result = await plans.AddActionAsync(city.Id, plan.RubricId, input, expected.Version, caller.KeyId, context.RequestAborted);
        if (result.Outcome != WriteOutcome.Done)
        {
            return ProblemResponses.Refused(result);
        }

        VersionHeaders.SetETag(context.Response, result.Value!.RowVersion);
        return TypedResults.Created($"/api/v1/cities/{city.Id}/action-plan", await RespondAsync(result.Value, plans, catalog, clock, context.RequestAborted));
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
