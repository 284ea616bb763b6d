using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nlc.Api.Cities;
using Nlc.Api.Http;
using Nlc.Api.Security;
using Nlc.Core.Access;
using Nlc.Core.Assessments;
using Nlc.Core.Cities;
using Nlc.Core.Periods;
using Nlc.Core.Progress;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;
using Nlc.Storage;

namespace Nlc.Api.Progress;

/// <summary>A city over time: its series of assessments, what changed, progress toward its targets, and its next steps.</summary>
public static class ProgressApi
{
    /// <summary>Maps the progress, targets and next-steps routes under <c>/api/v1/cities/{cityId}</c>.</summary>
    public static RouteGroupBuilder MapProgressApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/cities/{cityId}").WithTags("Progress")
            .Problems(ProblemMetadata.EveryKeyedRoute, [StatusCodes.Status404NotFound]);
        group.MapGet("/progress", GetProgress)
            .WithName("getCityProgress")
            .WithSummary("A city's progress over time")
            .WithDescription(
                "Every assessment of `rubricId` the key may see, by period, with scores and status; the change between `from` and `to` (by default the first and last "
                + "validated assessments, or the first and last of any status when `includeUnvalidated` is true), "
                + "comparing only metrics that mean the same in both rubric versions and listing the rest as not comparable; and progress "
                + "(current − baseline) / (target − baseline) toward the city's targets, from `baseline` (the first of those periods by default) to `to`.")
            .Problems([StatusCodes.Status422UnprocessableEntity]);
        group.MapGet("/targets", GetTargets)
            .WithName("getCityTargets")
            .WithSummary("A city's targets")
            .WithDescription("Target levels per indicator for `rubricId`, and the period to reach them by. Not for partner keys.")
            .AllowOnly(c => c.Role != ApiRole.Partner, ApiMessage.Of("RefusedPartnerTargets"))
            .Problems([StatusCodes.Status403Forbidden]);
        group.MapPut("/targets", SetTargets)
            .WithName("setCityTargets")
            .WithSummary("Set a city's targets")
            .WithDescription("Replaces the city's targets for the rubric. City keys for their own cities, and admin keys.")
            .AllowOnly(c => c.MayAnswer, ApiMessage.Of("RefusedTargets"))
            .Problems([StatusCodes.Status403Forbidden], ProblemMetadata.JsonBody);
        group.MapGet("/next-steps", GetNextSteps)
            .WithName("getCityNextSteps")
            .WithSummary("A city's next steps")
            .WithDescription("The first `limit` (default 5) entries of the gap list of the city's latest assessment of `rubricId`: what to do next, by expected gain.")
            .Problems([StatusCodes.Status400BadRequest]);
        return group;
    }

    private static async Task<Results<Ok<ProgressResponse>, ProblemHttpResult>> GetProgress(
        VisibleCity city, Caller caller, HttpContext context, AssessmentStore assessments, TargetStore targets, ProgressSeries progressSeries,
        string? rubricId, string? from, string? to, string? baseline, bool? includeUnvalidated)
    {
        var cityId = city.Id;
        rubricId ??= "nlc";
        var series = await progressSeries.ReadAsync(cityId, rubricId, caller, context.RequestAborted);
        var points = series.Select(s => new ProgressSeriesEntry(
            s.Assessment.Period, s.Assessment.Id, s.Assessment.Status, s.Assessment.RubricVersion.ToString(), s.Result.Overall,
            s.Result.Pillars.ToDictionary(p => p.PillarId, p => p.Score), s.Result.Practices.ToDictionary(p => p.PracticeId, p => p.Score))).ToArray();

        // Trends compare validated assessments unless the reader asks for drafts and submitted ones too.
        IReadOnlyList<ScoredAssessment> counted = includeUnvalidated == true ? series : series.Where(s => s.Assessment.Status == AssessmentStatus.Validated).ToList();
        var errors = new List<ProblemError>();
        var first = Pick(series, counted, from, "from", errors, fallbackToLast: false);
        var last = Pick(series, counted, to, "to", errors, fallbackToLast: true);
        var start = Pick(series, counted, baseline, "baseline", errors, fallbackToLast: false);
        if (errors.Count > 0)
        {
            return ProblemResponses.Invalid(errors);
        }

        var change = first is not null && last is not null
            ? PeriodComparison.Between(first.Engine.Rubric, first.Result, last.Engine.Rubric, last.Result)
            : null;

        TargetProgressResponse? targetProgress = null;
        if (!caller.SeesOnlyValidated && start is not null && last is not null)
        {
            var cityTargets = await targets.GetAsync(cityId, rubricId, context.RequestAborted);
            if (cityTargets.Levels.Count > 0)
            {
                var baselineAnswers = (await assessments.AnswersAsync(start.Assessment.Id, context.RequestAborted)).Select(a => a.Answer).ToArray();
                var progress = TargetProgress.Compute(start.Engine, baselineAnswers, last.Result, cityTargets.Levels.Where(t => start.Engine.Rubric.Indicators.Any(i => i.Id == t.Key)).ToDictionary());
                targetProgress = new TargetProgressResponse(start.Assessment.Period, last.Assessment.Period, cityTargets.TargetPeriod, progress);
            }
        }

        return TypedResults.Ok(new ProgressResponse(cityId, rubricId, points, first?.Assessment.Period, last?.Assessment.Period, change, targetProgress));
    }

    private static async Task<Results<Ok<TargetsResponse>, ProblemHttpResult>> GetTargets(
        VisibleCity city, HttpContext context, TargetStore targets, string? rubricId)
    {
        var found = await targets.GetAsync(city.Id, rubricId ?? "nlc", context.RequestAborted);
        return TypedResults.Ok(new TargetsResponse(city.Id, found.RubricId, found.TargetPeriod, found.Levels));
    }

    private static async Task<Results<Ok<TargetsResponse>, ProblemHttpResult>> SetTargets(
        VisibleCity city, JsonBody<SetTargetsRequest> body, Caller caller, HttpContext context, TargetStore targets, RubricCatalog catalog)
    {
        var request = body.Value;
        var errors = new List<ProblemError>();
        var rubric = request.RubricId is null ? null : catalog.FindLatest(request.RubricId);
        if (rubric is null)
        {
            errors.Add(new ProblemError("rubricId", ProblemCodes.Unknown, $"a known rubricId is required; found '{request.RubricId}'"));
        }

        if (!Period.IsValid(request.TargetPeriod))
        {
            errors.Add(new ProblemError("targetPeriod", ProblemCodes.Malformed, $"'{request.TargetPeriod}' is not a period such as 2027 or 2027-H1"));
        }

        if (errors.Count > 0)
        {
            return ProblemResponses.Invalid(errors);
        }

        var levels = new Dictionary<string, int>(StringComparer.Ordinal);
        var maxLevel = rubric!.Scale.MaxLevel;
        foreach (var (practiceId, level) in request.Practices ?? new Dictionary<string, int>())
        {
            var practice = rubric.Practices.FirstOrDefault(p => p.Id == practiceId);
            if (practice is null)
            {
                errors.Add(new ProblemError($"practices.{practiceId}", ProblemCodes.Unknown, $"unknown practice '{practiceId}'"));
            }
            else if (level < 0 || level > maxLevel)
            {
                errors.Add(new ProblemError($"practices.{practiceId}", ProblemCodes.OutOfRange, $"level {level} is out of range; expected 0 to {maxLevel}"));
            }
            else
            {
                practice.Indicators.ToList().ForEach(i => levels[i.Id] = level);
            }
        }

        foreach (var (indicatorId, level) in request.Indicators ?? new Dictionary<string, int>())
        {
            if (!rubric.Indicators.Any(i => i.Id == indicatorId))
            {
                errors.Add(new ProblemError($"indicators.{indicatorId}", ProblemCodes.Unknown, $"unknown indicator '{indicatorId}'", indicatorId));
            }
            else if (level < 0 || level > maxLevel)
            {
                errors.Add(new ProblemError($"indicators.{indicatorId}", ProblemCodes.OutOfRange, $"level {level} is out of range; expected 0 to {maxLevel}", indicatorId));
            }
            else
            {
                levels[indicatorId] = level;
            }
        }

        if (errors.Count > 0)
        {
            return ProblemResponses.Invalid(errors);
        }

        var saved = await targets.ReplaceAsync(new CityTargets(city.Id, rubric.Id, request.TargetPeriod, levels), caller.KeyId, context.RequestAborted);
        return TypedResults.Ok(new TargetsResponse(city.Id, saved.RubricId, saved.TargetPeriod, saved.Levels));
    }

    private static async Task<Results<Ok<NextStepsResponse>, ProblemHttpResult>> GetNextSteps(
        VisibleCity city, Caller caller, HttpContext context, ProgressSeries progressSeries, string? rubricId, int? limit, [FromQuery] string? lang)
    {
        var cityId = city.Id;
        if (limit is < 1 or > 50)
        {
            return ProblemResponses.BadRequest($"limit must be from 1 to 50; found {limit}.", [new ProblemError("limit", ProblemCodes.OutOfRange, "must be from 1 to 50")]);
        }

        var latest = (await progressSeries.ReadAsync(cityId, rubricId ?? "nlc", caller, context.RequestAborted)).LastOrDefault();
        if (latest is null)
        {
            return ProblemResponses.NotFound($"City '{cityId}' has no assessment of rubric '{rubricId ?? "nlc"}' that this key may see.");
        }

        var rubric = latest.Engine.Rubric;
        var locale = RequestLanguage.ServedLocale(rubric, RequestLanguage.Resolve(context.Request, lang));
        var steps = latest.Result.Gaps.Take(limit ?? 5).Select((gap, i) =>
        {
            var practice = rubric.Practices.First(p => p.Id == gap.PracticeId);
            var indicator = practice.Indicators.First(x => x.Id == gap.IndicatorId);
            return new NextStep(
                i + 1, practice.Id, practice.Title.Get(locale), indicator.Id, indicator.Question.Get(locale), gap.CurrentLevel, gap.NextLevel,
                rubric.Scale.Levels[gap.NextLevel].Name.Get(locale), gap.NextStep.Get(locale), gap.OverallGain);
        }).ToArray();
        RequestLanguage.SetContentLanguage(context.Response, locale);
        return TypedResults.Ok(new NextStepsResponse(cityId, latest.Assessment.Id, latest.Assessment.Period, locale, steps));
    }

    private static ScoredAssessment? Pick(
        IReadOnlyList<ScoredAssessment> series, IReadOnlyList<ScoredAssessment> defaults, string? period, string field, List<ProblemError> errors, bool fallbackToLast)
    {
        if (period is null)
        {
            return fallbackToLast ? defaults.LastOrDefault() : defaults.FirstOrDefault();
        }

        var found = Period.TryParse(period, out var wanted) ? series.FirstOrDefault(s => Period.TryParse(s.Assessment.Period, out var p) && p == wanted) : null;
        if (found is null)
        {
            errors.Add(new ProblemError(field, ProblemCodes.Unknown, $"the city has no assessment for period '{period}' that this key may see"));
        }

        return found;
    }
}
