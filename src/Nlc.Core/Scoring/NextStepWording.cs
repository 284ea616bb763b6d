using Nlc.Core.Rubrics;

namespace Nlc.Core.Scoring;

/// <summary>
/// The one wording of a next step, used by the gap list (and so by the API and every report): a step to take, not a
/// description of a situation. The sentence frame is English; the rubric's own texts come in each of their locales.
/// </summary>
public static class NextStepWording
{
    /// <summary>"Reach level 2 – Developing: …" with the descriptor of <paramref name="level"/> for <paramref name="indicator"/>.</summary>
    public static LocalizedText ReachLevel(Indicator indicator, int level, LevelScale scale)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(scale);
        var descriptor = indicator.Descriptor(level);
        var name = scale.Levels[level].Name;
        return Compose(locale => $"Reach level {level} – {name.Get(locale)}: {descriptor.Get(locale)}", descriptor, name);
    }

    /// <summary>For a Don't know answer: find out which level applies, with where to look and whom to ask from the indicator's guidance.</summary>
    public static LocalizedText FindOutLevel(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var guidance = indicator.Guidance;
        return Compose(
            locale => $"Find out which level applies, then replace \"Don't know\" with that level. Where to look and whom to ask: {guidance.Get(locale)}",
            guidance);
    }

    private static LocalizedText Compose(Func<string, string> text, params LocalizedText[] parts) =>
        new(parts.SelectMany(p => p.Locales).Append(LocalizedText.DefaultLocale).Distinct(StringComparer.OrdinalIgnoreCase)
            .ToDictionary(locale => locale, text, StringComparer.OrdinalIgnoreCase));
}
