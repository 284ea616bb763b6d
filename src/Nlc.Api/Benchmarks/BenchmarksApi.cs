using Microsoft.AspNetCore.Http.HttpResults;
using Nlc.Api.Hosting;
using Nlc.Api.Http;
using Nlc.Api.Security;
using Nlc.Core.Access;
using Nlc.Core.Benchmarking;
using Nlc.Core.Cities;
using Nlc.Core.Periods;
using Nlc.Core.Rubrics;
using Nlc.Storage;

namespace Nlc.Api.Benchmarks;

/// <summary>Where cities stand among peers: group statistics, one city's position, and (for hub staff) rankings.</summary>
public static class BenchmarksApi
{
    /// <summary>Maps <c>/api/v1/benchmarks</c>.</summary>
    public static RouteGroupBuilder MapBenchmarksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/benchmarks").WithTags("Benchmarks")
            .Problems(ProblemMetadata.EveryKeyedRoute, [StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden]);
        group.MapGet("/", GetBenchmark)
            .WithName("getBenchmark")
            .WithSummary("Statistics of a peer group")
            .WithDescription(
                "n, min, q1, median, q3, max and mean of the overall index, each pillar and each practice, over each city's validated assessment "
                + "of `rubricId` (major version `rubricMajor`, latest by default) in `period`. Filters combine: `country`, `region`, `tag`, "
                + "`populationBand` (under-10k, 10k-50k, 50k-100k, 100k-500k, 500k-plus), `cityIds` (comma-separated; admin and hub only). "
                + "Quartiles: linear interpolation between closest ranks (type 7). City and partner keys may draw the group by one of `country`, "
                + "`region` or `populationBand` (or none: the whole network), never by `tag` or `cityIds`; they see no exact figures, only n and "
                + "the 20-point band of q1, median and q3 of each metric (`bands`, `disclosure`: banded), and nothing for a group or metric "
                + "of fewer than `minimumGroupSize` (2k) cities, nor for a group that another askable group lies inside with fewer than k "
                + "cities between them; `withheldReason` and `withheldMetrics` say why.");
        group.MapGet("/position", GetPosition)
            .WithName("getBenchmarkPosition")
            .AllowOnly(c => c.Role != ApiRole.Partner, ApiMessage.Of("RefusedPartnerPosition"))
            .WithSummary("A city's position in a peer group")
            .WithDescription(
                "The city's scores and percentile ranks (mid-rank) beside the group's statistics; admin and hub for any city. City keys, for "
                + "their own cities, get the quarter of the group each score falls in, judged against the released bands, instead of a rank.")
            .Problems([StatusCodes.Status404NotFound]);
        group.MapGet("/ranking", GetRanking)
            .WithName("getBenchmarkRanking")
            .WithSummary("Rank the cities of a peer group")
            .WithDescription("Admin and hub only. `metric` is `overall`, `pillar:<id>` or `practice:<id>`.")
            .AllowOnly(c => c.CanReview, ApiMessage.Of("RefusedRanking"));
        return group;
    }

    private static async Task<Results<Ok<BenchmarkResponse>, ProblemHttpResult>> GetBenchmark(
        Caller caller, HttpContext context, PeerGroups groups, BenchmarkStore store, RubricCatalog catalog, NlcOptions options,
        string? rubricId, string? period, int? rubricMajor, string? country, string? region, string? tag, string? populationBand, string? cityIds)
    {
        var (request, problem) = groups.Read(caller, rubricId, period, rubricMajor, country, region, tag, populationBand, cityIds);
        if (problem is not null)
        {
            return problem;
        }

        var (_, response) = await ComputeAsync(request!, caller, store, catalog, options, context.RequestAborted);
        return TypedResults.Ok(response);
    }

    private static async Task<Results<Ok<PositionResponse>, ProblemHttpResult>> GetPosition(
        Caller caller, HttpContext context, PeerGroups groups, BenchmarkStore store, RubricCatalog catalog, NlcOptions options, string? cityId,
        string? rubricId, string? period, int? rubricMajor, string? country, string? region, string? tag, string? populationBand, string? cityIds)
    {
        if (string.IsNullOrWhiteSpace(cityId) || !caller.CanSeeCity(cityId))
        {
            return ProblemResponses.NotFound($"There is no city '{cityId}'.");
        }

        var (request, problem) = groups.Read(caller, rubricId, period, rubricMajor, country, region, tag, populationBand, cityIds);
        if (problem is not null)
        {
            return problem;
        }

        var (benchmark, group) = await ComputeAsync(request!, caller, store, catalog, options, context.RequestAborted);
        var city = benchmark.Members.FirstOrDefault(m => m.CityId == cityId);
        if (city is null)
        {
            return ProblemResponses.NotFound($"City '{cityId}' has no validated assessment in this group for period {request!.Period}.");
        }

        MetricPosition Position(double? score, Func<ScoredCity, double?> metric, Distribution? exact, BandedDistribution? bands) =>
            benchmark.Banded is null
                ? new MetricPosition(score, exact is null || score is null ? null : Distribution.PercentileRank(benchmark.Members.Select(metric).OfType<double>().ToArray(), score.Value))
                : new MetricPosition(score, null) { Quarter = bands is null || score is null ? null : RestrictedRelease.Quarter(score.Value, bands) };

        var (stats, banded) = (benchmark.Statistics, benchmark.Banded);
        return TypedResults.Ok(new PositionResponse(
            city.CityId,
            city.AssessmentId,
            Position(city.Overall, m => m.Overall, stats?.Overall, banded?.Overall),
            city.Pillars.ToDictionary(p => p.Key, p => Position(p.Value, m => m.Pillars.GetValueOrDefault(p.Key), stats?.Pillars.GetValueOrDefault(p.Key), banded?.Pillars.GetValueOrDefault(p.Key))),
            city.Practices.ToDictionary(p => p.Key, p => Position(p.Value, m => m.Practices.GetValueOrDefault(p.Key), stats?.Practices.GetValueOrDefault(p.Key), banded?.Practices.GetValueOrDefault(p.Key))),
            group));
    }

    private static async Task<Results<Ok<RankingResponse>, ProblemHttpResult>> GetRanking(
        Caller caller, HttpContext context, PeerGroups groups, BenchmarkStore store, RubricCatalog catalog, NlcOptions options, string? metric,
        string? rubricId, string? period, int? rubricMajor, string? country, string? region, string? tag, string? populationBand, string? cityIds)
    {
        var (request, problem) = groups.Read(caller, rubricId, period, rubricMajor, country, region, tag, populationBand, cityIds);
        if (problem is not null)
        {
            return problem;
        }

        Func<ScoredCity, double?>? select = metric switch
        {
            "overall" or null => c => c.Overall,
            _ when metric.StartsWith("pillar:", StringComparison.Ordinal) && request!.Rubric.Pillars.Any(p => p.Id == metric[7..]) => c => c.Pillars.GetValueOrDefault(metric[7..]),
            _ when metric.StartsWith("practice:", StringComparison.Ordinal) && request!.Rubric.Practices.Any(p => p.Id == metric[9..]) => c => c.Practices.GetValueOrDefault(metric[9..]),
            _ => null,
        };
        if (select is null)
        {
            return ProblemResponses.BadRequest(
                $"metric must be overall, pillar:<id> or practice:<id> of rubric {request!.Rubric.Key}; found '{metric}'.", [new ProblemError("metric", ProblemCodes.Unknown, "unknown metric")]);
        }

        var (benchmark, _) = await ComputeAsync(request!, caller, store, catalog, options, context.RequestAborted);
        var ordered = benchmark.Members.OrderByDescending(m => select(m) ?? double.NegativeInfinity).ThenBy(m => m.CityName, StringComparer.Ordinal).ToArray();
        var items = new List<RankingEntry>();
        for (var i = 0; i < ordered.Length; i++)
        {
            var score = select(ordered[i]);
            var rank = i > 0 && select(ordered[i - 1]) == score ? items[i - 1].Rank : i + 1;
            items.Add(new RankingEntry(rank, ordered[i].CityId, ordered[i].CityName, score));
        }

        return TypedResults.Ok(new RankingResponse(metric ?? "overall", ordered.Length, items));
    }

    private static async Task<(PeerBenchmark Benchmark, BenchmarkResponse Response)> ComputeAsync(
        PeerGroupRequest request, Caller caller, BenchmarkStore store, RubricCatalog catalog, NlcOptions options, CancellationToken cancellationToken)
    {
        var pillarIds = request.Rubric.Pillars.Select(p => p.Id).ToArray();
        var practiceIds = request.Rubric.Practices.Select(p => p.Id).ToArray();
        var eligible = await store.EligibleAsync(request.Rubric.Id, request.Major, request.Period, new ScoreSnapshotReader(pillarIds, practiceIds), cancellationToken);
        var benchmark = PeerBenchmark.Compute(
            eligible,
            request.Filter,
            pillarIds,
            practiceIds,
            caller.CanReview ? PeerDisclosure.Exact : PeerDisclosure.Restricted(options.MinimumGroupSize));

        var memberRubrics = benchmark.Members.Select(m => m.RubricVersion).Distinct()
            .Select(v => catalog.Find(request.Rubric.Id, RubricVersion.Parse(v))).OfType<Rubric>().ToArray();
        var notComparable = memberRubrics
            .SelectMany(r => r.Practices.Select(p => p.Id).Concat(r.Pillars.Select(p => p.Id)))
            .Concat(request.Rubric.Practices.Select(p => p.Id))
            .Distinct()
            .Where(id => memberRubrics.Any(r => !r.Practices.Any(p => p.Id == id) && !r.Pillars.Any(p => p.Id == id)))
            .Order(StringComparer.Ordinal)
            .ToArray();

        var stats = benchmark.Statistics;
        var response = new BenchmarkResponse(
            request.Rubric.Id,
            request.Major,
            request.Period,
            benchmark.N,
            caller.CanReview ? options.MinimumGroupSize : RestrictedRelease.MinimumGroupSize(options.MinimumGroupSize),
            benchmark.WithheldReason,
            stats?.Overall,
            stats?.Pillars ?? new Dictionary<string, Distribution?>(),
            stats?.Practices ?? new Dictionary<string, Distribution?>(),
            notComparable);
        if (!caller.CanReview)
        {
            var banded = benchmark.Banded;
            response = response with
            {
                Disclosure = "banded",
                BandWidth = ScoreBand.Width,
                Bands = banded is null ? null : BenchmarkBands.Of(banded),
                WithheldMetrics = banded?.WithheldMetrics,
            };
        }

        return (benchmark, response);
    }
}
