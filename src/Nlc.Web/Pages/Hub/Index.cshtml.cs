using Microsoft.AspNetCore.Mvc;
using Nlc.Web.Hub;

namespace Nlc.Web.Pages.Hub;

/// <summary>The network overview: every city's latest period, status, completeness, index and change, the counts per period, filtered, sorted and paged.</summary>
public sealed class IndexModel(NetworkOverview overview) : HubFilterPage
{
    /// <summary>Cities shown per page.</summary>
    public const int PageSize = 50;

    /// <summary>The column sorted by.</summary>
    [BindProperty(SupportsGet = true, Name = "sort")]
    public NetworkSort Sort { get; set; } = NetworkSort.City;

    /// <summary>Whether the sort runs from high to low.</summary>
    [BindProperty(SupportsGet = true, Name = "desc")]
    public bool Descending { get; set; }

    /// <summary>The page number, from 1.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>What the page shows.</summary>
    public NetworkView View { get; private set; } = null!;

    /// <summary>Reads the network.</summary>
    public async Task OnGetAsync()
    {
        PageNumber = Math.Max(1, PageNumber);
        View = await overview.ReadAsync(Filter, Sort, Descending, PageNumber, PageSize, HttpContext.RequestAborted);
    }

    /// <summary>The link that sorts by <paramref name="column"/>: ascending, or the other way when it is the column sorted by now.</summary>
    public string SortLink(NetworkSort column) =>
        "/hub" + QueryWith(("sort", column.ToString()), ("desc", column == Sort && !Descending ? "true" : null));

    /// <summary>The link to page <paramref name="page"/> with the same filters and sort.</summary>
    public string PageLink(int page) =>
        "/hub" + QueryWith(("sort", Sort == NetworkSort.City ? null : Sort.ToString()), ("desc", Descending ? "true" : null), ("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The aria-sort value of <paramref name="column"/>'s header.</summary>
    public string? AriaSort(NetworkSort column) => column != Sort ? null : Descending ? "descending" : "ascending";
}
