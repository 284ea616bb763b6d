using System.Globalization;
using Nlc.Core.Rubrics;

namespace Nlc.Excel.Reports;

/// <summary>How reports show the engine's numbers and names: scores rounded for display, levels as "3 - Established".</summary>
internal static class ReportValues
{
    private const double LevelEpsilon = 1e-9;

    /// <summary>A score rounded to one decimal, as a number; null stays null (not scored is not zero).</summary>
    public static double? Round(double? score) => score is { } value ? Math.Round(value, 1, MidpointRounding.AwayFromZero) : null;

    /// <summary>
    /// The whole level a 0–100 score reaches on the scale (score / 100 × top level, rounded down): for a practice this is the
    /// engine's maturity level, for a pillar or the overall index the same rule applied to its score.
    /// </summary>
    public static int? LevelReached(double? score, LevelScale scale) =>
        score is { } value ? Math.Clamp((int)Math.Floor((value * scale.MaxLevel / 100) + LevelEpsilon), 0, scale.MaxLevel) : null;

    public static string? LevelLabel(int? level, LevelScale scale, string language) =>
        level is { } l && l >= 0 && l <= scale.MaxLevel ? AnswerChoices.Label(l, scale.Levels[l].Name.Get(language)) : null;

    public static string PracticeName(Practice practice, string language) => $"{practice.Id} {practice.Title.Get(language)}";

    public static string PillarsOf(Practice practice, Rubric rubric, string language) => string.Join(", ", practice.Pillars.Select(link =>
        rubric.Pillars.FirstOrDefault(p => p.Id == link.PillarId)?.Title.Get(language) ?? link.PillarId));

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static void CheckRubric(Rubric rubric, Core.Scoring.ScoreResult score, string parameter)
    {
        if (score.RubricId != rubric.Id || score.RubricVersion != rubric.Version)
        {
            throw new ArgumentException($"The scores are against {score.RubricId}@{score.RubricVersion}, not {rubric.Key}.", parameter);
        }
    }
}
