using System.Globalization;

namespace Nlc.Benchmarks;

/// <summary>Prints one line per figure: its name, value, goal and whether the goal is met.</summary>
internal static class Report
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static bool AllGoalsMet { get; private set; } = true;

    public static void Figure(string name, double value, string unit, double goal, string detail)
    {
        var met = value < goal;
        AllGoalsMet &= met;
        Console.WriteLine(string.Format(
            Invariant, "{0,-44} {1,10:N2} {2,-6} goal < {3:N0} {2,-6} {4,-4}  {5}", name, value, unit, goal, met ? "ok" : "MISS", detail));
    }

    /// <summary>A figure printed for comparison, with no goal of its own.</summary>
    public static void Info(string name, double value, string unit, string detail) =>
        Console.WriteLine(string.Format(Invariant, "{0,-44} {1,10:N2} {2,-6} (no goal)           {3}", name, value, unit, detail));
}
