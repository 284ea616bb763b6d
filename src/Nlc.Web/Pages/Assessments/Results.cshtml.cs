using Microsoft.AspNetCore.Mvc;
using Nlc.Core.Assessments;
using Nlc.Core.Periods;
using Nlc.Core.Progress;
using Nlc.Core.Scoring;
using Nlc.Storage;
using Nlc.Web.Assessments;

namespace Nlc.Web.Pages.Assessments;

/// <summary>
/// An assessment's results as the library scores them: the overall index with status and completeness, the pillars,
/// practices with maturity levels, next steps, the place among peers the disclosure rules allow, progress over the
/// periods the person may see, and progress toward the city's targets.
/// </summary>
public sealed class ResultsModel(AssessmentStore assessments, ScoreCache scores, ScoringEngines engines, TargetStore targets, PeerPlaces peers) : AssessmentPage
{
    /// <summary>How many next steps are shown.</summary>
    public const int NextStepCount = 5;

    /// <summary>The assessment's scores.</summary>
    public ScoreResult Score { get; private set; } = null!;

    /// <summary>The city's place among peers, or why it is not shown.</summary>
    public PeerPlace Peers { get; private set; } = null!;

    /// <summary>The city's assessments of this rubric the person may see, oldest period first, with their scores.</summary>
    public IReadOnlyList<(Assessment Assessment, ScoreResult Score)> Series { get; private set; } = [];

    /// <summary>Progress toward the city's targets, from the first period shown to this one; null when there are none (or the person may not see them).</summary>
    public TargetProgress? Targets { get; private set; }

    /// <summary>The period the city's targets are to be reached by.</summary>
    public string? TargetPeriod { get; private set; }

    /// <summary>Whether the page follows a successful submit.</summary>
    [FromQuery(Name = "submitted")]
    public bool JustSubmitted { get; set; }

    /// <summary>Shows the results.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        if (!await OpenAsync())
        {
            return NotFound();
        }

        var cancel = HttpContext.RequestAborted;
        Score = await scores.ScoreAsync(Open.Assessment, cancel);
        Peers = await peers.PlaceAsync(Open, Score, cancel);
        var series = new List<(Assessment, ScoreResult)>();
        var all = await assessments.ListAllAsync(Open.Assessment.CityId, new AssessmentFilter(), cancel);
        foreach (var assessment in all.Where(a => a.RubricId == Open.Assessment.RubricId && Open.Rights.CanSeeAssessment(a)).OrderBy(a => a.Period, Period.TextComparer))
        {
            series.Add((assessment, assessment.Id == Open.Assessment.Id ? Score : await scores.ScoreAsync(assessment, cancel)));
        }

        Series = series;
        if (!Open.Rights.SeesOnlyValidated && Series.Count > 0)
        {
            var cityTargets = await targets.GetAsync(Open.Assessment.CityId, Open.Assessment.RubricId, cancel);
            var baseline = Series[0].Assessment;
            var baselineEngine = engines.For(baseline.RubricId, baseline.RubricVersion);
            if (cityTargets.Levels.Count > 0 && baselineEngine is not null)
            {
                var baselineAnswers = (await assessments.AnswersAsync(baseline.Id, cancel)).Select(a => a.Answer).ToArray();
                var known = cityTargets.Levels.Where(t => baselineEngine.Rubric.Indicators.Any(i => i.Id == t.Key)).ToDictionary();
                Targets = TargetProgress.Compute(baselineEngine, baselineAnswers, Score, known);
                TargetPeriod = cityTargets.TargetPeriod;
            }
        }

        return Page();
    }
}
