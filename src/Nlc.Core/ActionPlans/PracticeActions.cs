using Nlc.Core.Periods;
using Nlc.Core.Rubrics;

namespace Nlc.Core.ActionPlans;

/// <summary>
/// One practice beside the plan: the actions that target it, the highest level they aim for, its level in the baseline
/// period and in the latest later period, and how it moved.
/// </summary>
public sealed record PracticeActions(
    string PracticeId,
    IReadOnlyList<PlanAction> Actions,
    int TargetLevel,
    int? BaselineLevel,
    string? LatestPeriod,
    int? LatestLevel,
    LevelMovement Movement)
{
    /// <summary>The latest level reached the highest target.</summary>
    public bool TargetReached => LatestLevel >= TargetLevel;

    /// <summary>
    /// Every practice of <paramref name="rubric"/> that an action targets, in rubric order, with its level in
    /// <paramref name="baselinePeriod"/> and in the latest period after it in <paramref name="series"/> (any order).
    /// </summary>
    public static IReadOnlyList<PracticeActions> Of(Rubric rubric, IReadOnlyList<PlanAction> actions, IReadOnlyList<PeriodLevels> series, string? baselinePeriod)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(series);
        var ordered = series.OrderBy(s => s.Period, Period.TextComparer).ToArray();
        var baseline = ordered.FirstOrDefault(s => s.Period == baselinePeriod);
        var latest = baseline is null ? null : ordered.LastOrDefault(s => Period.TextComparer.Compare(s.Period, baseline.Period) > 0);

        var rows = new List<PracticeActions>();
        foreach (var practice in rubric.Practices)
        {
            var targeting = actions.Where(a => a.Targets.Any(t => t.PracticeId == practice.Id)).ToArray();
            if (targeting.Length == 0)
            {
                continue;
            }

            var target = targeting.SelectMany(a => a.Targets).Where(t => t.PracticeId == practice.Id).Max(t => t.TargetLevel);
            var before = baseline?.Levels.GetValueOrDefault(practice.Id);
            var after = latest?.Levels.GetValueOrDefault(practice.Id);
            var movement = before is null || after is null ? LevelMovement.NotYetMeasured
                : after > before ? LevelMovement.Up
                : after < before ? LevelMovement.Down
                : LevelMovement.Same;
            rows.Add(new PracticeActions(practice.Id, targeting, target, before, latest?.Period, after, movement));
        }

        return rows;
    }
}
