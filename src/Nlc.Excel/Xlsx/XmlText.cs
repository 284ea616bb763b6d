using System.Text;

namespace Nlc.Excel.Xlsx;

/// <summary>
/// SpreadsheetML's escape for characters XML cannot hold: "_xHHHH_" (ECMA-376 ST_Xstring), as Excel writes and reads it.
/// A literal "_xHHHH_" in the text has its underscore escaped as "_x005F_", so every string survives a round trip.
/// </summary>
internal static class XmlText
{
    /// <summary>The longest text a cell holds in Excel; longer text is refused by Excel, so writers cut it.</summary>
    public const int MaxCellCharacters = 32767;

    public static string Escape(string text)
    {
        if (!NeedsEscape(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (IsEscapeAt(text, i))
            {
                builder.Append("_x005F_");
            }
            else if (c == '\r' || !IsXmlChar(c))
            {
                builder.Append("_x").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)).Append('_');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    public static string Unescape(string text)
    {
        var at = text.IndexOf("_x", StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, at);
        for (var i = at; i < text.Length; i++)
        {
            if (IsEscapeAt(text, i))
            {
                builder.Append((char)Convert.ToInt32(text.Substring(i + 2, 4), 16));
                i += 6;
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>The text without characters XML cannot hold, for places that have no escape (chart labels, attributes).</summary>
    public static string Clean(string text)
    {
        if (!text.Any(c => !IsXmlChar(c) || char.IsSurrogate(c)))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(text[i]).Append(text[++i]);
            }
            else if (IsXmlChar(text[i]) && !char.IsSurrogate(text[i]))
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' || (c == '_' && IsEscapeAt(text, i)))
            {
                return true;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!IsXmlChar(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsXmlChar(char c) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);

    private static bool IsEscapeAt(string text, int i) =>
        i + 6 < text.Length
        && text[i] == '_' && text[i + 1] == 'x' && text[i + 6] == '_'
        && char.IsAsciiHexDigit(text[i + 2]) && char.IsAsciiHexDigit(text[i + 3])
        && char.IsAsciiHexDigit(text[i + 4]) && char.IsAsciiHexDigit(text[i + 5]);
}
