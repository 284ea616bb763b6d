using Nlc.Core.Assessments;
using Nlc.Core.Cities;
using Nlc.Core.Rubrics;
using Nlc.Excel.Xlsx;

namespace Nlc.Excel.FillIn;

/// <summary>
/// Writes the workbook officials fill in offline: "Start here", "Assessment" (the answers), "Levels" (every indicator's
/// level descriptors) and a hidden "_meta" sheet naming the rubric version, its content hash, the assessment and the
/// language, which <see cref="Nlc.Excel.Import.AssessmentWorkbookReader"/> reads back. Only the answer cells can be edited; no cell
/// holds a formula, so user text such as "=1+1" stays text. The same input gives the same sheets in any culture; one
/// writer can serve many threads at once.
/// </summary>
public sealed class AssessmentWorkbookWriter
{
    /// <summary>The contact line on "Start here", e.g. the regional hub's address; null says, in the workbook's language, to ask whoever sent it.</summary>
    public string? Contact { get; init; }

    /// <summary>
    /// The language a workbook of <paramref name="rubric"/> asked for in <paramref name="requested"/> is written in: the served
    /// language the tag names ("sq-XK" → sq) if the rubric is translated into it, else English. The workbook says which.
    /// </summary>
    public static string ServedLanguage(Rubric rubric, string? requested)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        return ExcelText.Served(rubric, requested);
    }

    /// <summary>A workbook for <paramref name="rubric"/> not tied to any assessment (no assessment id), in <paramref name="language"/>.</summary>
    public byte[] WriteBlank(Rubric rubric, string language)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        return Build(new FillInContent(rubric, ExcelText.Served(rubric, language), null, null, null, new Dictionary<string, AnswerInput>(), null, null, Contact));
    }

    /// <summary>
    /// The workbook of one assessment of <paramref name="city"/>, in <paramref name="language"/>, pre-filled with
    /// <paramref name="answers"/> (read at the assessment's version), downloaded at <paramref name="downloadedAt"/> (if given);
    /// read-only, with a notice saying so, once the assessment is submitted or validated. It
    /// records that version and those answers, so an upload can tell what its user changed from what others saved since.
    /// <paramref name="rubric"/> must be the assessment's own rubric version.
    /// </summary>
    public byte[] Write(Rubric rubric, Assessment assessment, City city, IReadOnlyList<StoredAnswer> answers, string language, DateTimeOffset? downloadedAt = null)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(city);
        ArgumentNullException.ThrowIfNull(answers);
        if (assessment.RubricId != rubric.Id || assessment.RubricVersion != rubric.Version)
        {
            throw new ArgumentException(
                $"Assessment {assessment.Id} is against {assessment.RubricId}@{assessment.RubricVersion}, not {rubric.Key}.", nameof(rubric));
        }

        if (assessment.CityId != city.Id)
        {
            throw new ArgumentException($"Assessment {assessment.Id} belongs to city {assessment.CityId}, not {city.Id}.", nameof(city));
        }

        var served = ExcelText.Served(rubric, language);
        var byIndicator = new Dictionary<string, AnswerInput>(StringComparer.Ordinal);
        foreach (var answer in answers)
        {
            byIndicator[answer.Answer.IndicatorId] = new AnswerInput(answer.Answer, answer.Evidence);
        }

        return Build(new FillInContent(
            rubric, served, assessment.Id, city.Name, assessment.Period, byIndicator, assessment.RowVersion, downloadedAt, Contact, ReadOnlyNotice(assessment.Status, served)));
    }

    /// <summary>Why the workbook of an assessment in <paramref name="status"/> is read-only and what to do to change it; null for a draft.</summary>
    private static string? ReadOnlyNotice(AssessmentStatus status, string language) => status switch
    {
        AssessmentStatus.Draft => null,
        AssessmentStatus.Submitted => ExcelText.Get("ReadOnly.Submitted", language),
        _ => ExcelText.Get("ReadOnly.Validated", language),
    };

    private static byte[] Build(FillInContent content)
    {
        var workbook = new WorkbookBuilder
        {
            LockStructure = true,
            Language = content.Language,
            Title = content.Rubric.Title.Get(content.Language),
        };
        StartSheet.Write(workbook, content);
        AssessmentSheet.Write(workbook, content);
        LevelsSheet.Write(workbook, content);
        MetaSheet.Write(workbook, content);
        return workbook.Build();
    }
}
