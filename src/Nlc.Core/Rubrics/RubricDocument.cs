namespace Nlc.Core.Rubrics;

// The rubric file as written, before validation: every field may be missing, and every node knows where it stands.

/// <summary>Where a node stands in a rubric file: its path inside the document and its line.</summary>
internal sealed record SourceLocation(string Path, int Line)
{
    public SourceLocation Child(string key) => this with { Path = Path.Length == 0 ? key : $"{Path}.{key}" };

    public SourceLocation Item(int index) => this with { Path = $"{Path}[{index}]" };
}

internal sealed record TextEntry(string Locale, string Text, SourceLocation At);

internal sealed record TextDocument(SourceLocation At, IReadOnlyList<TextEntry> Entries);

internal sealed record LocaleEntry(string Locale, SourceLocation At);

internal sealed record LevelDocument(SourceLocation At, int? Level, TextDocument? Name, TextDocument? Description);

internal sealed record AnswerOptionDocument(SourceLocation At, TextDocument? Name, TextDocument? Description);

internal sealed record ScaleDocument(
    SourceLocation At,
    IReadOnlyList<LevelDocument> Levels,
    AnswerOptionDocument? NotApplicable,
    AnswerOptionDocument? DontKnow);

internal sealed record PillarDocument(SourceLocation At, string? Id, TextDocument? Title, TextDocument? Summary);

internal sealed record PillarLinkDocument(SourceLocation At, string? Pillar, double? Weight);

internal sealed record LevelDescriptorDocument(SourceLocation At, int? Level, TextDocument? Descriptor);

internal sealed record IndicatorDocument(
    SourceLocation At,
    string? Id,
    double? Weight,
    TextDocument? Question,
    TextDocument? Guidance,
    IReadOnlyList<TextDocument> Evidence,
    IReadOnlyList<LevelDescriptorDocument> Levels);

internal sealed record PracticeDocument(
    SourceLocation At,
    string? Id,
    TextDocument? Title,
    TextDocument? Summary,
    IReadOnlyList<PillarLinkDocument> Pillars,
    IReadOnlyList<IndicatorDocument> Indicators);

internal sealed record RubricDocument(
    string File,
    string ContentHash,
    SourceLocation At,
    string? Id,
    string? Version,
    TextDocument? Title,
    TextDocument? Description,
    TextDocument? Source,
    TextDocument? Attribution,
    IReadOnlyList<LocaleEntry> Locales,
    ScaleDocument? Scale,
    IReadOnlyList<PillarDocument> Pillars,
    IReadOnlyList<PracticeDocument> Practices);
