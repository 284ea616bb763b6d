using Nlc.Api.Security;
using Nlc.Core.Assessments;
using Nlc.Core.Periods;
using Nlc.Storage;

namespace Nlc.Api.Progress;

/// <summary>A city's assessments of one rubric over time, scored: what progress, next steps and the progress report read.</summary>
public sealed class ProgressSeries(AssessmentStore assessments, ScoringEngines engines, ScoreCache scores)
{
    /// <summary>
    /// The city's assessments of the rubric that the caller may see, every one of them, scored (through the score cache,
    /// the one read path for scores), oldest period first.
    /// </summary>
    public async Task<IReadOnlyList<ScoredAssessment>> ReadAsync(string cityId, string rubricId, Caller caller, CancellationToken cancellationToken)
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
}
