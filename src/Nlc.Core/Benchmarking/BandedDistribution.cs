namespace Nlc.Core.Benchmarking;

/// <summary>
/// What a caller who may not see single cities is shown of one metric: how many cities scored it, and the
/// <see cref="ScoreBand"/> of its first quartile, median and third quartile (never min, max, mean or exact quartiles).
/// </summary>
public sealed record BandedDistribution(int N, ScoreBand Q1, ScoreBand Median, ScoreBand Q3)
{
    /// <summary>The bands of <paramref name="exact"/>'s quartiles.</summary>
    public static BandedDistribution Of(Distribution exact) => new(exact.N, ScoreBand.Of(exact.Q1), ScoreBand.Of(exact.Median), ScoreBand.Of(exact.Q3));
}
