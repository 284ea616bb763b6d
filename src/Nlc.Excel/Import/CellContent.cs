using System.Globalization;
using Nlc.Core.Text;
using Nlc.Excel.Xlsx;

namespace Nlc.Excel.Import;

/// <summary>What kind of value a cell holds, as stored (nothing here is ever evaluated).</summary>
internal enum CellKind
{
    Empty,
    Text,
    Number,
    Boolean,
    Error,
}

/// <summary>
/// One cell as found: its kind, its text (a number's as stored, in invariant form), its number, and its formula if it
/// has one (then the value is only the cached result of that formula, which is never trusted as an answer).
/// </summary>
internal readonly record struct CellContent(int Column, int Row, CellKind Kind, string Text, double Number, string? Formula)
{
    public bool IsBlank => Formula is null && (Kind == CellKind.Empty || (Kind == CellKind.Text && string.IsNullOrWhiteSpace(Text)));

    public string Reference => CellReference.Of(Column, Row);

    /// <summary>The cell's text, trimmed; a number as its shortest invariant form; empty for an empty cell.</summary>
    public string Value => Kind switch
    {
        CellKind.Text => Text.Trim(),
        CellKind.Number => Number.ToString("R", CultureInfo.InvariantCulture),
        CellKind.Empty => "",
        _ => Text,
    };

    /// <summary>The value as quoted in a message, cut to a readable length.</summary>
    public string Quoted
    {
        get
        {
            var value = Formula is not null ? "=" + Formula : Value;
            return "\"" + (value.Length > 60 ? value[..59] + "…" : value) + "\"";
        }
    }

    /// <summary>
    /// The content of a cell as read from its XML: its type attribute ("t"), its value ("v"), its formula ("f") and its
    /// inline string ("is", already read as text), with shared strings looked up; a text as it was given, without the
    /// apostrophe the writers put before text that begins like a formula (<see cref="FormulaGuard"/>).
    /// </summary>
    public static CellContent Read(int column, int row, string? type, string? raw, string? formula, string? inline, IReadOnlyList<string> sharedStrings)
    {
        switch (type)
        {
            case "s":
                return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Count
                    ? new CellContent(column, row, CellKind.Text, FormulaGuard.Unprotect(sharedStrings[index]), 0, formula)
                    : new CellContent(column, row, CellKind.Error, $"#REF (shared string {raw} is missing)", 0, formula);
            case "inlineStr":
                return new CellContent(column, row, CellKind.Text, FormulaGuard.Unprotect(inline ?? raw ?? ""), 0, formula);
            case "str":
            case "d":
                return new CellContent(column, row, CellKind.Text, FormulaGuard.Unprotect(XmlText.Unescape(raw ?? "")), 0, formula);
            case "b":
                return new CellContent(column, row, CellKind.Boolean, raw == "1" ? "TRUE" : "FALSE", 0, formula);
            case "e":
                return new CellContent(column, row, CellKind.Error, raw ?? "#ERROR", 0, formula);
            default:
                if (string.IsNullOrEmpty(raw))
                {
                    return new CellContent(column, row, CellKind.Empty, "", 0, formula);
                }

                return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? new CellContent(column, row, CellKind.Number, raw, number, formula)
                    : new CellContent(column, row, CellKind.Text, FormulaGuard.Unprotect(raw), 0, formula);
        }
    }
}
