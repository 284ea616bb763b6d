namespace Nlc.Excel.Xlsx;

/// <summary>A1-style cell references: column letters from a 0-based column index and back.</summary>
internal static class CellReference
{
    /// <summary>The most columns a sheet can have (XFD).</summary>
    public const int MaxColumns = 16384;

    /// <summary>"A" for 0, "Z" for 25, "AA" for 26.</summary>
    public static string Column(int index)
    {
        Span<char> letters = stackalloc char[3];
        var at = letters.Length;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters[--at] = (char)('A' + ((n - 1) % 26));
        }

        return new string(letters[at..]);
    }

    /// <summary>"B7" for column 1, row 7 (rows are 1-based, as in Excel).</summary>
    public static string Of(int column, int row) => Column(column) + row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"'Summary'!$B$9:$B$14": an absolute range on a sheet, as charts and validations refer to it.</summary>
    public static string Range(string sheet, int firstColumn, int firstRow, int lastColumn, int lastRow) =>
        $"'{sheet.Replace("'", "''", StringComparison.Ordinal)}'!${Column(firstColumn)}${firstRow}:${Column(lastColumn)}${lastRow}";

    /// <summary>Parses the letters of "C14" into column 2 and the digits into row 14; false when it is not such a reference.</summary>
    public static bool TryParse(string? reference, out int column, out int row)
    {
        column = -1;
        row = 0;
        if (string.IsNullOrEmpty(reference))
        {
            return false;
        }

        var i = 0;
        var col = 0;
        while (i < reference.Length && char.IsAsciiLetter(reference[i]))
        {
            col = (col * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            if (col > MaxColumns)
            {
                return false;
            }

            i++;
        }

        if (i == 0 || i == reference.Length)
        {
            return false;
        }

        var r = 0;
        for (; i < reference.Length; i++)
        {
            if (!char.IsAsciiDigit(reference[i]) || r > 10_000_000)
            {
                return false;
            }

            r = (r * 10) + (reference[i] - '0');
        }

        column = col - 1;
        row = r;
        return r > 0;
    }
}
