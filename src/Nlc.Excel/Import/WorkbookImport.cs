using Nlc.Core.Assessments;
using Nlc.Core.Rubrics;

namespace Nlc.Excel.Import;

/// <summary>
/// A workbook read without problems: what it was made for, the rubric version that matches it, and its answers in row
/// order (rows left blank are unanswered and not listed). The answers are valid for <see cref="Rubric"/>.
/// </summary>
public sealed record WorkbookImport(WorkbookMetadata Metadata, Rubric Rubric, IReadOnlyList<AnswerInput> Answers)
{
    /// <summary>The answers the workbook was downloaded with: indicator id to <see cref="AnswerFingerprint"/> (an indicator not listed had none).</summary>
    public IReadOnlyDictionary<string, string> Baseline { get; init; } = new Dictionary<string, string>();

    /// <summary>The cell each answer's level is in, with its sheet ("Assessment!F14"), by indicator id, for messages about it.</summary>
    public IReadOnlyDictionary<string, string> LevelCells { get; init; } = new Dictionary<string, string>();

    /// <summary>What was read but deserves the user's attention, such as an edited question text; the answers are read all the same.</summary>
    public IReadOnlyList<WorkbookProblem> Warnings { get; init; } = [];

    /// <summary>The indicators whose rows are in the workbook with no answer, in row order.</summary>
    public IReadOnlyList<string> BlankIndicators { get; init; } = [];

    /// <summary>
    /// <paramref name="answer"/> as this workbook shows it, in its language, for messages: its choice, then its reason,
    /// note and evidence where it has them ("3 - Established; note: Protocol of 2024; evidence: 2 entries").
    /// </summary>
    public string Describe(AnswerInput answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var a = answer.Answer;
        var parts = new List<string> { new AnswerChoices(Rubric.Scale, Metadata.Language).LabelOf(a) ?? "" };
        if (!string.IsNullOrEmpty(a.Reason))
        {
            parts.Add($"reason: {a.Reason}");
        }

        if (!string.IsNullOrEmpty(a.Note))
        {
            parts.Add($"note: {a.Note}");
        }

        if (answer.Evidence.Count > 0)
        {
            parts.Add($"evidence: {string.Join(" | ", answer.Evidence)}");
        }

        return string.Join("; ", parts);
    }

    /// <summary>
    /// Null when this workbook may be uploaded into <paramref name="assessment"/> of the city named <paramref name="cityName"/>
    /// (it is that assessment's, or a blank one of its rubric version); otherwise why not, and what to do instead.
    /// </summary>
    public string? MismatchWith(Assessment assessment, string cityName)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return Metadata.AssessmentId is { } forAssessment && forAssessment != assessment.Id
            ? $"This workbook belongs to the assessment of {Metadata.CityName ?? "another city"} for {Metadata.Period ?? "another period"} ({forAssessment}), "
                + $"not to the assessment of {cityName} for {assessment.Period} ({assessment.Id}). Download the workbook of {cityName} for {assessment.Period} and enter your answers there, "
                + "or upload this one to the assessment it belongs to."
            : Metadata.RubricId != assessment.RubricId || Metadata.RubricVersion != assessment.RubricVersion
                ? $"The workbook is for rubric {Metadata.RubricKey}, but this assessment uses {assessment.RubricId}@{assessment.RubricVersion}: download a new workbook."
                : null;
    }

    /// <summary>Each answer with what its indicator held at download, ready for <see cref="AnswerMerge"/> with <see cref="AnswerFingerprint.Of"/>.</summary>
    public IReadOnlyList<BasedAnswer> BasedAnswers() =>
        Answers.Select(a => new BasedAnswer(a, Baseline.GetValueOrDefault(a.Answer.IndicatorId))).ToArray();
}
