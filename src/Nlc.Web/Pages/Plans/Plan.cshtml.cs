using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Nlc.Core.ActionPlans;
using Nlc.Storage;
using Nlc.Web.Accounts;
using Nlc.Web.Plans;

namespace Nlc.Web.Pages.Plans;

/// <summary>
/// A city's action plan beside its scores: how much of it is done, what is overdue, each targeted practice with its
/// level then and now, and every action. The city's officials add actions and publish the plan here; the hub reads it.
/// </summary>
[Authorize]
public sealed class PlanModel(CityPlans plans, ActionPlanStore store, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>The plan shown.</summary>
    public CityPlan Shown { get; private set; } = null!;

    /// <summary>The plan's figures as of today.</summary>
    public PlanProgress Progress { get; private set; } = null!;

    /// <summary>The open actions past their due date, the longest overdue first.</summary>
    public IReadOnlyList<PlanAction> Overdue { get; private set; } = [];

    /// <summary>Each practice an action targets, with its level in the first validated period and the latest one after it.</summary>
    public IReadOnlyList<PracticeActions> Practices { get; private set; } = [];

    /// <summary>The first validated period, the practices' levels are measured from.</summary>
    public string? BaselinePeriod { get; private set; }

    /// <summary>The day overdue is judged on.</summary>
    public DateOnly Today { get; private set; }

    /// <summary>The version the page was read at, posted back with the publish form.</summary>
    [BindProperty]
    public long Version { get; set; }

    /// <summary>Says what was just done, after a redirect.</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>Shows the plan, or 404 for a person who may not read it.</summary>
    public async Task<IActionResult> OnGetAsync(string cityId)
    {
        if (!await LoadAsync(cityId))
        {
            return NotFound();
        }

        Version = Shown.Plan.RowVersion;
        return Page();
    }

    /// <summary>Publishes the plan to partners.</summary>
    public Task<IActionResult> OnPostPublishAsync(string cityId) => SetPublishedAsync(cityId, true);

    /// <summary>Withdraws the plan from partners.</summary>
    public Task<IActionResult> OnPostWithdrawAsync(string cityId) => SetPublishedAsync(cityId, false);

    private async Task<IActionResult> SetPublishedAsync(string cityId, bool published)
    {
        if (!await LoadAsync(cityId))
        {
            return NotFound();
        }

        if (!Shown.MayEdit)
        {
            return Forbid();
        }

        var result = await store.SetPublishedAsync(cityId, published, Version, AccountPrincipal.AccountId(User), HttpContext.RequestAborted);
        if (result.Outcome == WriteOutcome.Done)
        {
            Notice = text[published ? "PlanPublishedNotice" : "PlanWithdrawnNotice"];
            return RedirectToPage(new { cityId });
        }

        ModelState.AddModelError("publication", text["PlanStale"]);
        Version = Shown.Plan.RowVersion;
        return Page();
    }

    private async Task<bool> LoadAsync(string cityId)
    {
        var found = await plans.FindAsync(cityId, AccountPrincipal.Rights(User), HttpContext.RequestAborted);
        if (found is null)
        {
            return false;
        }

        Shown = found;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var actions = found.Plan.Actions;
        Progress = PlanProgress.Of(actions, Today);
        Overdue = PlanProgress.OverdueActions(actions, Today);
        var series = await store.LevelSeriesAsync(cityId, found.Plan.RubricId, found.Rubric.Scale.MaxLevel, HttpContext.RequestAborted);
        BaselinePeriod = series.FirstOrDefault()?.Period;
        Practices = PracticeActions.Of(found.Rubric, actions, series, BaselinePeriod);
        return true;
    }
}
