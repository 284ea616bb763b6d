using Nlc.Core.Scoring;

namespace Nlc.Excel.Reports;

/// <summary>One row of a hub comparison: a city's assessment for one period and its scores.</summary>
public sealed record HubComparisonEntry(string CityName, string Country, string Period, ScoreResult Score);
