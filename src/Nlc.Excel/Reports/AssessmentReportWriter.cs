using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;
using Nlc.Excel.Xlsx;

namespace Nlc.Excel.Reports;

/// <summary>
/// Writes the report of one assessment: "Summary" (overall index, completeness, pillar and practice scores with their
/// levels, a radar chart of the pillars, peer quartiles when given), "Next steps" (the prioritised gap list) and
/// "Indicators". Values only: the scores are the engine's, rounded to one decimal, never spreadsheet formulas.
/// </summary>
public static class AssessmentReportWriter
{
    /// <summary>
    /// The report of <paramref name="score"/> (scored against <paramref name="rubric"/>) in <paramref name="language"/> when it is
    /// served and the rubric is translated into it, else in English (see <see cref="FillIn.AssessmentWorkbookWriter.ServedLanguage"/>).
    /// </summary>
    public static byte[] Write(Rubric rubric, ScoreResult score, ReportHeading heading, string language, PeerStatistics? peers = null)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(heading);
        ReportValues.CheckRubric(rubric, score, nameof(score));
        language = ExcelText.Served(rubric, language);

        var workbook = new WorkbookBuilder { Title = $"{heading.CityName} {heading.Period}: {rubric.Title.Get(language)}", Language = language };
        SummarySheet.Write(workbook, rubric, score, heading, language, peers);
        NextStepsSheet.Write(workbook, rubric, score, language);
        IndicatorsSheet.Write(workbook, rubric, score, language);
        return workbook.Build();
    }
}
