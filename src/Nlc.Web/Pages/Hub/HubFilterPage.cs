using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nlc.Web.Hub;

namespace Nlc.Web.Pages.Hub;

/// <summary>What the hub's filtered pages share: hub and admin users only, and the filters read from the query.</summary>
[Authorize(Roles = "admin,hub")]
public abstract class HubFilterPage : PageModel
{
    /// <summary>A country code, or empty for any.</summary>
    [BindProperty(SupportsGet = true, Name = "country")]
    public string? Country { get; set; }

    /// <summary>A region, or empty for any.</summary>
    [BindProperty(SupportsGet = true, Name = "region")]
    public string? Region { get; set; }

    /// <summary>A tag, or empty for any.</summary>
    [BindProperty(SupportsGet = true, Name = "tag")]
    public string? Tag { get; set; }

    /// <summary>A population band id, or empty for any.</summary>
    [BindProperty(SupportsGet = true, Name = "band")]
    public string? Band { get; set; }

    /// <summary>A period, or empty for any (the latest).</summary>
    [BindProperty(SupportsGet = true, Name = "period")]
    public string? Period { get; set; }

    /// <summary>A rubric version, or empty for any.</summary>
    [BindProperty(SupportsGet = true, Name = "version")]
    public string? Version { get; set; }

    /// <summary>The filters asked for (blank ones are none).</summary>
    public NetworkFilter Filter => new(Blank(Country), Blank(Region), Blank(Tag), Blank(Band), Blank(Period), Blank(Version));

    /// <summary>The query text of the filters plus <paramref name="extra"/>, for links that keep them.</summary>
    public string QueryWith(params (string Name, string? Value)[] extra) =>
        QueryString.Create(Filter.Query().Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))
            .Concat(extra.Where(e => e.Value is not null).Select(e => new KeyValuePair<string, string?>(e.Name, e.Value)))).ToUriComponent();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
