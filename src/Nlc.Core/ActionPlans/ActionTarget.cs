namespace Nlc.Core.ActionPlans;

/// <summary>What an action should move: a practice, optionally one of its indicators, and the level to reach.</summary>
public sealed record ActionTarget(string PracticeId, string? IndicatorId, int TargetLevel);
