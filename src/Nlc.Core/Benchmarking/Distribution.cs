namespace Nlc.Core.Benchmarking;

/// <summary>
/// The distribution of one score across a group: count, min, quartiles, max and mean.
/// Quartiles are computed by linear interpolation between closest ranks (Hyndman–Fan type 7, as Excel's QUARTILE.INC
/// and R's default): the p-quantile of sorted x[0..n-1] is x[h] + (h - floor h)(x[floor h + 1] - x[floor h]), h = (n - 1)p.
/// </summary>
public sealed record Distribution(int N, double Min, double Q1, double Median, double Q3, double Max, double Mean)
{
    /// <summary>The summary of <paramref name="values"/>, or null when there are none.</summary>
    public static Distribution? Of(IEnumerable<double> values) => OfSortedInPlace(values.ToArray());

    /// <summary>The summary of <paramref name="values"/>, or null when there are none; sorts <paramref name="values"/> in place.</summary>
    public static Distribution? OfSortedInPlace(Span<double> values)
    {
        if (values.Length == 0)
        {
            return null;
        }

        values.Sort();
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value;
        }

        return new Distribution(
            values.Length, values[0], Quantile(values, 0.25), Quantile(values, 0.5), Quantile(values, 0.75), values[^1], sum / values.Length);
    }

    /// <summary>The p-quantile (type 7) of already sorted values.</summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var low = (int)Math.Floor(h);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((h - low) * (sorted[high] - sorted[low]));
    }

    /// <summary>
    /// The percentile rank of <paramref name="value"/> among <paramref name="values"/>, 0–100: the share of values below it
    /// plus half the share equal to it (so the middle of a tie), the "mid-rank" definition.
    /// </summary>
    public static double PercentileRank(IReadOnlyCollection<double> values, double value)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("A percentile rank needs at least one value.", nameof(values));
        }

        var below = values.Count(v => v < value);
        var equal = values.Count(v => v == value);
        return 100.0 * (below + (0.5 * equal)) / values.Count;
    }
}
