using Microsoft.AspNetCore.Mvc;
using Nlc.Core.Benchmarking;
using Nlc.Core.Rubrics;
using Nlc.Excel;
using Nlc.Excel.Reports;
using Nlc.Storage;
using Nlc.Storage.Network;
using Nlc.Web.Assessments;
using Nlc.Web.Hub;

namespace Nlc.Web.Pages.Hub;

/// <summary>
/// The heat map: the validated cities of one period × practices (or pillars), each cell coloured by its band and showing its
/// score, with the group's median and quartiles below; the same filters as the overview; exported to the hub comparison workbook.
/// </summary>
public sealed class HeatMapModel(NetworkOverview overview, BenchmarkStore benchmarks, HeatMapGroups groups, CityComparisons comparisons, RubricCatalog rubrics) : HubFilterPage
{
    /// <summary>Cities shown per page.</summary>
    public const int PageSize = 100;

    /// <summary>"pillars" for pillar columns; practices otherwise.</summary>
    [BindProperty(SupportsGet = true, Name = "by")]
    public string? By { get; set; }

    /// <summary>The page number, from 1.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Whether the columns are pillars.</summary>
    public bool ByPillar => By == "pillars";

    /// <summary>The values the filters offer.</summary>
    public NetworkView Options { get; private set; } = null!;

    /// <summary>The rubric version the columns are of.</summary>
    public Rubric? Rubric { get; private set; }

    /// <summary>The period shown (the filter's, else the latest).</summary>
    public string? ShownPeriod { get; private set; }

    /// <summary>The columns: id and title.</summary>
    public IReadOnlyList<(string Id, string Title)> Columns { get; private set; } = [];

    /// <summary>The page of cities shown, by name.</summary>
    public Page<ScoredCity> Cities { get; private set; } = new([], 0, PageSize, 0);

    /// <summary>The statistics of every city in the group (not only this page).</summary>
    public GroupStatistics? Statistics { get; private set; }

    /// <summary>Shows the heat map.</summary>
    public async Task OnGetAsync()
    {
        var eligible = await EligibleAsync();
        if (Rubric is null)
        {
            return;
        }

        var (sorted, statistics) = groups.Of(eligible, Filter, Rubric);
        PageNumber = Math.Max(1, PageNumber);
        var offset = (PageNumber - 1) * PageSize;
        Cities = new Page<ScoredCity>(sorted.Skip(offset).Take(PageSize).ToArray(), sorted.Count, PageSize, offset);
        Statistics = statistics;
        var locale = AssessmentPage.Locale;
        Columns = ByPillar
            ? Rubric.Pillars.Select(p => (p.Id, p.Title.Get(locale))).ToArray()
            : Rubric.Practices.Select(p => (p.Id, p.Title.Get(locale))).ToArray();
    }

    /// <summary>The hub comparison workbook of the same cities and period.</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        await EligibleAsync();
        if (Rubric is null || ShownPeriod is null)
        {
            return NotFound();
        }

        var filter = Filter.AsPeerGroup();
        var compared = (await comparisons.ReadAsync(Rubric, Rubric.Version.Major, ShownPeriod, filter, HttpContext.RequestAborted))
            .Where(c => Filter.RubricVersion is null || c.Member.City.RubricVersion == Filter.RubricVersion);
        var entries = compared.Select(c => new HubComparisonEntry(
            c.Member.City.CityName, c.Member.Country, ShownPeriod, c.Score, AssessmentStore.StatusText(c.Assessment.Status), c.Previous?.Period, c.PreviousScore)).ToArray();
        var group = Filter.Any ? string.Join(", ", Filter.Query().Where(q => q.Key != "period").Select(q => $"{q.Key} {q.Value}")) : null;
        var bytes = HubComparisonReportWriter.Write(Rubric, entries, AssessmentPage.Locale, string.IsNullOrEmpty(group) ? null : group);
        return File(bytes, XlsxFile.ContentType, $"nlc-comparison-{Rubric.Id}-{ShownPeriod}{XlsxFile.Extension}");
    }

    /// <summary>The link to page <paramref name="page"/> with the same filters.</summary>
    public string PageLink(int page) => "/hub/heat-map" + QueryWith(("by", By), ("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The link that exports what is shown.</summary>
    public string ExportLink => "/hub/heat-map" + QueryWith(("period", Filter.Period is null ? ShownPeriod : null), ("handler", "Export"));

    /// <summary>The validated cities of the period shown (before the filters), with the rubric and period chosen.</summary>
    private async Task<IReadOnlyList<PeerCity>> EligibleAsync()
    {
        Options = await overview.OptionsAsync(HttpContext.RequestAborted);
        Rubric = Filter.RubricVersion is { } wanted && RubricVersion.TryParse(wanted, out var version)
            ? rubrics.Find(Pages.CityModel.RubricId, version)
            : rubrics.FindLatest(Pages.CityModel.RubricId);
        ShownPeriod = Filter.Period ?? Options.Periods.FirstOrDefault();
        if (Rubric is null || ShownPeriod is null)
        {
            return [];
        }

        return await benchmarks.EligibleAsync(
            Rubric.Id, Rubric.Version.Major, ShownPeriod,
            new ScoreSnapshotReader(Rubric.Pillars.Select(p => p.Id), Rubric.Practices.Select(p => p.Id)), HttpContext.RequestAborted);
    }
}
