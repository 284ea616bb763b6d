using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nlc.Api.Cities;
using Nlc.Api.Infrastructure;
using Nlc.Core.Access;
using Nlc.Core.Periods;
using Nlc.Core.Progress;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;
using Nlc.Core.Storage;

namespace Nlc.Api.Progress;

/// <summary>A city over time: its series of assessments, what changed, progress toward its targets, and its next steps.</summary>
public static class ProgressApi
{
    /// <summary>Maps the progress, targets and next-steps routes under <c>/api/v1/cities/{cityId}</c>.</summary>
    public static RouteGroupBuilder MapProgressApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/cities/{cityId}").WithTags("Progress")
            .Problems(ProblemMetadata.Keyed, [StatusCodes.Status404NotFound]);
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
            .Problems([StatusCodes.Status403Forbidden]);
        group.MapPut("/targets", SetTargets)
            .WithName("setCityTargets")
            .WithSummary("Set a city's targets")
            .WithDescription("Replaces the city's targets for the rubric. City keys for their own cities, and admin keys.")
            .Accepts<SetTargetsRequest>("application/json")
            .Problems([StatusCodes.Status403Forbidden], ProblemMetadata.JsonBody);
        group.MapGet("/next-steps", GetNextSteps)
            .WithName("getCityNextSteps")
            .WithSummary("A city's next steps")
            .WithDescription("The first `limit` (default 5) entries of the gap list of the city's latest assessment of `rubricId`: what to do next, by expected gain.")
            .Problems([StatusCodes.Status400BadRequest]);
        return group;
    }

    private static async Task<Results<Ok<ProgressResponse>, ProblemHttpResult>> GetProgress(
        string cityId, HttpContext context, CityStore cities, AssessmentStore assessments, TargetStore targets, ScoringEngines engines, ScoreCache scores,
        string? rubricId, string? from, string? to, string? baseline, bool? includeUnvalidated)
    {
        var caller = Caller.From(context.User);
        if (await CityAccess.FindVisibleAsync(cityId, caller, cities, context.RequestAborted) is null)
        {
            return ProblemResponses.NotFound($"There is no city '{cityId}'.");
        }

        rubricId ??= "nlc";
        var series = await SeriesAsync(cityId, rubricId, caller, assessments, engines, scores, context.RequestAborted);
        var points = series.Select(s => new ProgressPoint(
            s.Assessment.Period, s.Assessment.Id, s.Assessment.Status, s.Assessment.RubricVersion.ToString(), s.Result.Overall,
            s.Result.Pillars.ToDictionary(p => p.PillarId, p => p.Score), s.Result.Practices.ToDictionary(p => p.PracticeId, p => p.Score))).ToArray();

        // Trends compare validated assessments unless the reader asks for drafts and submitted ones too.
        var counted = includeUnvalidated == true ? series : series.Where(s => s.Assessment.Status == AssessmentStatus.Validated).ToList();
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
        string cityId, HttpContext context, CityStore cities, TargetStore targets, string? rubricId)
    {
        var caller = Caller.From(context.User);
        if (caller.Role == ApiRole.Partner)
        {
            return ProblemResponses.Forbidden("Partner keys do not see cities' targets.");
        }

        if (await CityAccess.FindVisibleAsync(cityId, caller, cities, context.RequestAborted) is null)
        {
            return ProblemResponses.NotFound($"There is no city '{cityId}'.");
        }

        var found = await targets.GetAsync(cityId, rubricId ?? "nlc", context.RequestAborted);
        return TypedResults.Ok(new TargetsResponse(cityId, found.RubricId, found.TargetPeriod, found.Levels));
    }

    private static async Task<Results<Ok<TargetsResponse>, ProblemHttpResult>> SetTargets(
        string cityId, HttpContext context, CityStore cities, TargetStore targets, RubricCatalog catalog)
    {
        var caller = Caller.From(context.User);
        if (!caller.MayAnswer)
        {
            return ProblemResponses.Forbidden("Only city keys (for their own cities) and admin keys may set targets.");
        }

        if (await CityAccess.FindVisibleAsync(cityId, caller, cities, context.RequestAborted) is null)
        {
            return ProblemResponses.NotFound($"There is no city '{cityId}'.");
        }

        var (request, problem) = await JsonBody.ReadAsync<SetTargetsRequest>(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new List<ProblemError>();
        var rubric = request!.RubricId is null ? null : catalog.FindLatest(request.RubricId);
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

        var saved = await targets.ReplaceAsync(new CityTargets(cityId, rubric.Id, request.TargetPeriod, levels), caller.KeyId, context.RequestAborted);
        return TypedResults.Ok(new TargetsResponse(cityId, saved.RubricId, saved.TargetPeriod, saved.Levels));
    }

    private static async Task<Results<Ok<NextStepsResponse>, ProblemHttpResult>> GetNextSteps(
        string cityId, HttpContext context, CityStore cities, AssessmentStore assessments, ScoringEngines engines, ScoreCache scores,
        string? rubricId, int? limit, [FromQuery] string? lang)
    {
        var caller = Caller.From(context.User);
        if (await CityAccess.FindVisibleAsync(cityId, caller, cities, context.RequestAborted) is null)
        {
            return ProblemResponses.NotFound($"There is no city '{cityId}'.");
        }

        if (limit is < 1 or > 50)
        {
            return ProblemResponses.BadRequest($"limit must be from 1 to 50; found {limit}.", [new ProblemError("limit", ProblemCodes.OutOfRange, "must be from 1 to 50")]);
        }

        var latest = (await SeriesAsync(cityId, rubricId ?? "nlc", caller, assessments, engines, scores, context.RequestAborted)).LastOrDefault();
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

    /// <summary>An assessment with the engine of its rubric version and its scores.</summary>
    internal sealed record ScoredAssessment(Assessment Assessment, ScoringEngine Engine, ScoreResult Result);

    /// <summary>
    /// The city's assessments of the rubric that the caller may see, every one of them, scored (through the score cache,
    /// the one read path for scores), oldest period first.
    /// </summary>
    internal static async Task<List<ScoredAssessment>> SeriesAsync(
        string cityId, string rubricId, Caller caller, AssessmentStore assessments, ScoringEngines engines, ScoreCache scores, CancellationToken cancellationToken)
    {
        var all = await assessments.ListAllAsync(cityId, new AssessmentFilter(Status: caller.SeesOnlyValidated ? AssessmentStatus.Validated : null), cancellationToken);
        var series = new List<ScoredAssessment>();
        foreach (var assessment in all.Where(a => a.RubricId == rubricId).OrderBy(a => a.Period, Period.TextComparer))
        {
            var engine = engines.For(assessment.RubricId, assessment.RubricVersion)!;
            series.Add(new ScoredAssessment(assessment, engine, await scores.ScoreAsync(assessment, cancellationToken)));
        }

        return series;
    }

    private static ScoredAssessment? Pick(
        List<ScoredAssessment> series, List<ScoredAssessment> defaults, string? period, string field, List<ProblemError> errors, bool fallbackToLast)
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
