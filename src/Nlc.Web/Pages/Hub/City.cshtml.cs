using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nlc.Core.Assessments;
using Nlc.Core.Progress;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;
using Nlc.Storage;
using Nlc.Web.Accounts;
using Nlc.Web.Assessments;
using Nlc.Web.Cities;

namespace Nlc.Web.Pages.Hub;

/// <summary>A city as the hub follows it: every period with its status, its progress chart and targets, and its audit trail filtered by who and what.</summary>
[Authorize(Roles = "admin,hub")]
public sealed class CityModel(CityOverviews overviews, CityProgress progress, RubricCatalog rubrics, AuditLog audit, ActorNames names) : PageModel
{
    /// <summary>Audit entries shown per page.</summary>
    public const int AuditPageSize = 50;

    /// <summary>The city and its assessments.</summary>
    public CityOverview City { get; private set; } = null!;

    /// <summary>Its assessments of the rubric, oldest period first, with scores.</summary>
    public IReadOnlyList<(Assessment Assessment, ScoreResult Score)> Series { get; private set; } = [];

    /// <summary>The rubric of the latest assessment (for pillar names), or the latest rubric.</summary>
    public Rubric? Rubric { get; private set; }

    /// <summary>Progress toward the city's targets from the first period to the latest; null when it has none.</summary>
    public TargetProgress? Targets { get; private set; }

    /// <summary>The period the targets are set for.</summary>
    public string? TargetPeriod { get; private set; }

    /// <summary>The audit entries shown, with their actors' names.</summary>
    public IReadOnlyList<(AuditEntry Entry, string Who)> Trail { get; private set; } = [];

    /// <summary>How many audit entries match the filters.</summary>
    public int TrailTotal { get; private set; }

    /// <summary>Who has acted on the city (id and name), for the filter.</summary>
    public IReadOnlyList<(string Id, string Name)> Actors { get; private set; } = [];

    /// <summary>The actions recorded, for the filter.</summary>
    public IReadOnlyList<string> Actions { get; private set; } = [];

    /// <summary>Only entries by this actor id.</summary>
    [BindProperty(SupportsGet = true, Name = "who")]
    public string? Who { get; set; }

    /// <summary>Only entries of this action.</summary>
    [BindProperty(SupportsGet = true, Name = "what")]
    public string? What { get; set; }

    /// <summary>The audit page, from 1.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Shows the city, or 404.</summary>
    public async Task<IActionResult> OnGetAsync(string cityId)
    {
        var cancel = HttpContext.RequestAborted;
        var rights = AccountPrincipal.Rights(User);
        var city = await overviews.FindAsync(cityId, rights, cancel);
        if (city is null)
        {
            return NotFound();
        }

        City = city;
        Series = await progress.SeriesAsync(cityId, Pages.CityModel.RubricId, rights, cancel);
        Rubric = Series.Count > 0 ? rubrics.Find(Series[^1].Assessment.RubricId, Series[^1].Assessment.RubricVersion) : rubrics.FindLatest(Pages.CityModel.RubricId);
        if (Series.Count > 0 && await progress.TargetsAsync(Series, Series[^1].Score, rights, cancel) is { } targets)
        {
            (Targets, TargetPeriod) = targets;
        }

        var (actors, actions) = await audit.FacetsForCityAsync(cityId, cancel);
        var named = new List<(string, string)>();
        foreach (var actor in actors)
        {
            named.Add((actor, await names.NameAsync(actor, cancel)));
        }

        Actors = named;
        Actions = actions;
        PageNumber = Math.Max(1, PageNumber);
        var who = string.IsNullOrWhiteSpace(Who) ? null : Who;
        var what = string.IsNullOrWhiteSpace(What) ? null : What;
        var page = await audit.ListForCityAsync(cityId, who, what, AuditPageSize, (PageNumber - 1) * AuditPageSize, cancel);
        TrailTotal = page.Total;
        Trail = page.Items.Select(e => (e, Actors.FirstOrDefault(a => a.Id == e.Actor).Name ?? e.Actor)).ToArray();
        return Page();
    }

    /// <summary>The link to audit page <paramref name="page"/> with the same filters.</summary>
    public string AuditPageLink(int page) =>
        Microsoft.AspNetCore.Http.QueryString.Create(new Dictionary<string, string?> { ["who"] = Who, ["what"] = What, ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            .Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent() + "#audit";
}
