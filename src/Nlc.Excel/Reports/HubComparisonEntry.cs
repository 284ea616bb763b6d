using Nlc.Core.Scoring;

namespace Nlc.Excel.Reports;

/// <summary>
/// One row of a hub comparison: a city's assessment for one period and its scores, its workflow status ("validated",
/// "draft"...; null when not known) and, when the city has one, its assessment of the period before (for the change).
/// </summary>
public sealed record HubComparisonEntry(
    string CityName, string Country, string Period, ScoreResult Score, string? Status = null, string? PreviousPeriod = null, ScoreResult? Previous = null);
