using Nlc.Core.Languages;

namespace Nlc.Excel.Import;

/// <summary>
/// One thing wrong with a workbook: where (sheet and cell, when it is about one) and what, with the value found and what
/// was expected in <see cref="Message"/>; <see cref="IndicatorId"/> names the indicator of the row, when known.
/// <see cref="Code"/> names the kind of problem in every language, so a partner can act on it or word it itself.
/// </summary>
public sealed record WorkbookProblem(string? Sheet, string? Cell, string Message, string? IndicatorId = null)
{
    /// <summary>The code of a problem made without one (by a caller, not by the reader).</summary>
    public const string GeneralCode = "workbook";

    /// <summary>What kind of problem this is, the same in every language, e.g. "levelUnknown" or "formula".</summary>
    public string Code { get; init; } = GeneralCode;

    /// <summary>The values the message is made of, so it can be worded again in another language; null for a message given as text.</summary>
    internal IReadOnlyList<object?>? Arguments { get; init; }

    /// <summary>"Assessment!F14" or "Assessment" or "" for the file as a whole.</summary>
    public string Location => Sheet is null ? "" : Cell is null ? Sheet : $"{Sheet}!{Cell}";

    /// <summary>This problem worded in <paramref name="language"/> (a served language; any other reads as English).</summary>
    public WorkbookProblem In(string? language) => Arguments is null
        ? this
        : this with { Message = ExcelText.Format(TextKey(Code), SupportedLanguages.Match(language) ?? SupportedLanguages.English, [.. Arguments]) };

    /// <summary>E.g. <c>Assessment!F14: "Maybe" is not a level; expected 0-4, Not applicable or Don't know</c>.</summary>
    public override string ToString() => Location.Length == 0 ? Message : $"{Location}: {Message}";

    /// <summary>A problem of kind <paramref name="code"/>, worded in English until <see cref="In"/> words it in another language.</summary>
    internal static WorkbookProblem Of(string? sheet, string? cell, string code, string? indicatorId, params object?[] arguments) =>
        new(sheet, cell, ExcelText.Format(TextKey(code), SupportedLanguages.English, arguments), indicatorId) { Code = code, Arguments = arguments };

    private static string TextKey(string code) => $"Import.{code}";
}
