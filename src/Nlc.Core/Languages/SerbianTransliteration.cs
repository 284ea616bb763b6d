using System.Text;
using System.Text.RegularExpressions;

namespace Nlc.Core.Languages;

/// <summary>
/// Serbian Latin to Serbian Cyrillic, letter by letter (lj → љ, nj → њ, dž → џ, with their capitals), so the Cyrillic
/// text is always the Latin one and the two never drift. Left in Latin, as Serbian Cyrillic texts print them:
/// <list type="bullet">
/// <item>web and e-mail addresses;</item>
/// <item>words with a digit, such as ids ("GP01.1") and numbers;</item>
/// <item>words with a letter that is not in the Serbian Latin alphabet (q, w, x, y, ä …), which are foreign words;</item>
/// <item>the foreign names and acronyms in <see cref="KeptInLatin"/>, such as GCTF.</item>
/// </list>
/// Everything else is Serbian and is transliterated, acronyms included ("OCD" → "ОЦД"): a new foreign name in a
/// translation belongs in <see cref="KeptInLatin"/>.
/// </summary>
public static partial class SerbianTransliteration
{
    /// <summary>Foreign names and acronyms that stay in Latin script, matched as whole words, case-sensitively.</summary>
    public static IReadOnlyList<string> KeptInLatin { get; } =
    [
        "Global Counterterrorism Forum",
        "National-Local Cooperation Toolkit",
        "Strong Cities Network",
        "Western Balkans Regional Hub",
        "LibreOffice",
        "If-Match",
        "ETag",
        "GCTF",
        "P/CVE",
        "CVE",
        "NLC",

        // Names in the workbooks' and reports' interface texts: programs, file formats, a sheet, and page-number codes.
        "Strict Open XML Spreadsheet",
        "OpenDocument",
        "MAJOR.MINOR.PATCH",
        "Content_Types",
        "_meta",
        ".ods",
        "UTC",
        "DTD",
        "&P",
        "&N",

        // Names in the pages' and API errors' interface texts.
        "API",
        "JSON",
        "ISO",
        "Ctrl",
        "Shift",
    ];

    // Declared after KeptInLatin, which it is built from: static fields are initialized in the order they are written.
    private static readonly Regex KeptSpans = new(
        @"https?://\S+[^\s.,;:!?)\]""']|www\.\S+[^\s.,;:!?)\]""']|[\w.+-]+@[\w-]+(\.[\w-]+)+|"
        + string.Join('|', KeptInLatin.OrderByDescending(n => n.Length).Select(n => $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(n)}(?![\p{{L}}\p{{N}}])")),
        RegexOptions.CultureInvariant);

    private static readonly Dictionary<string, string> Digraphs = new(StringComparer.Ordinal)
    {
        ["lj"] = "љ", ["Lj"] = "Љ", ["LJ"] = "Љ",
        ["nj"] = "њ", ["Nj"] = "Њ", ["NJ"] = "Њ",
        ["dž"] = "џ", ["Dž"] = "Џ", ["DŽ"] = "Џ",
    };

    private static readonly Dictionary<char, string> Letters = Pairs(
        "abcčćdđefghijklmnoprsštuvzž",
        "абцчћдђефгхијклмнопрсштувзж");

    /// <summary>The Cyrillic form of Serbian Latin <paramref name="latin"/>; see the type for what stays in Latin.</summary>
    public static string ToCyrillic(string latin)
    {
        var result = new StringBuilder(latin.Length);
        var at = 0;
        foreach (Match kept in KeptSpans.Matches(latin))
        {
            result.Append(TransliterateWords(latin[at..kept.Index]));
            result.Append(kept.Value);
            at = kept.Index + kept.Length;
        }

        return result.Append(TransliterateWords(latin[at..])).ToString();
    }

    private static string TransliterateWords(string text) =>
        Word().Replace(text, word => IsForeign(word.Value) ? word.Value : TransliterateWord(word.Value));

    private static bool IsForeign(string word) =>
        word.Any(c => char.IsDigit(c) || (char.IsLetter(c) && !Letters.ContainsKey(char.ToLowerInvariant(c))));

    private static string TransliterateWord(string word)
    {
        var result = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            if (i + 1 < word.Length && Digraphs.TryGetValue(word.Substring(i, 2), out var digraph))
            {
                result.Append(digraph);
                i++;
            }
            else if (Letters.TryGetValue(char.ToLowerInvariant(word[i]), out var letter))
            {
                result.Append(char.IsUpper(word[i]) ? letter.ToUpperInvariant() : letter);
            }
            else
            {
                result.Append(word[i]);
            }
        }

        return result.ToString();
    }

    private static Dictionary<char, string> Pairs(string latin, string cyrillic) =>
        latin.Zip(cyrillic).ToDictionary(p => p.First, p => p.Second.ToString());

    /// <summary>A word: letters and digits, joined by dots between them so an id such as "GP01.1" is one word.</summary>
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
