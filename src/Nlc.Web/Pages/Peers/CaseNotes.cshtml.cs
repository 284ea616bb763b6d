using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nlc.Core.Cities;
using Nlc.Core.PeerLearning;
using Nlc.Core.Rubrics;
using Nlc.Storage;
using Nlc.Web.Accounts;

namespace Nlc.Web.Pages.Peers;

/// <summary>A city's case notes with their status (and the hub's reason when one came back), and the way to write one.</summary>
[Authorize]
public sealed class CaseNotesModel(CityStore cities, PeerLearningStore peers, RubricCatalog rubrics) : PageModel
{
    /// <summary>The city.</summary>
    public City City { get; private set; } = null!;

    /// <summary>The rubric the notes' practices belong to.</summary>
    public Rubric Rubric { get; private set; } = null!;

    /// <summary>The city's notes, newest first.</summary>
    public IReadOnlyList<CaseNote> Notes { get; private set; } = [];

    /// <summary>Whether this person may write the city's notes.</summary>
    public bool MayWrite { get; private set; }

    /// <summary>Shows the notes, or 404.</summary>
    public async Task<IActionResult> OnGetAsync(string cityId)
    {
        var rights = AccountPrincipal.Rights(User);
        if (rights is null || !rights.SeesPeerLearning || !rights.CanSeeCity(cityId) || await cities.FindAsync(cityId, HttpContext.RequestAborted) is not { } city
            || rubrics.FindLatest(ConsentModel.RubricId) is not { } rubric)
        {
            return NotFound();
        }

        City = city;
        Rubric = rubric;
        MayWrite = rights.MayAnswer;
        Notes = await peers.ListNotesAsync(null, cityId, null, HttpContext.RequestAborted);
        return Page();
    }
}
