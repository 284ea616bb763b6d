namespace Nlc.Core.ActionPlans;

/// <summary>
/// The fields of an action a person writes: what it is, what it should move, who does it with whom, and when.
/// Checked by <see cref="ActionRules.Check"/> before anything is stored.
/// </summary>
public sealed record ActionInput(
    string? Title,
    string? Description,
    IReadOnlyList<ActionTarget>? Targets,
    string? Responsible,
    IReadOnlyList<string>? Partners,
    DateOnly? Start,
    DateOnly? Due);
