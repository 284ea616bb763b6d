using System.Resources;
using Nlc.Core.Languages;
using Nlc.Core.Rubrics;

namespace Nlc.Core.Scoring;

/// <summary>
/// The one wording of a next step, used by the gap list (and so by the API and every report): a step to take, not a
/// description of a situation. The sentence frame is in each served language (Resources/CoreText.resx, English for a
/// locale not served); the rubric's own texts come in each of their locales.
/// </summary>
public static class NextStepWording
{
    private static readonly TextCatalog Frames = new(new ResourceManager("Nlc.Core.Resources.CoreText", typeof(NextStepWording).Assembly));

    /// <summary>"Reach level 2 – Developing: …" with the descriptor of <paramref name="level"/> for <paramref name="indicator"/>.</summary>
    public static LocalizedText ReachLevel(Indicator indicator, int level, LevelScale scale)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(scale);
        var descriptor = indicator.Descriptor(level);
        var name = scale.Levels[level].Name;
        return Compose(locale => Frame("NextStep.ReachLevel", locale, level, name.Get(locale), descriptor.Get(locale)), descriptor, name);
    }

    /// <summary>For a Don't know answer: find out which level applies, with where to look and whom to ask from the indicator's guidance.</summary>
    public static LocalizedText FindOutLevel(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var guidance = indicator.Guidance;
        return Compose(
            locale => Frame("NextStep.FindOut", locale, guidance.Get(locale)),
            guidance);
    }

    /// <summary>The frame <paramref name="key"/> in <paramref name="locale"/> when it is served (else English), filled in.</summary>
    private static string Frame(string key, string locale, params object?[] arguments)
    {
        var language = SupportedLanguages.Match(locale) ?? SupportedLanguages.English;

        // The parts are already in the locale's script; only the frame is looked up, so Serbian Cyrillic parts are not transliterated twice.
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, Frames.Get(key, language), arguments);
    }

    private static LocalizedText Compose(Func<string, string> text, params LocalizedText[] parts) =>
        new(parts.SelectMany(p => p.Locales).Append(LocalizedText.DefaultLocale).Distinct(StringComparer.OrdinalIgnoreCase)
            .ToDictionary(locale => locale, text, StringComparer.OrdinalIgnoreCase));
}
