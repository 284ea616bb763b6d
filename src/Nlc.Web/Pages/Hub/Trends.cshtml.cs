using Microsoft.AspNetCore.Mvc;
using Nlc.Core.Benchmarking;
using Nlc.Core.Rubrics;
using Nlc.Storage;
using Nlc.Web.Assessments;
using Nlc.Web.Hub;

namespace Nlc.Web.Pages.Hub;

/// <summary>
/// Trends and peer benchmarks: the median and spread of the index or a pillar across the filtered network by period; and
/// one period's peer benchmark as the hub sees it beside what a city or partner would be shown of the same group
/// (bands, or nothing, with the reason), so staff can explain the disclosure rules.
/// </summary>
public sealed class TrendsModel(NetworkOverview overview, BenchmarkStore benchmarks, RubricCatalog rubrics, PeerPlaces peers) : HubFilterPage
{
    /// <summary>"overall", or a pillar id.</summary>
    [BindProperty(SupportsGet = true, Name = "metric")]
    public string? Metric { get; set; }

    /// <summary>The values the filters offer.</summary>
    public NetworkView Options { get; private set; } = null!;

    /// <summary>The rubric the metrics are of.</summary>
    public Rubric? Rubric { get; private set; }

    /// <summary>The metric's distribution per period, oldest first (null where no city is validated).</summary>
    public IReadOnlyList<(string Period, Distribution? Distribution)> Trend { get; private set; } = [];

    /// <summary>The period of the benchmark (the filter's, else the latest).</summary>
    public string? BenchmarkPeriod { get; private set; }

    /// <summary>The group's benchmark as the hub sees it (exact).</summary>
    public PeerBenchmark? AsHub { get; private set; }

    /// <summary>The same group as a city or partner would see it (restricted release).</summary>
    public PeerBenchmark? AsRestricted { get; private set; }

    /// <summary>Why a city or partner could not even ask for this group (a tag, or two filters at once); null when they could.</summary>
    public string? RestrictedRefusal { get; private set; }

    /// <summary>The k of restricted release.</summary>
    public int K => peers.K;

    /// <summary>Whether the metric is the overall index.</summary>
    public bool IsOverall => Metric is null or "overall" || Rubric?.Pillars.Any(p => p.Id == Metric) != true;

    /// <summary>Reads the trend and the benchmark.</summary>
    public async Task OnGetAsync()
    {
        var cancel = HttpContext.RequestAborted;
        Options = await overview.OptionsAsync(cancel);
        Rubric = Filter.RubricVersion is { } wanted && RubricVersion.TryParse(wanted, out var version)
            ? rubrics.Find(Pages.CityModel.RubricId, version)
            : rubrics.FindLatest(Pages.CityModel.RubricId);
        if (Rubric is null)
        {
            return;
        }

        var reader = new ScoreSnapshotReader(Rubric.Pillars.Select(p => p.Id), Rubric.Practices.Select(p => p.Id));
        var pillarIds = Rubric.Pillars.Select(p => p.Id).ToArray();
        var practiceIds = Rubric.Practices.Select(p => p.Id).ToArray();
        var group = Filter.AsPeerGroup();
        var trend = new List<(string, Distribution?)>();
        foreach (var period in Options.Periods.OrderBy(p => p, Nlc.Core.Periods.Period.TextComparer))
        {
            var members = (await benchmarks.EligibleAsync(Rubric.Id, Rubric.Version.Major, period, reader, cancel)).Where(group.Matches).Select(m => m.City).ToArray();
            var statistics = GroupStatistics.Of(members, pillarIds, []);
            trend.Add((period, IsOverall ? statistics.Overall : statistics.Pillars.GetValueOrDefault(Metric!)));
        }

        Trend = trend;
        BenchmarkPeriod = Filter.Period ?? Options.Periods.FirstOrDefault();
        if (BenchmarkPeriod is not null)
        {
            var eligible = await benchmarks.EligibleAsync(Rubric.Id, Rubric.Version.Major, BenchmarkPeriod, reader, cancel);
            AsHub = PeerBenchmark.Compute(eligible, group, pillarIds, practiceIds, PeerDisclosure.Exact);
            RestrictedRefusal = RestrictedRelease.FilterRefusal(group);
            AsRestricted = PeerBenchmark.Compute(eligible, group, pillarIds, practiceIds, PeerDisclosure.Restricted(K));
        }
    }
}
