using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Nlc.Core.ActionPlans;
using Nlc.Excel;
using Nlc.Excel.ActionPlans;
using Nlc.Excel.Import;
using Nlc.Storage;
using Nlc.Web.Accounts;
using Nlc.Web.Assessments;
using Nlc.Web.Plans;

namespace Nlc.Web.Pages.Plans;

/// <summary>
/// The action plan in Excel: the workbook to download (the writer the API uses), and an edited workbook to upload, read
/// and merged as the API does (<see cref="ActionPlanWorkbookReader"/>, <see cref="ActionPlanMerge"/>), all or nothing,
/// with every problem shown by its cell in the person's language.
/// </summary>
[Authorize]
public sealed class WorkbookModel(CityPlans plans, ActionPlanStore store, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>The plan the page is about.</summary>
    public CityPlan Shown { get; private set; } = null!;

    /// <summary>Says what the last upload did, after the redirect to the plan.</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>Shows the download and, to the city's officials, the upload form.</summary>
    public async Task<IActionResult> OnGetAsync(string cityId) => await LoadAsync(cityId) ? Page() : NotFound();

    /// <summary>The plan's workbook in the page's language, as of today.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string cityId)
    {
        if (!await LoadAsync(cityId))
        {
            return NotFound();
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var bytes = ActionPlanWorkbookWriter.Write(Shown.Plan, Shown.Rubric, Shown.City.Name, today, ActionPlanWorkbookWriter.Served(AssessmentPage.Locale));
        return File(bytes, XlsxFile.ContentType, $"nlc-action-plan-{Shown.City.Id}{XlsxFile.Extension}");
    }

    /// <summary>Reads the uploaded workbook whole, merges it with the plan as it is now, and saves the result in one write, or shows why not.</summary>
    public async Task<IActionResult> OnPostAsync(string cityId, IFormFile? workbook)
    {
        if (!await LoadAsync(cityId))
        {
            return NotFound();
        }

        if (!Shown.MayEdit)
        {
            return Forbid();
        }

        if (workbook is null || workbook.Length == 0)
        {
            return Refuse([new PageError("workbook", text["PlanWorkbookNoFile"])]);
        }

        ActionPlanWorkbookImport import;
        try
        {
            await using var stream = workbook.OpenReadStream();
            import = await ActionPlanWorkbookReader.ReadAsync(stream, AssessmentPage.Locale, HttpContext.RequestAborted);
        }
        catch (WorkbookRejectedException rejected)
        {
            return Refuse(rejected.Problems.Select(p => new PageError("workbook", p.ToString())));
        }

        if (import.CityId != Shown.City.Id)
        {
            return Refuse([new PageError("workbook", text["PlanWorkbookOtherCity", import.CityName ?? import.CityId, Shown.City.Name])]);
        }

        var plan = Shown.Plan;
        var merged = ActionPlanMerge.Merge(plan, import.Baseline, import.Rows, Shown.Rubric, ActionPlanStore.NewActionId);
        if (merged.Actions is null)
        {
            return Refuse(merged.Problems.Select(p => new PageError("workbook", $"{import.CellOf(p.Row, p.Problem.Field)}: {Message(p, import, plan)}")));
        }

        if (merged.Added + merged.Changed == 0)
        {
            Notice = text["PlanWorkbookNoChange"];
            return Redirect($"/cities/{cityId}/plan");
        }

        var result = await store.ReplaceActionsAsync(cityId, plan.RubricId, merged.Actions, plan.RowVersion, AccountPrincipal.AccountId(User), HttpContext.RequestAborted);
        if (result.Outcome != WriteOutcome.Done)
        {
            return Refuse([new PageError("workbook", text["PlanWorkbookMoved"])]);
        }

        Notice = text["PlanWorkbookSaved", merged.Added, merged.Changed];
        return Redirect($"/cities/{cityId}/plan");
    }

    /// <summary>A row's problem in the person's language: the row's own conflict with the plan, or a field's problem as the action form words it.</summary>
    private string Message(ImportedActionProblem problem, ActionPlanWorkbookImport import, ActionPlan plan)
    {
        var actionId = import.Rows.First(r => r.Row == problem.Row).ActionId;
        return problem.Problem.Kind switch
        {
            ActionProblemKind.Conflict when actionId is not null && plan.Find(actionId) is { } saved => text["PlanWorkbookConflict", saved.Title],
            ActionProblemKind.Conflict => text["PlanWorkbookRemoved"],
            ActionProblemKind.Duplicate => text["PlanWorkbookDuplicate"],
            ActionProblemKind.Unknown when problem.Problem.Field == "actionId" => text["PlanWorkbookUnknownAction", actionId ?? ""],
            _ => ActionProblemText.For(problem.Problem, text).Message,
        };
    }

    /// <summary>Shows <paramref name="errors"/> in the error summary and beside the file field; nothing was written.</summary>
    private PageResult Refuse(IEnumerable<PageError> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.FieldId, error.Message);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(string cityId)
    {
        var found = await plans.FindAsync(cityId, AccountPrincipal.Rights(User), HttpContext.RequestAborted);
        Shown = found!;
        return found is not null;
    }
}
