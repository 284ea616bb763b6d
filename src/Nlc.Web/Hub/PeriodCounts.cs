namespace Nlc.Web.Hub;

/// <summary>How many assessments of one period are drafts, submitted and validated.</summary>
public sealed record PeriodCounts(string Period, int Draft, int Submitted, int Validated);
