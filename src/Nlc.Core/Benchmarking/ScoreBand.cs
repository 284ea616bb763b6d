namespace Nlc.Core.Benchmarking;

/// <summary>
/// A 20-point band of the 0–100 score scale on the fixed grid 0–20, 20–40, 40–60, 60–80, 80–100: a score is in the band
/// when <see cref="From"/> ≤ score &lt; <see cref="To"/>, except that 100 belongs to 80–100.
/// </summary>
public readonly record struct ScoreBand(int From, int To)
{
    /// <summary>The width of every band, in score points.</summary>
    public const int Width = 20;

    /// <summary>The band that holds <paramref name="score"/> (clamped to 0–100).</summary>
    public static ScoreBand Of(double score)
    {
        var from = (int)Math.Floor(Math.Clamp(score, 0, 100) / Width) * Width;
        from = Math.Min(from, 100 - Width);
        return new ScoreBand(from, from + Width);
    }

    /// <summary>Whether <paramref name="score"/> lies in this band.</summary>
    public bool Contains(double score) => Of(score) == this;
}
