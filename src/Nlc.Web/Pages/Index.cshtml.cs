using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nlc.Storage;
using Nlc.Web.Accounts;
using Nlc.Web.Cities;

namespace Nlc.Web.Pages;

/// <summary>The home page of a signed-in person: their cities (all cities, paged, for admin, hub and partner users) with each city's assessments.</summary>
public sealed class IndexModel(CityOverviews overviews) : PageModel
{
    /// <summary>Cities shown per page.</summary>
    public const int PageSize = 10;

    /// <summary>The page number, from 1.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The cities shown.</summary>
    public Page<CityOverview> Cities { get; private set; } = new([], 0, PageSize, 0);

    /// <summary>Reads the page of cities.</summary>
    public async Task OnGetAsync()
    {
        PageNumber = Math.Max(1, PageNumber);
        Cities = await overviews.PageAsync(AccountPrincipal.Rights(User), PageNumber, PageSize, HttpContext.RequestAborted);
    }
}
