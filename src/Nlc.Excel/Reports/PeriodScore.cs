using Nlc.Core.Scoring;

namespace Nlc.Excel.Reports;

/// <summary>One period of a city in the progress report: its period ("2025", "2025-H1") and its scores (which name their rubric version).</summary>
public sealed record PeriodScore(string Period, ScoreResult Score);
