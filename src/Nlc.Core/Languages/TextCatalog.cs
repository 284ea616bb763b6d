using System.Collections;
using System.Globalization;
using System.Resources;

namespace Nlc.Core.Languages;

/// <summary>
/// The interface strings of one surface (a .resx file in English and one translated .resx per language of
/// <see cref="SupportedLanguages.Translated"/>), looked up in a served language. Serbian Cyrillic is never a file: it is
/// the Serbian Latin text transliterated, so the two scripts never drift.
/// </summary>
public sealed class TextCatalog(ResourceManager resources)
{
    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/> (a served language), else in English.</summary>
    /// <exception cref="KeyNotFoundException">The English file has no such key: a programming error.</exception>
    public string Get(string key, string language)
    {
        if (language == SupportedLanguages.SerbianCyrillic)
        {
            return SerbianTransliteration.ToCyrillic(Get(key, SupportedLanguages.SerbianLatin));
        }

        return resources.GetString(key, CultureOf(language))
            ?? throw new KeyNotFoundException($"The interface text '{key}' is missing from {resources.BaseName}.resx.");
    }

    /// <summary>
    /// The text of <paramref name="key"/> in <paramref name="language"/> with its placeholders ({0}, {1}…) filled in,
    /// numbers and dates written in that language's culture.
    /// </summary>
    public string Format(string key, string language, params object?[] arguments) =>
        string.Format(CultureOf(language), Get(key, language), arguments);

    /// <summary>The keys of the English file that the translation into <paramref name="language"/> lacks or leaves empty.</summary>
    public IReadOnlyList<string> MissingKeys(string language)
    {
        var english = EnglishSet();
        var translated = resources.GetResourceSet(CultureOf(language), createIfNotExists: true, tryParents: false);

        // Without a file for the language the resource manager answers with the English set itself.
        if (ReferenceEquals(translated, english))
        {
            translated = null;
        }

        return EnglishKeys()
            .Where(key => string.IsNullOrWhiteSpace(translated?.GetString(key)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Every key of the English file.</summary>
    public IReadOnlyList<string> EnglishKeys() =>
        EnglishSet().Cast<DictionaryEntry>().Select(entry => (string)entry.Key).Order(StringComparer.Ordinal).ToList();

    private ResourceSet EnglishSet() =>
        resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"{resources.BaseName}.resx is not embedded.");

    /// <summary>The culture that formats numbers and dates for a served language ("sr-Cyrl" as Serbian Cyrillic, "sq" as Albanian).</summary>
    public static CultureInfo CultureOf(string language) => CultureInfo.GetCultureInfo(language);
}
