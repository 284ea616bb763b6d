namespace Nlc.Core.ActionPlans;

/// <summary>A dated note on how an action is going.</summary>
public sealed record ProgressNote(DateOnly Date, string Text);
