using System.Buffers;

namespace Nlc.Core.Text;

/// <summary>
/// Keeps text from being taken for a formula (OWASP ASVS 5.0, 1.2.10): every text a workbook or a CSV export holds is written through
/// <see cref="Protect"/>, which puts an apostrophe before text that begins like a formula. The apostrophe is part of the
/// cell's text, so it is still there when a spreadsheet program saves the workbook as CSV; the quotePrefix cell style is
/// not (LibreOffice saves such a cell as "=1+1"). <see cref="Unprotect"/> takes it off again when a workbook is read, so
/// text comes back exactly as it was given.
/// </summary>
public static class FormulaGuard
{
    /// <summary>
    /// What a spreadsheet program may start a formula or a command with, when it opens text or CSV: = + - @, a tab, a
    /// carriage return, a line feed, a null character, and the full-width = + - @ that some locales' spreadsheets accept.
    /// </summary>
    public static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r\n\0\uFF1D\uFF0B\uFF0D\uFF20");

    private const char Apostrophe = '\'';

    /// <summary>The text as a cell holds it: with an apostrophe in front when it begins like a formula.</summary>
    public static string Protect(string text) => NeedsApostrophe(text) ? Apostrophe + text : text;

    /// <summary>The text as it was given, from a cell's text: the apostrophe <see cref="Protect"/> added taken off.</summary>
    public static string Unprotect(string text) =>
        text.Length > 1 && text[0] == Apostrophe && NeedsApostrophe(text.AsSpan(1)) ? text[1..] : text;

    /// <summary>
    /// Whether the text begins like a formula after any apostrophes: so text that already begins with apostrophes and
    /// then a formula character gets one more, and every text survives a write and a read unchanged.
    /// </summary>
    private static bool NeedsApostrophe(ReadOnlySpan<char> text)
    {
        var start = text.IndexOfAnyExcept(Apostrophe);
        return start >= 0 && FormulaStarts.Contains(text[start]);
    }
}
