using Nlc.Core.ActionPlans;
using Nlc.Storage;

namespace Nlc.Api.ActionPlans;

/// <summary>What an action should move: a practice, optionally one of its indicators, and the level to reach (1 to the scale's top).</summary>
public sealed record ActionTargetRequest(string PracticeId, int TargetLevel, string? IndicatorId = null);

/// <summary>The fields of an action as written: title, description, targets, responsible person or body, partners, start and due dates.</summary>
public sealed record ActionRequest(
    string? Title, IReadOnlyList<ActionTargetRequest>? Targets, string? Responsible, string? Description = null, IReadOnlyList<string>? Partners = null,
    DateOnly? Start = null, DateOnly? Due = null)
{
    /// <summary>As the domain's input.</summary>
    public ActionInput ToInput() => new(Title, Description, Targets?.Select(t => new ActionTarget(t.PracticeId, t.IndicatorId, t.TargetLevel)).ToArray(), Responsible, Partners, Start, Due);
}

/// <summary>A new status for an action; <c>dropReason</c> is required for <c>dropped</c> and refused otherwise.</summary>
public sealed record ActionStatusRequest(ActionStatus? Status, string? DropReason = null);

/// <summary>A dated progress note.</summary>
public sealed record ProgressNoteRequest(DateOnly? Date, string? Text);

/// <summary>Publish the plan to partners (true) or withdraw it (false).</summary>
public sealed record PublicationRequest(bool? Published);

/// <summary>One action as stored, with whether it is overdue as of the plan's <c>asOf</c> date.</summary>
public sealed record ActionResponse(
    string Id, string Title, string Description, IReadOnlyList<ActionTarget> Targets, string Responsible, IReadOnlyList<string> Partners,
    DateOnly? Start, DateOnly? Due, ActionStatus Status, string? DropReason, IReadOnlyList<ProgressNote> Notes, bool Overdue)
{
    /// <summary>The response for <paramref name="action"/> as of <paramref name="asOf"/>.</summary>
    public static ActionResponse From(PlanAction action, DateOnly asOf) => new(
        action.Id, action.Title, action.Description, action.Targets, action.Responsible, action.Partners, action.Start, action.Due,
        action.Status, action.DropReason, action.Notes, action.IsOverdue(asOf));
}

/// <summary>The plan's figures: counts by status, overdue, and the share done (done / (actions − dropped); null when none is left to count).</summary>
public sealed record PlanProgressResponse(int Actions, int Planned, int InProgress, int Done, int Dropped, int Overdue, double? ShareDone)
{
    /// <summary>The response for <paramref name="progress"/>.</summary>
    public static PlanProgressResponse From(PlanProgress progress) =>
        new(progress.Actions, progress.Planned, progress.InProgress, progress.Done, progress.Dropped, progress.Overdue, progress.ShareDone);
}

/// <summary>A practice an action targets: its action ids, the highest target, and its level in the baseline period and the latest later one.</summary>
public sealed record PracticeActionsResponse(
    string PracticeId, IReadOnlyList<string> ActionIds, int TargetLevel, int? BaselineLevel, string? LatestPeriod, int? LatestLevel, LevelMovement Movement, bool TargetReached);

/// <summary>
/// A city's action plan with its version (also the ETag; send it as If-Match with every write), the figures as of
/// <c>asOf</c>, the overdue actions, and each targeted practice beside the scores of validated assessments from <c>baselinePeriod</c> on.
/// </summary>
public sealed record ActionPlanResponse(
    string CityId, string RubricId, bool Published, long Version, DateOnly AsOf, IReadOnlyList<ActionResponse> Actions, PlanProgressResponse Progress,
    IReadOnlyList<string> OverdueActionIds, string? BaselinePeriod, IReadOnlyList<PracticeActionsResponse> Practices);

/// <summary>Builds plan responses; the one place the plan's read model is put together (the web pages can use it too).</summary>
public static class ActionPlanView
{
    /// <summary>The response for <paramref name="plan"/> as of <paramref name="asOf"/>, its practices measured from <paramref name="baselinePeriod"/> (the first period of <paramref name="series"/> when null).</summary>
    public static ActionPlanResponse Build(ActionPlan plan, Nlc.Core.Rubrics.Rubric rubric, IReadOnlyList<PeriodLevels> series, DateOnly asOf, string? baselinePeriod)
    {
        var baseline = baselinePeriod ?? series.FirstOrDefault()?.Period;
        var practices = PracticeActions.Of(rubric, plan.Actions, series, baseline)
            .Select(p => new PracticeActionsResponse(p.PracticeId, p.Actions.Select(a => a.Id).ToArray(), p.TargetLevel, p.BaselineLevel, p.LatestPeriod, p.LatestLevel, p.Movement, p.TargetReached))
            .ToArray();
        return new ActionPlanResponse(
            plan.CityId, plan.RubricId, plan.Published, plan.RowVersion, asOf,
            plan.Actions.Select(a => ActionResponse.From(a, asOf)).ToArray(),
            PlanProgressResponse.From(PlanProgress.Of(plan.Actions, asOf)),
            PlanProgress.OverdueActions(plan.Actions, asOf).Select(a => a.Id).ToArray(),
            baseline,
            practices);
    }

    /// <summary>The stored name of <paramref name="status"/>.</summary>
    public static string Name(ActionStatus status) => ActionPlanStore.StatusName(status);
}

/// <summary>Which next step to start an action from: one of the city's assessments and the indicator of one of its next steps.</summary>
/// <param name="AssessmentId">The assessment whose next steps are meant.</param>
/// <param name="IndicatorId">The indicator of the next step, as listed in the assessment's score (gaps).</param>
public sealed record NextStepActionRequest(string? AssessmentId, string? IndicatorId);

/// <summary>
/// What an uploaded action-plan workbook did: how many rows it held, how many actions it added and changed (only rows
/// changed in it since the export), a one-line summary, and the plan now.
/// </summary>
public sealed record ActionPlanImportResponse(int RowsInWorkbook, int Added, int Changed, string Summary, ActionPlanResponse Plan);
