namespace Nlc.Web.Charts;

/// <summary>One labelled value on a 0–100 scale; null means there is nothing to draw (not the same as zero).</summary>
public sealed record ChartValue(string Label, double? Value);
