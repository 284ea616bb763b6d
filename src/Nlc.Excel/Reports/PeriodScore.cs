using Nlc.Core.Scoring;

namespace Nlc.Excel.Reports;

/// <summary>
/// One period of a city in the progress report: its period ("2025", "2025-H1"), its scores (which name their rubric
/// version) and its workflow status ("draft", "submitted", "validated"; null when not known, and then counted as validated).
/// </summary>
public sealed record PeriodScore(string Period, ScoreResult Score, string? Status = null);
