namespace Nlc.Core.ActionPlans;

/// <summary>
/// How far a plan has come. Dropped actions are counted apart and left out of the share done: a dropped action is no
/// longer part of the plan, so dropping one neither lowers nor raises the share (<see cref="ShareDone"/> = done /
/// (actions − dropped)).
/// </summary>
public sealed record PlanProgress(int Actions, int Planned, int InProgress, int Done, int Dropped, int Overdue)
{
    /// <summary>Done / (actions − dropped), 0–1; null when no action is left to count.</summary>
    public double? ShareDone => Actions - Dropped == 0 ? null : (double)Done / (Actions - Dropped);

    /// <summary>The figures of <paramref name="actions"/>, overdue as of <paramref name="asOf"/>.</summary>
    public static PlanProgress Of(IReadOnlyList<PlanAction> actions, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(actions);
        return new PlanProgress(
            actions.Count,
            actions.Count(a => a.Status == ActionStatus.Planned),
            actions.Count(a => a.Status == ActionStatus.InProgress),
            actions.Count(a => a.Status == ActionStatus.Done),
            actions.Count(a => a.Status == ActionStatus.Dropped),
            actions.Count(a => a.IsOverdue(asOf)));
    }

    /// <summary>The open actions due before <paramref name="asOf"/>, the longest overdue first.</summary>
    public static IReadOnlyList<PlanAction> OverdueActions(IReadOnlyList<PlanAction> actions, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(actions);
        return actions.Where(a => a.IsOverdue(asOf)).OrderBy(a => a.Due).ThenBy(a => a.Id, StringComparer.Ordinal).ToArray();
    }
}
