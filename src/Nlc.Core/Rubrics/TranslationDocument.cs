namespace Nlc.Core.Rubrics;

/// <summary>A translation file as written, before validation: every header field may be missing.</summary>
internal sealed record TranslationDocument(
    string File,
    string? Rubric,
    string? RubricVersion,
    string? Language,
    string? Revision,
    string? ReviewStatus,
    string ReviewNote,
    IReadOnlyList<TranslationEntry> Texts,
    IReadOnlyDictionary<string, int> HeaderLines);

/// <summary>One text of a translation file: its key, the English it was translated from, the translation, and its line.</summary>
internal sealed record TranslationEntry(string Key, string Source, string Text, int Line);
