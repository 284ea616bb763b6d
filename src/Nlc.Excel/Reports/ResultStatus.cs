using Nlc.Core.Scoring;

namespace Nlc.Excel.Reports;

/// <summary>
/// How reports say whether results can be relied on: the workflow status ("draft", "submitted", "validated", as
/// <see cref="ReportHeading.Status"/> gives it) and the completeness, in words a reader acts on.
/// </summary>
internal static class ResultStatus
{
    public const string Validated = "validated";

    /// <summary>Whether the results are final: validated and every indicator answered (an unknown status counts as final only when complete).</summary>
    public static bool IsFinal(string? status, Completeness completeness) =>
        completeness.Answered == completeness.Total && (status is null || IsValidated(status));

    public static bool IsValidated(string? status) => string.Equals(status, Validated, StringComparison.OrdinalIgnoreCase);

    /// <summary>The status in one or two words, e.g. "Draft", for a column or a row per period, in <paramref name="language"/>.</summary>
    public static string Label(string? status, string language) => status?.ToLowerInvariant() switch
    {
        null or "" => ExcelText.Get("Status.Unknown", language),
        "draft" => ExcelText.Get("Status.Draft", language),
        "submitted" => ExcelText.Get("Status.Submitted", language),
        "validated" => ExcelText.Get("Status.Validated", language),
        var other => char.ToUpperInvariant(other[0]) + other[1..],
    };

    /// <summary>E.g. "Draft, not validated: 10 of 39 indicators answered. These results may still change."</summary>
    public static string Statement(string? status, Completeness completeness, string language)
    {
        var answered = completeness.Answered == completeness.Total
            ? ExcelText.Format("Status.AllAnswered", language, completeness.Total)
            : ExcelText.Format("Status.SomeAnswered", language, completeness.Answered, completeness.Total);
        var state = status?.ToLowerInvariant() switch
        {
            null or "" => ExcelText.Get(completeness.Answered == completeness.Total ? "Status.Complete" : "Status.Incomplete", language),
            "draft" => ExcelText.Get("Status.DraftNotValidated", language),
            "submitted" => ExcelText.Get("Status.SubmittedNotValidated", language),
            "validated" => ExcelText.Get("Status.Validated", language),
            _ => ExcelText.Format("Status.OtherNotValidated", language, Label(status, language)),
        };
        return IsFinal(status, completeness)
            ? ExcelText.Format("Status.Final", language, state, answered)
            : ExcelText.Format("Status.MayChange", language, state, answered);
    }
}
