using Nlc.Core.Rubrics;

namespace Nlc.Excel.Import;

/// <summary>
/// What a workbook says it was made for (its hidden _meta sheet): the rubric version and content hash, the assessment
/// (null for a blank workbook), the language, the city and period it was made for, and the assessment's version and the
/// time it was downloaded at (null for a blank workbook, or one made before workbooks recorded them).
/// </summary>
public sealed record WorkbookMetadata(
    int FormatVersion,
    string RubricId,
    RubricVersion RubricVersion,
    string RubricContentHash,
    string? AssessmentId,
    string Language,
    string? CityName,
    string? Period,
    long? BaseVersion = null,
    DateTimeOffset? DownloadedAt = null)
{
    /// <summary>"id@version", e.g. "nlc@1.0.0", as <see cref="Rubric.Key"/>.</summary>
    public string RubricKey => $"{RubricId}@{RubricVersion}";
}
