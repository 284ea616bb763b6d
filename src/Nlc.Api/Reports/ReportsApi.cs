using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nlc.Api.Assessments;
using Nlc.Api.Benchmarks;
using Nlc.Api.Cities;
using Nlc.Api.Hosting;
using Nlc.Api.Http;
using Nlc.Api.Progress;
using Nlc.Api.Security;
using Nlc.Api.Workbooks;
using Nlc.Core.Assessments;
using Nlc.Core.Benchmarking;
using Nlc.Core.Cities;
using Nlc.Core.Periods;
using Nlc.Core.Progress;
using Nlc.Core.Rubrics;
using Nlc.Excel.Reports;
using Nlc.Excel;
using Nlc.Storage;
using Nlc.Storage.Network;

namespace Nlc.Api.Reports;

/// <summary>Excel reports to read results: one assessment, one city over time, a hub's comparison of cities. Values only, computed here.</summary>
public static class ReportsApi
{
    /// <summary>Maps the report routes.</summary>
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder routes)
    {
        var reports = routes.MapGroup("/api/v1").WithTags("Reports").Problems(ProblemMetadata.EveryKeyedRoute);
        reports.MapGet("/assessments/{assessmentId}/report", AssessmentReport)
            .WithName("downloadAssessmentReport")
            .WithSummary("Download the assessment report")
            .WithDescription(
                "Overall index, pillar and practice scores with maturity levels, completeness, the next steps and a radar chart of the pillars, "
                + "with the medians and quartiles of the city's country peers in the same period where this key may see them.")
            .WithMetadata(new XlsxBody(Response: true))
            .Problems([StatusCodes.Status404NotFound]);
        reports.MapGet("/cities/{cityId}/progress-report", ProgressReport)
            .WithName("downloadCityProgressReport")
            .WithSummary("Download a city's progress report")
            .WithDescription(
                "Every assessment of `rubricId` the key may see, by period with its status; the change per practice and pillar and a line chart of the overall index "
                + "and pillar scores, from validated assessments only unless `includeUnvalidated` is true; and the city's targets with the way covered.")
            .WithMetadata(new XlsxBody(Response: true))
            .Problems([StatusCodes.Status404NotFound]);
        reports.MapGet("/benchmarks/report", ComparisonReport)
            .WithName("downloadHubComparisonReport")
            .WithSummary("Download the hub comparison report")
            .WithDescription("Admin and hub only: a cities × practices matrix with colour scales for a peer group (same filters as GET /api/v1/benchmarks).")
            .AllowOnly(c => c.CanReview, "Only admin and hub keys may compare named cities.")
            .WithMetadata(new XlsxBody(Response: true))
            .Problems([StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden]);
        return routes;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> AssessmentReport(
        VisibleAssessment visible, Caller caller, HttpContext context, CityStore cities, BenchmarkStore benchmarks, ScoringEngines engines,
        ScoreCache scores, NlcOptions options, [FromQuery] string? lang)
    {
        var assessment = visible.Value;
        var rubric = engines.For(assessment.RubricId, assessment.RubricVersion)!.Rubric;
        var locale = RequestLanguage.ServedLocale(rubric, RequestLanguage.Resolve(context.Request, lang));
        var city = (await cities.FindAsync(assessment.CityId, context.RequestAborted))!;
        var score = await scores.ScoreAsync(assessment, context.RequestAborted);
        var peers = await PeersAsync(rubric, assessment, city, caller, benchmarks, options, context.RequestAborted);
        var bytes = AssessmentReportWriter.Write(rubric, score, ReportHeading.Of(city, assessment), locale, peers);
        return TypedResults.File(bytes, XlsxFile.ContentType, $"nlc-report-{assessment.Period}-{assessment.Id}{XlsxFile.Extension}");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ProgressReport(
        VisibleCity visible, Caller caller, HttpContext context, ProgressSeries progressSeries, AssessmentStore assessments, TargetStore targets, RubricCatalog catalog,
        string? rubricId, bool? includeUnvalidated, [FromQuery] string? lang)
    {
        var city = visible.Value;
        var rubric = catalog.FindLatest(rubricId ?? "nlc");
        if (rubric is null)
        {
            return ProblemResponses.NotFound($"There is no rubric '{rubricId}'.");
        }

        var series = await progressSeries.ReadAsync(city.Id, rubric.Id, caller, context.RequestAborted);
        var locale = RequestLanguage.ServedLocale(rubric, RequestLanguage.Resolve(context.Request, lang));
        var points = series.Select(s => new Nlc.Excel.Reports.PeriodScore(s.Assessment.Period, s.Result, AssessmentStore.StatusText(s.Assessment.Status))).ToArray();
        var bytes = CityProgressReportWriter.Write(
            rubric, city.Name, points, locale, await TargetsAsync(city.Id, rubric.Id, caller, series, includeUnvalidated == true, assessments, targets, context.RequestAborted),
            includeUnvalidated == true);
        return TypedResults.File(bytes, XlsxFile.ContentType, $"nlc-progress-{city.Id}{XlsxFile.Extension}");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ComparisonReport(
        Caller caller, HttpContext context, PeerGroups groups, CityComparisons comparisons,
        string? rubricId, string? period, int? rubricMajor, string? country, string? region, string? tag, string? populationBand, string? cityIds,
        [FromQuery] string? lang)
    {
        var (request, problem) = groups.Read(caller, rubricId, period, rubricMajor, country, region, tag, populationBand, cityIds);
        if (problem is not null)
        {
            return problem;
        }

        var rubric = request!.Rubric;
        var compared = await comparisons.ReadAsync(rubric, request.Major, request.Period, request.Filter, context.RequestAborted);
        var entries = compared.Select(c => new HubComparisonEntry(
            c.Member.City.CityName, c.Member.Country, request.Period, c.Score, AssessmentStore.StatusText(c.Assessment.Status), c.Previous?.Period, c.PreviousScore)).ToArray();

        var locale = RequestLanguage.ServedLocale(rubric, RequestLanguage.Resolve(context.Request, lang));
        string?[] filters =
        [
            country is null ? null : $"country {country}", region is null ? null : $"region {region}", tag is null ? null : $"tag {tag}",
            populationBand is null ? null : $"population {populationBand}", cityIds is null ? null : $"cities {cityIds}",
            rubricMajor is null ? null : $"rubric major version {rubricMajor}",
        ];
        var group = filters.Any(f => f is not null) ? "Cities with " + string.Join(", ", filters.OfType<string>()) : null;
        var bytes = HubComparisonReportWriter.Write(rubric, entries, locale, group);
        return TypedResults.File(bytes, XlsxFile.ContentType, $"nlc-comparison-{rubric.Id}-{request.Period}{XlsxFile.Extension}");
    }

    /// <summary>
    /// The city's targets measured from the first period of the series to the last (validated ones only unless
    /// <paramref name="includeUnvalidated"/>), as the progress route measures them; null when there are none or the key may not see them.
    /// </summary>
    private static async Task<ProgressTargets?> TargetsAsync(
        string cityId, string rubricId, Caller caller, IReadOnlyList<ScoredAssessment> series, bool includeUnvalidated,
        AssessmentStore assessments, TargetStore targets, CancellationToken cancellationToken)
    {
        var counted = series.Where(s => includeUnvalidated || s.Assessment.Status == AssessmentStatus.Validated).ToArray();
        if (caller.Role == Nlc.Core.Access.ApiRole.Partner || counted.Length == 0)
        {
            return null;
        }

        var cityTargets = await targets.GetAsync(cityId, rubricId, cancellationToken);
        if (cityTargets.Levels.Count == 0)
        {
            return null;
        }

        var (start, last) = (counted[0], counted[^1]);
        var baselineAnswers = (await assessments.AnswersAsync(start.Assessment.Id, cancellationToken)).Select(a => a.Answer).ToArray();
        var levels = cityTargets.Levels.Where(t => start.Engine.Rubric.Indicators.Any(i => i.Id == t.Key)).ToDictionary();
        return new ProgressTargets(cityTargets.TargetPeriod, start.Assessment.Period, last.Assessment.Period, TargetProgress.Compute(start.Engine, baselineAnswers, last.Result, levels));
    }

    private static async Task<PeerStatistics?> PeersAsync(
        Rubric rubric, Assessment assessment, City city, Caller caller, BenchmarkStore benchmarks, NlcOptions options, CancellationToken cancellationToken)
    {
        var pillarIds = rubric.Pillars.Select(p => p.Id).ToArray();
        var practiceIds = rubric.Practices.Select(p => p.Id).ToArray();
        var eligible = await benchmarks.EligibleAsync(rubric.Id, rubric.Version.Major, assessment.Period, new ScoreSnapshotReader(pillarIds, practiceIds), cancellationToken);
        var benchmark = PeerBenchmark.Compute(eligible, new PeerGroupFilter(Country: city.Country), pillarIds, practiceIds, caller.CanReview ? PeerDisclosure.Exact : PeerDisclosure.Restricted(options.MinimumGroupSize));
        if (benchmark.N == 0)
        {
            return null;
        }

        var who = $"Validated assessments of {benchmark.N} cities in {city.Country}, {assessment.Period}";
        var none = new Dictionary<string, PeerQuartiles>();
        if (!caller.CanReview)
        {
            // City and partner keys see what RestrictedRelease allows them: bands, or the reason nothing is shown.
            if (benchmark.Banded is not { } banded)
            {
                return new PeerStatistics(who, null, none, none) { WithheldReason = benchmark.WithheldReason ?? "too few peers have a score to show figures without revealing a city." };
            }

            var bands = BenchmarkBands.Of(banded);
            var minimum = RestrictedRelease.MinimumGroupSize(options.MinimumGroupSize);
            return new PeerStatistics($"{who}. For privacy, peer figures are {ScoreBand.Width}-point score bands; a blank means fewer than {minimum} cities have a score there.", null, none, none)
            {
                Bands = new PeerBands(bands.Overall, bands.Pillars, bands.Practices),
            };
        }

        var stats = benchmark.Statistics!;
        static PeerQuartiles? Quartiles(Distribution? s) => s is null ? null : new PeerQuartiles(s.Q1, s.Median, s.Q3);
        return new PeerStatistics(
            who,
            Quartiles(stats.Overall),
            stats.Pillars.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => Quartiles(p.Value)!.Value),
            stats.Practices.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => Quartiles(p.Value)!.Value));
    }
}
