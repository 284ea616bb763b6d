namespace Nlc.Core.Periods;

/// <summary>How long a <see cref="Period"/> is: a whole year, a half, a quarter or a month.</summary>
public enum PeriodKind
{
    /// <summary>A calendar year ("2025").</summary>
    Year,

    /// <summary>A half year ("2025-H1", "2025-H2").</summary>
    Half,

    /// <summary>A quarter ("2025-Q1" to "2025-Q4").</summary>
    Quarter,

    /// <summary>A month ("2025-01" to "2025-12").</summary>
    Month,
}
