using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Nlc.Core.ActionPlans;
using Nlc.Storage;
using Nlc.Web.Accounts;
using Nlc.Web.Assessments;
using Nlc.Web.Plans;

namespace Nlc.Web.Pages.Plans;

/// <summary>
/// One action of a city's plan: its fields, status and dated progress notes. The city's officials write it here (or start
/// it from a next step on the results page); everyone else who may read the plan sees it read-only. Every form posts
/// the plan's version, so a change made meanwhile is refused, said, and nothing typed is lost.
/// </summary>
[Authorize]
public sealed class ActionModel(CityPlans plans, ActionPlanStore store, AssessmentFinder assessments, ScoreCache scores, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>The route value for an action not yet written.</summary>
    public const string NewActionId = "new";

    /// <summary>The plan the action belongs to.</summary>
    public CityPlan Shown { get; private set; } = null!;

    /// <summary>The action as stored; null for a new one.</summary>
    public PlanAction? Stored { get; private set; }

    /// <summary>Whether a write was refused because the plan changed meanwhile (the page then shows what is stored now).</summary>
    public bool WasStale { get; private set; }

    /// <summary>The action's fields, as stored or as typed.</summary>
    [BindProperty]
    public ActionForm Form { get; set; } = new();

    /// <summary>The plan's version the page was read at.</summary>
    [BindProperty]
    public long Version { get; set; }

    /// <summary>The status chosen in the status form.</summary>
    [BindProperty]
    public string? Status { get; set; }

    /// <summary>Why the action is dropped.</summary>
    [BindProperty]
    public string? DropReason { get; set; }

    /// <summary>The progress note's day, as typed.</summary>
    [BindProperty]
    public string? NoteDate { get; set; }

    /// <summary>The progress note's text.</summary>
    [BindProperty]
    public string? NoteText { get; set; }

    /// <summary>Says what was just done, after a redirect.</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>Whether the action is not yet written.</summary>
    public bool IsNew => Stored is null;

    /// <summary>Shows the action (or an empty form for a new one), or 404.</summary>
    public async Task<IActionResult> OnGetAsync(string cityId, string actionId)
    {
        if (!await LoadAsync(cityId, actionId) || (IsNew && !Shown.MayEdit))
        {
            return NotFound();
        }

        Form = Stored is null ? new ActionForm() : ActionForm.From(Stored);
        Status = Stored is null ? null : ActionPlanStore.StatusName(Stored.Status);
        Version = Shown.Plan.RowVersion;
        return Page();
    }

    /// <summary>Writes the action's fields.</summary>
    public async Task<IActionResult> OnPostSaveAsync(string cityId, string actionId)
    {
        if (await RefuseAsync(cityId, actionId) is { } refused)
        {
            return refused;
        }

        var (input, badDates) = Form.ToInput();
        if (input is null)
        {
            return Refuse(badDates.Select(field => new PageError(field == "start" ? "Start" : "Due", text["PlanDateInvalid", text[field == "start" ? "PlanFieldStart" : "PlanFieldDue"]])));
        }

        if (ActionRules.Check(input, Shown.Rubric) is { Count: > 0 } problems)
        {
            return Refuse(problems.Select(p => ActionProblemText.For(p, text)));
        }

        var actor = AccountPrincipal.AccountId(User);
        var result = IsNew
            ? await store.AddActionAsync(cityId, Shown.Plan.RubricId, input, Version, actor, HttpContext.RequestAborted)
            : await store.UpdateActionAsync(cityId, Stored!.Id, input, Version, actor, HttpContext.RequestAborted);
        return Written(result, cityId, IsNew ? "PlanActionAddedNotice" : "PlanActionSavedNotice", toPlan: true);
    }

    /// <summary>Sets the action's status; a dropped action needs a reason.</summary>
    public async Task<IActionResult> OnPostStatusAsync(string cityId, string actionId)
    {
        if (await RefuseAsync(cityId, actionId) is { } refused)
        {
            return refused;
        }

        if (IsNew)
        {
            return NotFound();
        }

        Form = ActionForm.From(Stored!);

        var status = Enum.GetValues<ActionStatus>().FirstOrDefault(s => ActionPlanStore.StatusName(s) == Status, (ActionStatus)(-1));
        if (!Enum.IsDefined(status))
        {
            return Refuse([new PageError("Status", text["PlanStatusRequired"])]);
        }

        if (ActionRules.CheckStatus(status, DropReason) is { Count: > 0 } problems)
        {
            return Refuse(problems.Select(p => ActionProblemText.For(p, text)));
        }

        var result = await store.SetStatusAsync(cityId, Stored!.Id, status, DropReason, Version, AccountPrincipal.AccountId(User), HttpContext.RequestAborted);
        return Written(result, cityId, "PlanStatusSavedNotice", toPlan: false);
    }

    /// <summary>Adds a dated progress note.</summary>
    public async Task<IActionResult> OnPostNoteAsync(string cityId, string actionId)
    {
        if (await RefuseAsync(cityId, actionId) is { } refused)
        {
            return refused;
        }

        if (IsNew)
        {
            return NotFound();
        }

        Form = ActionForm.From(Stored!);

        var badDates = new List<string>();
        var day = ActionForm.ReadDate(NoteDate, "date", badDates);
        if (badDates.Count > 0)
        {
            return Refuse([new PageError("NoteDate", text["PlanDateInvalid", text["PlanFieldNoteDate"]])]);
        }

        if (ActionRules.CheckNote(day, NoteText) is { Count: > 0 } problems)
        {
            return Refuse(problems.Select(p => ActionProblemText.For(p, text)));
        }

        var result = await store.AddNoteAsync(cityId, Stored!.Id, new ProgressNote(day!.Value, NoteText!), Version, AccountPrincipal.AccountId(User), HttpContext.RequestAborted);
        return Written(result, cityId, "PlanNoteAddedNotice", toPlan: false);
    }

    /// <summary>Removes the action from the plan (the audit trail keeps it).</summary>
    public async Task<IActionResult> OnPostRemoveAsync(string cityId, string actionId)
    {
        if (await RefuseAsync(cityId, actionId) is { } refused)
        {
            return refused;
        }

        if (IsNew)
        {
            return NotFound();
        }

        Form = ActionForm.From(Stored!);

        var result = await store.RemoveActionAsync(cityId, Stored!.Id, Version, AccountPrincipal.AccountId(User), HttpContext.RequestAborted);
        return Written(result, cityId, "PlanActionRemovedNotice", toPlan: true);
    }

    /// <summary>
    /// Starts an action from one of an assessment's next steps: its practice, indicator and level filled in, then opens it
    /// so the person adds who is responsible and when.
    /// </summary>
    public async Task<IActionResult> OnPostFromNextStepAsync(string cityId, string assessmentId, string indicatorId)
    {
        var rights = AccountPrincipal.Rights(User);
        var open = await assessments.FindAsync(assessmentId, rights, HttpContext.RequestAborted);
        if (open is null || open.Assessment.CityId != cityId || !await LoadAsync(cityId, NewActionId))
        {
            return NotFound();
        }

        if (!Shown.MayEdit)
        {
            return Forbid();
        }

        var step = NextStepAction.Find(await scores.ScoreAsync(open.Assessment, HttpContext.RequestAborted), indicatorId);
        if (step is null)
        {
            return NotFound();
        }

        var input = NextStepAction.From(step.Value, AssessmentPage.Locale);
        var result = await store.AddActionAsync(cityId, Shown.Plan.RubricId, input, Shown.Plan.RowVersion, AccountPrincipal.AccountId(User), HttpContext.RequestAborted);
        if (result.Outcome != WriteOutcome.Done)
        {
            // Someone changed the plan between the read and the write: a new action overwrites nothing, so try once more on the fresh plan.
            var plan = await store.GetAsync(cityId, cancellationToken: HttpContext.RequestAborted);
            result = await store.AddActionAsync(cityId, plan.RubricId, input, plan.RowVersion, AccountPrincipal.AccountId(User), HttpContext.RequestAborted);
        }

        if (result.Outcome != WriteOutcome.Done)
        {
            Notice = text["PlanStale"];
            return Redirect($"/assessments/{assessmentId}/results");
        }

        Notice = text["PlanStartedNotice"];
        return Redirect($"/cities/{cityId}/plan/actions/{result.Value!.Actions[^1].Id}");
    }

    private async Task<bool> LoadAsync(string cityId, string actionId)
    {
        var found = await plans.FindAsync(cityId, AccountPrincipal.Rights(User), HttpContext.RequestAborted);
        if (found is null)
        {
            return false;
        }

        Shown = found;
        Stored = actionId == NewActionId ? null : found.Plan.Find(actionId);
        return actionId == NewActionId || Stored is not null;
    }

    private async Task<IActionResult?> RefuseAsync(string cityId, string actionId)
    {
        if (!await LoadAsync(cityId, actionId))
        {
            return NotFound();
        }

        return Shown.MayEdit ? null : Forbid();
    }

    private PageResult Refuse(IEnumerable<PageError> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.FieldId, error.Message);
        }

        return Page();
    }

    private IActionResult Written(WriteResult<ActionPlan> result, string cityId, string noticeKey, bool toPlan)
    {
        switch (result.Outcome)
        {
            case WriteOutcome.Done:
                Notice = text[noticeKey];
                return Redirect(toPlan || result.Value!.Find(Stored?.Id ?? "") is null ? $"/cities/{cityId}/plan" : $"/cities/{cityId}/plan/actions/{Stored!.Id}");
            case WriteOutcome.Stale:
                // What the person typed stays in the form; the page shows what is stored now, and the next save is against it.
                WasStale = true;
                Version = Shown.Plan.RowVersion;
                ModelState.AddModelError("stale", text["PlanStale"]);
                return Page();
            default:
                ModelState.AddModelError("stale", text["PlanActionGone"]);
                return Page();
        }
    }
}
