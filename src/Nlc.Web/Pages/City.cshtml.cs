using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Nlc.Core.Rubrics;
using Nlc.Storage;
using Nlc.Web.Accounts;
using Nlc.Web.Cities;

namespace Nlc.Web.Pages;

/// <summary>One city's assessments and the form to start one; a city the person may not see is not found.</summary>
public sealed class CityModel(CityOverviews overviews, AssessmentStore assessments, RubricCatalog rubrics, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>The rubric new assessments are made against (its latest version).</summary>
    public const string RubricId = "nlc";

    /// <summary>The city shown.</summary>
    public CityOverview City { get; private set; } = null!;

    /// <summary>The period typed into the start form.</summary>
    [BindProperty]
    public string? Period { get; set; }

    /// <summary>Says an assessment was started, after the redirect.</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>Shows the city, or 404.</summary>
    public async Task<IActionResult> OnGetAsync(string cityId)
    {
        var city = await overviews.FindAsync(cityId, AccountPrincipal.Rights(User), HttpContext.RequestAborted);
        if (city is null)
        {
            return NotFound();
        }

        City = city;
        return Page();
    }

    /// <summary>Starts an assessment of the city for the period typed, through the store call the API uses.</summary>
    public async Task<IActionResult> OnPostStartAsync(string cityId)
    {
        var rights = AccountPrincipal.Rights(User);
        var city = await overviews.FindAsync(cityId, rights, HttpContext.RequestAborted);
        if (city is null)
        {
            return NotFound();
        }

        if (!city.MayStart)
        {
            return Forbid();
        }

        var rubric = rubrics.FindLatest(RubricId) ?? rubrics.Latest.FirstOrDefault();
        if (!Nlc.Core.Periods.Period.TryParse(Period?.Trim(), out var period))
        {
            ModelState.AddModelError(nameof(Period), text[string.IsNullOrWhiteSpace(Period) ? "StartPeriodRequired" : "StartPeriodInvalid", text["PeriodExamples"]]);
        }
        else if (rubric is null)
        {
            ModelState.AddModelError(nameof(Period), text["StartNoRubric"]);
        }
        else
        {
            var started = await assessments.CreateAsync(cityId, rubric, period, AccountPrincipal.AccountId(User), HttpContext.RequestAborted);
            if (started.Outcome == WriteOutcome.Done)
            {
                Notice = text["StartedNotice", period.ToString(), city.City.Name];
                return RedirectToPage(new { cityId });
            }

            ModelState.AddModelError(nameof(Period), text["StartPeriodTaken", period.ToString()]);
        }

        City = city;
        ViewData["Period"] = Period;
        return Page();
    }
}
