using Nlc.Core.Assessments;
using Nlc.Core.Rubrics;

namespace Nlc.Excel.FillIn;

/// <summary>
/// What one fill-in workbook shows: the rubric in one language, whose assessment it is (if any), the answers so far, and
/// the version of the assessment they were read at and when (null for a blank workbook).
/// </summary>
internal sealed record FillInContent(
    Rubric Rubric,
    string Language,
    string? AssessmentId,
    string? CityName,
    string? Period,
    IReadOnlyDictionary<string, AnswerInput> Answers,
    long? BaseVersion,
    DateTimeOffset? DownloadedAt,
    string? Contact,
    string? ReadOnlyNotice = null)
{
    /// <summary>The notice that the texts are a draft translation, in <see cref="Language"/>; null when they are not.</summary>
    public string? DraftNotice { get; } = ExcelText.DraftNotice(Rubric, Language);

    /// <summary>Whether the answer cells are locked, because the assessment is no longer a draft (<see cref="ReadOnlyNotice"/> says why).</summary>
    public bool ReadOnly => ReadOnlyNotice is not null;

    public AnswerChoices Choices { get; } = new(Rubric.Scale, Language);
}
