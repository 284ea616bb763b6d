using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Nlc.Core.Periods;

/// <summary>
/// The period an assessment covers: a year, optionally narrowed to a half, a quarter or a month ("2025", "2025-H1",
/// "2025-Q3", "2025-06"). Periods order chronologically by the month they start in; of periods starting in the same month
/// the longer comes first (2025, 2025-H1, 2025-Q1, 2025-01, 2025-02, 2025-03, 2025-Q2, ...), so a whole comes just before
/// its first part, the way an outline lists a chapter before its sections, and every ordering is total and stable.
/// </summary>
public readonly struct Period : IEquatable<Period>, IComparable<Period>
{
    /// <summary>The forms a period may take, for messages that say what was expected.</summary>
    public const string Examples = "2025, 2025-H1, 2025-Q3 or 2025-06";

    private Period(int year, PeriodKind kind, int number)
    {
        Year = year;
        Kind = kind;
        Number = number;
    }

    /// <summary>The calendar year (0 to 9999).</summary>
    public int Year { get; }

    /// <summary>Whether this is a year, a half, a quarter or a month.</summary>
    public PeriodKind Kind { get; }

    /// <summary>Which half (1-2), quarter (1-4) or month (1-12) of the year; 0 for a whole year.</summary>
    public int Number { get; }

    /// <summary>The month of the year the period starts in (1 to 12).</summary>
    public int StartMonth => Kind switch
    {
        PeriodKind.Half => ((Number - 1) * 6) + 1,
        PeriodKind.Quarter => ((Number - 1) * 3) + 1,
        PeriodKind.Month => Number,
        _ => 1,
    };

    /// <summary>How many months the period lasts: 12, 6, 3 or 1.</summary>
    public int LengthInMonths => Kind switch
    {
        PeriodKind.Half => 6,
        PeriodKind.Quarter => 3,
        PeriodKind.Month => 1,
        _ => 12,
    };

    /// <summary>Orders period texts chronologically; a text that is not a period sorts after every period, ordinally among its kind.</summary>
    public static IComparer<string> TextComparer { get; } = Comparer<string>.Create(CompareTexts);

    /// <summary>Reads <paramref name="text"/> exactly as written ("2025-H1", not "2025-h1" or " 2025"); false when it is no period.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Period period)
    {
        period = default;
        if (text is not { Length: 4 or 7 } || !IsDigits(text.AsSpan(0, 4)))
        {
            return false;
        }

        var year = int.Parse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        if (text.Length == 4)
        {
            period = new Period(year, PeriodKind.Year, 0);
            return true;
        }

        if (text[4] != '-')
        {
            return false;
        }

        var (kind, number) = text[5..] switch
        {
            ['H', var h and >= '1' and <= '2'] => (PeriodKind.Half, h - '0'),
            ['Q', var q and >= '1' and <= '4'] => (PeriodKind.Quarter, q - '0'),
            ['0', var m and >= '1' and <= '9'] => (PeriodKind.Month, m - '0'),
            ['1', var m and >= '0' and <= '2'] => (PeriodKind.Month, 10 + (m - '0')),
            _ => (PeriodKind.Year, -1),
        };
        if (number < 0)
        {
            return false;
        }

        period = new Period(year, kind, number);
        return true;
    }

    /// <summary>Reads <paramref name="text"/>; throws <see cref="FormatException"/> when it is no period.</summary>
    public static Period Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}' is not a period such as {Examples}.");

    /// <summary>Whether <paramref name="text"/> is a period as <see cref="TryParse"/> reads it.</summary>
    public static bool IsValid([NotNullWhen(true)] string? text) => TryParse(text, out _);

    /// <inheritdoc />
    public int CompareTo(Period other)
    {
        var byYear = Year.CompareTo(other.Year);
        if (byYear != 0)
        {
            return byYear;
        }

        var byStart = StartMonth.CompareTo(other.StartMonth);
        return byStart != 0 ? byStart : other.LengthInMonths.CompareTo(LengthInMonths);
    }

    /// <inheritdoc />
    public bool Equals(Period other) => Year == other.Year && Kind == other.Kind && Number == other.Number;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Period other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Year, Kind, Number);

    /// <summary>The period as written: "2025", "2025-H1", "2025-Q3", "2025-06".</summary>
    public override string ToString()
    {
        var year = Year.ToString("D4", CultureInfo.InvariantCulture);
        return Kind switch
        {
            PeriodKind.Half => $"{year}-H{Number.ToString(CultureInfo.InvariantCulture)}",
            PeriodKind.Quarter => $"{year}-Q{Number.ToString(CultureInfo.InvariantCulture)}",
            PeriodKind.Month => $"{year}-{Number.ToString("D2", CultureInfo.InvariantCulture)}",
            _ => year,
        };
    }

    /// <summary>Equal periods.</summary>
    public static bool operator ==(Period left, Period right) => left.Equals(right);

    /// <summary>Different periods.</summary>
    public static bool operator !=(Period left, Period right) => !left.Equals(right);

    /// <summary>Whether <paramref name="left"/> comes before <paramref name="right"/>.</summary>
    public static bool operator <(Period left, Period right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> comes after <paramref name="right"/>.</summary>
    public static bool operator >(Period left, Period right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> comes before or is <paramref name="right"/>.</summary>
    public static bool operator <=(Period left, Period right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> comes after or is <paramref name="right"/>.</summary>
    public static bool operator >=(Period left, Period right) => left.CompareTo(right) >= 0;

    private static int CompareTexts(string? left, string? right)
    {
        var leftIsPeriod = TryParse(left, out var leftPeriod);
        var rightIsPeriod = TryParse(right, out var rightPeriod);
        return (leftIsPeriod, rightIsPeriod) switch
        {
            (true, true) => leftPeriod.CompareTo(rightPeriod),
            (true, false) => -1,
            (false, true) => 1,
            _ => string.CompareOrdinal(left, right),
        };
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
