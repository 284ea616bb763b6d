using Nlc.Core.Progress;

namespace Nlc.Excel.Reports;

/// <summary>A city's targets for the progress report: the period to reach them by (null when not set), and the engine's progress from the baseline period to the current one.</summary>
public sealed record ProgressTargets(string? TargetPeriod, string BaselinePeriod, string CurrentPeriod, TargetProgress Progress);
