namespace Nlc.Core.Scoring;

/// <summary>The one rule that turns a practice's weighted mean level into the whole maturity level it has reached.</summary>
public static class MaturityLevel
{
    // A mean of exactly 3 may arrive as 2.9999999999999996 after weighting; it has reached level 3.
    private const double Tolerance = 1e-9;

    /// <summary>The whole level a weighted mean level reaches: 2.7 is level 2, 3.0 is level 3.</summary>
    public static int OfMeanLevel(double meanLevel) => (int)Math.Floor(meanLevel + Tolerance);

    /// <summary>The whole level a practice score (0–100, the mean level as a share of <paramref name="maxLevel"/>) stands for.</summary>
    public static int OfScore(double score, int maxLevel) => OfMeanLevel(score * maxLevel / 100.0);
}
