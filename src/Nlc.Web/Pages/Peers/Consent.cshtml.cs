using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Nlc.Core.Cities;
using Nlc.Core.Languages;
using Nlc.Core.PeerLearning;
using Nlc.Core.Rubrics;
using Nlc.Storage;
using Nlc.Web.Accounts;

namespace Nlc.Web.Pages.Peers;

/// <summary>
/// A city's consent to be contacted by peer cities: the practices it agrees to be asked about and the languages its people
/// can exchange in. Opt-in (nothing until the city sets it) and changeable at any time; it takes effect at once in every
/// suggestion. The city's officials change it; the hub reads it.
/// </summary>
[Authorize]
public sealed class ConsentModel(CityStore cities, PeerLearningStore peers, RubricCatalog rubrics, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>The rubric whose practices consent is given for.</summary>
    public const string RubricId = "nlc";

    /// <summary>The city.</summary>
    public City City { get; private set; } = null!;

    /// <summary>The practices a city may consent to, in rubric order.</summary>
    public Rubric Rubric { get; private set; } = null!;

    /// <summary>Whether this person may change the consent.</summary>
    public bool MayEdit { get; private set; }

    /// <summary>The practices checked.</summary>
    [BindProperty]
    public List<string> PracticeIds { get; set; } = [];

    /// <summary>The exchange languages checked.</summary>
    [BindProperty]
    public List<string> Languages { get; set; } = [];

    /// <summary>The version of the consent the choices were made from (0: never set).</summary>
    [BindProperty]
    public long Version { get; set; }

    /// <summary>The consent as saved now, shown when someone else saved it while this person was choosing.</summary>
    public ContactConsent? SavedNow { get; private set; }

    /// <summary>Says the consent was saved, after the redirect.</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>Shows the city's consent, or 404.</summary>
    public async Task<IActionResult> OnGetAsync(string cityId)
    {
        if (!await LoadAsync(cityId))
        {
            return NotFound();
        }

        var consent = await peers.GetConsentAsync(cityId, HttpContext.RequestAborted);
        PracticeIds = consent.PracticeIds.ToList();
        Languages = consent.Languages.ToList();
        Version = consent.RowVersion;
        return Page();
    }

    /// <summary>Replaces the consent with what is checked (nothing checked withdraws it).</summary>
    public async Task<IActionResult> OnPostAsync(string cityId)
    {
        if (!await LoadAsync(cityId))
        {
            return NotFound();
        }

        if (!MayEdit)
        {
            return Forbid();
        }

        var practiceIds = PracticeIds.Distinct(StringComparer.Ordinal).ToArray();
        var languages = Languages.Distinct(StringComparer.Ordinal).ToArray();
        if (practiceIds.Any(id => Rubric.Practices.All(p => p.Id != id)))
        {
            ModelState.AddModelError("practices", text["ConsentUnknownPractice"]);
        }

        if (languages.Any(l => SupportedLanguages.Match(l) is null))
        {
            ModelState.AddModelError("languages", text["ConsentUnknownLanguage"]);
        }

        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        var result = await peers.SetConsentAsync(new ContactConsent(cityId, practiceIds, languages), Version, AccountPrincipal.AccountId(User), HttpContext.RequestAborted);
        if (result.Outcome == WriteOutcome.Stale)
        {
            // The choices stay as they were made; saving again replaces what is saved now, which the page shows beside them.
            SavedNow = await peers.GetConsentAsync(cityId, HttpContext.RequestAborted);
            Version = SavedNow.RowVersion;
            ModelState.AddModelError("practices", text["ConsentStale"]);
            return Page();
        }

        Notice = text[practiceIds.Length == 0 ? "ConsentWithdrawnNotice" : "ConsentSavedNotice", practiceIds.Length];
        return RedirectToPage(new { cityId });
    }

    private async Task<bool> LoadAsync(string cityId)
    {
        var rights = AccountPrincipal.Rights(User);
        if (rights is null || !rights.SeesPeerLearning || !rights.CanSeeCity(cityId) || await cities.FindAsync(cityId, HttpContext.RequestAborted) is not { } city
            || rubrics.FindLatest(RubricId) is not { } rubric)
        {
            return false;
        }

        City = city;
        Rubric = rubric;
        MayEdit = rights.MayAnswer;
        return true;
    }
}
