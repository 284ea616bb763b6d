namespace Nlc.Web.Charts;

/// <summary>One line of a line chart: its name and one value per category (null: no value there, the line breaks).</summary>
public sealed record LineSeries(string Name, IReadOnlyList<double?> Values);
