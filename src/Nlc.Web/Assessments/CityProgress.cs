using Nlc.Core.Access;
using Nlc.Core.Assessments;
using Nlc.Core.Periods;
using Nlc.Core.Progress;
using Nlc.Core.Scoring;
using Nlc.Storage;

namespace Nlc.Web.Assessments;

/// <summary>
/// A city's progress as the results page and the hub's city page show it: its assessments of one rubric over the periods
/// the person may see, scored through the score cache, and progress toward its targets measured from the first of them.
/// </summary>
public sealed class CityProgress(AssessmentStore assessments, ScoreCache scores, ScoringEngines engines, TargetStore targets)
{
    /// <summary>The city's assessments of <paramref name="rubricId"/> that <paramref name="rights"/> may see, oldest period first, with their scores.</summary>
    public async Task<IReadOnlyList<(Assessment Assessment, ScoreResult Score)>> SeriesAsync(
        string cityId, string rubricId, AccessRights rights, CancellationToken cancellationToken)
    {
        var series = new List<(Assessment, ScoreResult)>();
        var all = await assessments.ListAllAsync(cityId, new AssessmentFilter(), cancellationToken);
        foreach (var assessment in all.Where(a => a.RubricId == rubricId && rights.CanSeeAssessment(a)).OrderBy(a => a.Period, Period.TextComparer))
        {
            series.Add((assessment, await scores.ScoreAsync(assessment, cancellationToken)));
        }

        return series;
    }

    /// <summary>
    /// Progress toward the city's targets from the first assessment of <paramref name="series"/> to <paramref name="current"/>,
    /// with the period they are set for; null when there are none or <paramref name="rights"/> may not see them (partners).
    /// </summary>
    public async Task<(TargetProgress Progress, string? TargetPeriod)?> TargetsAsync(
        IReadOnlyList<(Assessment Assessment, ScoreResult Score)> series, ScoreResult current, AccessRights rights, CancellationToken cancellationToken)
    {
        if (rights.SeesOnlyValidated || series.Count == 0)
        {
            return null;
        }

        var baseline = series[0].Assessment;
        var cityTargets = await targets.GetAsync(baseline.CityId, baseline.RubricId, cancellationToken);
        var baselineEngine = engines.For(baseline.RubricId, baseline.RubricVersion);
        if (cityTargets.Levels.Count == 0 || baselineEngine is null)
        {
            return null;
        }

        var baselineAnswers = (await assessments.AnswersAsync(baseline.Id, cancellationToken)).Select(a => a.Answer).ToArray();
        var known = cityTargets.Levels.Where(t => baselineEngine.Rubric.Indicators.Any(i => i.Id == t.Key)).ToDictionary();
        return (TargetProgress.Compute(baselineEngine, baselineAnswers, current, known), cityTargets.TargetPeriod);
    }
}
