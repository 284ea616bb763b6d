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

    /// <summary>The status in one or two words, e.g. "Draft", for a column or a row per period.</summary>
    public static string Label(string? status) => status?.ToLowerInvariant() switch
    {
        null or "" => "Unknown",
        "draft" => "Draft",
        "submitted" => "Submitted",
        "validated" => "Validated",
        var other => char.ToUpperInvariant(other[0]) + other[1..],
    };

    /// <summary>E.g. "Draft, not validated: 10 of 39 indicators answered. These results may still change."</summary>
    public static string Statement(string? status, Completeness completeness)
    {
        var answered = completeness.Answered == completeness.Total
            ? $"all {completeness.Total} indicators answered"
            : $"{completeness.Answered} of {completeness.Total} indicators answered";
        var state = status?.ToLowerInvariant() switch
        {
            null or "" => completeness.Answered == completeness.Total ? "Complete" : "Incomplete",
            "draft" => "Draft, not validated",
            "submitted" => "Submitted, not yet validated by the hub",
            "validated" => "Validated",
            _ => $"{Label(status)}, not validated",
        };
        return IsFinal(status, completeness)
            ? $"{state}: {answered}."
            : $"{state}: {answered}. These results may still change; do not compare them with validated results.";
    }
}
