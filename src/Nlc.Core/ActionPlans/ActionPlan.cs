namespace Nlc.Core.ActionPlans;

/// <summary>
/// A city's action plan: its actions in the city's order, the rubric their targets refer to, whether the city published
/// it (then partners may read it), and its version: every write to any action carries it, so no update is lost.
/// A city without a plan has an empty one at version 0.
/// </summary>
public sealed record ActionPlan(string CityId, string RubricId, bool Published, IReadOnlyList<PlanAction> Actions, DateTimeOffset? UpdatedAt, long RowVersion)
{
    /// <summary>The empty plan every city starts with.</summary>
    public static ActionPlan Empty(string cityId, string rubricId) => new(cityId, rubricId, false, [], null, 0);

    /// <summary>The action with <paramref name="actionId"/>, or null.</summary>
    public PlanAction? Find(string actionId) => Actions.FirstOrDefault(a => a.Id == actionId);

    /// <summary>This plan with <paramref name="action"/> in place of the action with its id (or added at the end).</summary>
    public ActionPlan WithAction(PlanAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var index = Actions.ToList().FindIndex(a => a.Id == action.Id);
        var actions = Actions.ToList();
        if (index < 0)
        {
            actions.Add(action);
        }
        else
        {
            actions[index] = action;
        }

        return this with { Actions = actions };
    }
}
