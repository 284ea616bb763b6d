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

    /// <summary>"id@version", e.g. "nlc@1.0.0".</summary>
    public string Key => $"{Id}@{Version}";
}
