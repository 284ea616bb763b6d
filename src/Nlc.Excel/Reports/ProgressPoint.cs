using Nlc.Core.Scoring;

namespace Nlc.Excel.Reports;

/// <summary>One assessment of a city in a progress report: its period ("2025", "2025-H1") and its scores (which name their rubric version).</summary>
public sealed record ProgressPoint(string Period, ScoreResult Score);
