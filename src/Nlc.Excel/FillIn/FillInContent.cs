using Nlc.Core.Rubrics;
using Nlc.Core.Storage;

namespace Nlc.Excel.FillIn;

/// <summary>What one fill-in workbook shows: the rubric in one language, whose assessment it is (if any) and the answers so far.</summary>
internal sealed record FillInContent(
    Rubric Rubric,
    string Language,
    string? AssessmentId,
    string? CityName,
    string? Period,
    IReadOnlyDictionary<string, AnswerInput> Answers,
    string Contact)
{
    public AnswerChoices Choices { get; } = new(Rubric.Scale, Language);
}
