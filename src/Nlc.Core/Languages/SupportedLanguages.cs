namespace Nlc.Core.Languages;

/// <summary>
/// The languages the toolkit serves and the one rule that turns a requested BCP 47 tag into one of them.
/// </summary>
public static class SupportedLanguages
{
    /// <summary>English, the language the rubric is written in and every text falls back to.</summary>
    public const string English = "en";

    /// <summary>Serbian in Latin script: translated, and the source of <see cref="SerbianCyrillic"/>.</summary>
    public const string SerbianLatin = "sr-Latn";

    /// <summary>Serbian in Cyrillic script: never written by hand, always <see cref="SerbianLatin"/> transliterated.</summary>
    public const string SerbianCyrillic = "sr-Cyrl";

    /// <summary>Every language served, English first.</summary>
    public static IReadOnlyList<string> All { get; } = [English, "sq", "mk", SerbianLatin, SerbianCyrillic, "bs", "hr"];

    /// <summary>The languages written as translation files (all but English and the derived <see cref="SerbianCyrillic"/>).</summary>
    public static IReadOnlyList<string> Translated { get; } = ["sq", "mk", SerbianLatin, "bs", "hr"];

    /// <summary>
    /// The served language a BCP 47 tag asks for (case-insensitive, "sr_RS" read as "sr-RS"), or null when none is:
    /// "sq-XK" → sq, "cnr" and "sr-ME" → sr-Latn, "sr-Cyrl-RS" → sr-Cyrl, "xx" → null.
    /// </summary>
    public static string? Match(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var subtags = tag.Trim().Split('-', '_');
        var language = subtags[0].ToLowerInvariant();
        var script = subtags.Length > 1 && subtags[1].Length == 4 ? subtags[1].ToLowerInvariant() : null;
        return language switch
        {
            // Montenegrin: CLDR serves it, and Montenegro, with Serbian in Latin script.
            "cnr" => SerbianLatin,

            // Without a script, Serbian is served in Latin (CLDR would say Cyrillic): Latin is the script the translation
            // is written and reviewed in, and the one Serbian readers share across the region (Montenegro, Kosovo, Bosnia
            // and Herzegovina). Cyrillic is served to whoever asks for it by name.
            "sr" => script == "cyrl" ? SerbianCyrillic : SerbianLatin,
            _ => All.FirstOrDefault(l => l == language),
        };
    }

    /// <summary>The first of <paramref name="preferences"/> (most preferred first) that is served, else English.</summary>
    public static string Negotiate(IEnumerable<string?> preferences) =>
        preferences.Select(Match).FirstOrDefault(l => l is not null) ?? English;
}
