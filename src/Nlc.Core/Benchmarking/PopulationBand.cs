namespace Nlc.Core.Benchmarking;

/// <summary>Fixed population bands for peer groups: under 10,000, 10,000–49,999, 50,000–99,999, 100,000–499,999, 500,000 and over.</summary>
public static class PopulationBand
{
    /// <summary>The band ids, smallest first.</summary>
    public static IReadOnlyList<string> Ids { get; } = ["under-10k", "10k-50k", "50k-100k", "100k-500k", "500k-plus"];

    private static readonly long[] LowerBounds = [0, 10_000, 50_000, 100_000, 500_000];

    /// <summary>The band of <paramref name="population"/>, or null when it is unknown.</summary>
    public static string? Of(long? population)
    {
        if (population is not { } people)
        {
            return null;
        }

        var band = 0;
        while (band + 1 < LowerBounds.Length && people >= LowerBounds[band + 1])
        {
            band++;
        }

        return Ids[band];
    }
}
