using Microsoft.Extensions.Caching.Memory;
using Nlc.Core.Assessments;
using Nlc.Core.Scoring;

namespace Nlc.Storage;

/// <summary>
/// Scores of assessments by id and row version. Every write bumps the row version, so a cached score is never stale;
/// an assessment read again at the same version skips reading its answers and scoring them.
/// </summary>
public sealed class ScoreCache(ScoringEngines engines, AssessmentStore assessments)
{
    private readonly MemoryCache _scores = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    /// <summary>The score of <paramref name="assessment"/> at its current version.</summary>
    public async Task<ScoreResult> ScoreAsync(Assessment assessment, CancellationToken cancellationToken)
    {
        var key = (assessment.Id, assessment.RowVersion);
        if (_scores.TryGetValue(key, out ScoreResult? cached))
        {
            return cached!;
        }

        var engine = engines.For(assessment.RubricId, assessment.RubricVersion)!;
        var answers = await assessments.AnswersAsync(assessment.Id, cancellationToken);
        var result = engine.Score(answers.Select(a => a.Answer).ToArray());
        _scores.Set(key, result, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        return result;
    }
}
