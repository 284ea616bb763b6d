namespace Nlc.Core.Rubrics;

/// <summary>
/// One version of a scoring framework: its scale, pillars, practices and indicators, as loaded and validated from a file.
/// A rubric is a value: a change of wording or scoring is a new version, never an edit of this one.
/// </summary>
public sealed record Rubric(
    string Id,
    RubricVersion Version,
    LocalizedText Title,
    LocalizedText Description,
    LocalizedText Source,
    LocalizedText Attribution,
    IReadOnlyList<string> Locales,
    LevelScale Scale,
    IReadOnlyList<Pillar> Pillars,
    IReadOnlyList<Practice> Practices,
    string ContentHash)
{
    /// <summary>Every indicator, in rubric order (practice by practice).</summary>
    public IReadOnlyList<Indicator> Indicators { get; } = Practices.SelectMany(p => p.Indicators).ToArray();

    /// <summary>
    /// The translations attached from translation files, one per language, with their revision and review status.
    /// They are not part of the rubric's content: attaching one changes neither <see cref="Version"/> nor <see cref="ContentHash"/>.
    /// </summary>
    public IReadOnlyList<RubricTranslation> Translations { get; init; } = [];

    /// <summary>The translation into <paramref name="language"/>, or null (English, or a language not translated).</summary>
    public RubricTranslation? Translation(string language) =>
        Translations.FirstOrDefault(t => string.Equals(t.Language, language, StringComparison.OrdinalIgnoreCase));

    /// <summary>"id@version", e.g. "nlc@1.0.0".</summary>
    public string Key => $"{Id}@{Version}";
}
