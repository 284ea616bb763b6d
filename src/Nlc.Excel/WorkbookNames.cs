namespace Nlc.Excel;

/// <summary>
/// Every sheet key, column key and metadata key the workbooks use, in one place for writers and readers. What people
/// read (sheet names, headers) is in <see cref="ExcelText"/> under "Sheet.{key}" and "Column.{key}"; readers find sheets
/// and columns by these keys, never by the words of one language. The English names are still read in workbooks of
/// format 2, which had no keys.
/// </summary>
internal static class WorkbookNames
{
    /// <summary>What the _meta sheet's "format" entry says, so a workbook from elsewhere is recognised as such.</summary>
    public const string Format = "nlc-assessment-workbook";

    /// <summary>
    /// The layout version of the fill-in workbook; a reader refuses newer ones. Version 2 added the baseline (the version
    /// and the answers the workbook was downloaded with); a version 1 workbook reads as if downloaded with no answers.
    /// Version 3 is written in any served language, with a hidden row of column keys above the headers.
    /// </summary>
    public const int FormatVersion = 3;

    /// <summary>The prefix of each hidden column key ("nlc:level"), so no header a person types is taken for one.</summary>
    public const string KeyPrefix = "nlc:";

    public const string StartSheet = "Start here";
    public const string AssessmentSheet = "Assessment";
    public const string LevelsSheet = "Levels";
    public const string MetaSheet = "_meta";

    public const string SummarySheet = "Summary";
    public const string NextStepsSheet = "Next steps";
    public const string IndicatorsSheet = "Indicators";
    public const string ProgressSheet = "Progress";
    public const string ComparisonSheet = "Comparison";
    public const string PracticesSheet = "Practices";

    /// <summary>The keys of the sheets only reports have, by whose names (in any language) an uploaded report is recognised.</summary>
    public static readonly IReadOnlyList<string> ReportSheetKeys = ["Summary", "Progress", "Comparison"];

    /// <summary>The columns of the Assessment sheet: their keys (in the hidden key row) and their English headers of format 2.</summary>
    public static class Columns
    {
        /// <summary>The keys of the columns, in order; their headers are "Column.{key}" in <see cref="ExcelText"/>.</summary>
        public static readonly IReadOnlyList<string> Keys = ["practice", "practiceTitle", "indicator", "question", "guidance", "level", "reason", "note", "evidence"];

        public const string PracticeId = "Practice";
        public const string PracticeTitle = "Practice title";
        public const string IndicatorId = "Indicator";
        public const string Question = "Question";
        public const string Guidance = "Guidance";
        public const string Level = "Level";
        public const string Reason = "Reason (if not applicable)";
        public const string Note = "Note";
        public const string Evidence = "Evidence (one per line)";
    }

    /// <summary>The keys in column A of the _meta sheet; values are in column B.</summary>
    public static class Meta
    {
        public const string Format = "format";
        public const string FormatVersion = "formatVersion";
        public const string RubricId = "rubricId";
        public const string RubricVersion = "rubricVersion";
        public const string RubricContentHash = "rubricContentHash";
        public const string AssessmentId = "assessmentId";
        public const string Language = "language";
        public const string City = "city";
        public const string Period = "period";
        public const string BaseVersion = "baseVersion";
        public const string DownloadedAt = "downloadedAt";

        /// <summary>The header above the list of answer choices (column D) the Level drop-down draws from.</summary>
        public const string AnswerChoices = "answerChoices";

        /// <summary>The headers of the baseline (columns F and G): each answered indicator and its answer's fingerprint at download.</summary>
        public const string BaselineIndicator = "baselineIndicator";

        /// <summary>See <see cref="BaselineIndicator"/>.</summary>
        public const string BaselineAnswer = "baselineAnswer";
    }
}
