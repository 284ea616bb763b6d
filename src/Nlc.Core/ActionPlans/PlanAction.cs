namespace Nlc.Core.ActionPlans;

/// <summary>
/// One action of a city's action plan: its fields as written (<see cref="ActionInput"/>, checked), its status (with the
/// reason when dropped) and its dated progress notes, oldest first.
/// </summary>
public sealed record PlanAction(
    string Id,
    string Title,
    string Description,
    IReadOnlyList<ActionTarget> Targets,
    string Responsible,
    IReadOnlyList<string> Partners,
    DateOnly? Start,
    DateOnly? Due,
    ActionStatus Status,
    string? DropReason,
    IReadOnlyList<ProgressNote> Notes)
{
    /// <summary>Still to be finished: planned or in progress.</summary>
    public bool IsOpen => Status is ActionStatus.Planned or ActionStatus.InProgress;

    /// <summary>An open action whose due date is before <paramref name="asOf"/>.</summary>
    public bool IsOverdue(DateOnly asOf) => IsOpen && Due is { } due && due < asOf;

    /// <summary>This action with the checked fields of <paramref name="input"/> (see <see cref="ActionRules.Normalize"/>).</summary>
    public PlanAction With(ActionInput input)
    {
        var clean = ActionRules.Normalize(input);
        return this with
        {
            Title = clean.Title!,
            Description = clean.Description!,
            Targets = clean.Targets!,
            Responsible = clean.Responsible!,
            Partners = clean.Partners!,
            Start = clean.Start,
            Due = clean.Due,
        };
    }

    /// <summary>A new planned action with no notes, from checked <paramref name="input"/>.</summary>
    public static PlanAction New(string id, ActionInput input) =>
        new PlanAction(id, "", "", [], "", [], null, null, ActionStatus.Planned, null, []).With(input);
}
