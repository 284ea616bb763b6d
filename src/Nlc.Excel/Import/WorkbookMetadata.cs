using Nlc.Core.Rubrics;

namespace Nlc.Excel.Import;

/// <summary>
/// What a workbook says it was made for (its hidden _meta sheet): the rubric version and content hash, the assessment
/// (null for a blank workbook), the language, and the city and period it was made for, when it was.
/// </summary>
public sealed record WorkbookMetadata(
    int FormatVersion,
    string RubricId,
    RubricVersion RubricVersion,
    string RubricContentHash,
    string? AssessmentId,
    string Language,
    string? CityName,
    string? Period)
{
    /// <summary>"id@version", e.g. "nlc@1.0.0", as <see cref="Rubric.Key"/>.</summary>
    public string RubricKey => $"{RubricId}@{RubricVersion}";
}
