using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;

namespace Nlc.Core.Progress;

/// <summary>One metric's way from baseline to target: the three scores and how far along it is, (current − baseline) / (target − baseline).</summary>
public sealed record TargetMetric(string Id, double? Baseline, double? Current, double? Target)
{
    /// <summary>The share of the way covered (1 = target reached; can be below 0 or above 1); null when there is no way to go or a score is missing.</summary>
    public double? Progress =>
        Baseline is { } baseline && Current is { } current && Target is { } target && Math.Abs(target - baseline) > 1e-9
            ? (current - baseline) / (target - baseline)
            : null;
}

/// <summary>
/// Progress toward a city's targets. The target state is the baseline's answers with every targeted indicator at its
/// target level; its scores are what the targets would give, so progress is measured on the same scale as the scores.
/// </summary>
public sealed record TargetProgress(TargetMetric Overall, IReadOnlyList<TargetMetric> Practices)
{
    /// <summary>
    /// Progress from <paramref name="baselineAnswers"/> (scored with <paramref name="engine"/>) to <paramref name="current"/>,
    /// toward <paramref name="targetLevels"/> (indicator id → level). Practices without a target are left out.
    /// </summary>
    public static TargetProgress Compute(
        ScoringEngine engine, IReadOnlyList<Answer> baselineAnswers, ScoreResult current, IReadOnlyDictionary<string, int> targetLevels)
    {
        var baseline = engine.Score(baselineAnswers);
        var targetAnswers = baselineAnswers
            .Where(a => !targetLevels.ContainsKey(a.IndicatorId))
            .Concat(targetLevels.Select(t => Answer.AtLevel(t.Key, t.Value)))
            .ToArray();
        var target = engine.Score(targetAnswers);
        var targetedPractices = engine.Rubric.Indicators.Where(i => targetLevels.ContainsKey(i.Id)).Select(i => i.PracticeId).ToHashSet();
        var currentPractices = current.Practices.ToDictionary(p => p.PracticeId, p => p.Score);

        var practices = engine.Rubric.Practices
            .Select((practice, i) => (practice, i))
            .Where(x => targetedPractices.Contains(x.practice.Id))
            .Select(x => new TargetMetric(x.practice.Id, baseline.Practices[x.i].Score, currentPractices.GetValueOrDefault(x.practice.Id), target.Practices[x.i].Score))
            .ToArray();
        return new TargetProgress(new TargetMetric("overall", baseline.Overall, current.Overall, target.Overall), practices);
    }
}
