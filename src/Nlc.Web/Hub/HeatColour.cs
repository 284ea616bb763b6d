namespace Nlc.Web.Hub;

/// <summary>
/// The five score bands of the heat map, 0–20 to 80–100, each a light background (red through yellow to green, as the
/// workbooks colour scores) under dark text, so the number in every cell keeps its contrast and the colour only repeats it.
/// </summary>
public static class HeatColour
{
    /// <summary>The band lower bounds.</summary>
    public static IReadOnlyList<int> Bands { get; } = [0, 20, 40, 60, 80];

    /// <summary>The CSS class of <paramref name="score"/>'s band ("heat-0" … "heat-4"), or "heat-none" when unscored.</summary>
    public static string ClassOf(double? score) =>
        score is { } value ? "heat-" + Math.Clamp((int)(value / 20), 0, Bands.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "heat-none";
}
