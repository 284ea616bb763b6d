namespace Nlc.Core.Rubrics;

/// <summary>
/// A rubric's translation into one language as attached: its <paramref name="Revision"/> (raised with every change of the
/// file), its review status, and what the validator found. Serbian Cyrillic carries the Serbian Latin file's.
/// </summary>
public sealed record RubricTranslation(string Language, int Revision, ReviewStatus Review, string ReviewNote, TranslationReport Report);
