using System.Collections.Frozen;

namespace Nlc.Core.Rubrics;

/// <summary>A text with an English original and optional translations, keyed by locale (BCP 47, e.g. "sr-Latn").</summary>
public sealed class LocalizedText
{
    /// <summary>The locale every text must have and every lookup falls back to.</summary>
    public const string DefaultLocale = "en";

    private readonly FrozenDictionary<string, string> _translations;

    /// <summary>Creates a text; <paramref name="translations"/> must contain <see cref="DefaultLocale"/>.</summary>
    public LocalizedText(IReadOnlyDictionary<string, string> translations)
    {
        if (!translations.ContainsKey(DefaultLocale))
        {
            throw new ArgumentException($"A localized text needs an '{DefaultLocale}' entry.", nameof(translations));
        }

        _translations = translations.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The English text.</summary>
    internal string En => _translations[DefaultLocale];

    /// <summary>Every locale this text is written in.</summary>
    public IEnumerable<string> Locales => _translations.Keys;

    /// <summary>
    /// The text in <paramref name="locale"/>, else in its parent locales ("sr-Latn-RS", "sr-Latn", "sr"), else in English.
    /// </summary>
    public string Get(string? locale)
    {
        var candidate = locale;
        while (!string.IsNullOrEmpty(candidate))
        {
            if (_translations.TryGetValue(candidate, out var text))
            {
                return text;
            }

            var cut = candidate.LastIndexOf('-');
            candidate = cut > 0 ? candidate[..cut] : null;
        }

        return En;
    }

    /// <summary>This text with <paramref name="text"/> added (or replaced) in <paramref name="locale"/>.</summary>
    internal LocalizedText With(string locale, string text) =>
        new(new Dictionary<string, string>(_translations, StringComparer.OrdinalIgnoreCase) { [locale] = text });

    /// <summary>Creates an English-only text.</summary>
    public static LocalizedText English(string text) => new(new Dictionary<string, string> { [DefaultLocale] = text });

    /// <inheritdoc />
    public override string ToString() => En;
}
