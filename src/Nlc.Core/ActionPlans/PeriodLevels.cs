namespace Nlc.Core.ActionPlans;

/// <summary>A city's practice maturity levels in one period (practice id → level; null when nothing applicable was answered).</summary>
public sealed record PeriodLevels(string Period, IReadOnlyDictionary<string, int?> Levels);
