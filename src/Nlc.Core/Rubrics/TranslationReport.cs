namespace Nlc.Core.Rubrics;

/// <summary>
/// What the validator found in one translation file: how many of the rubric's texts it translates in use
/// (<paramref name="Translated"/> of <paramref name="Total"/>) and every problem, all of which leave the file usable.
/// </summary>
public sealed record TranslationReport(string File, string Language, int Translated, int Total, IReadOnlyList<TranslationProblem> Problems)
{
    /// <summary>The share of the rubric's texts served in this language, 0 to 1; the rest fall back to English.</summary>
    public double Coverage => Total == 0 ? 1 : (double)Translated / Total;
}
