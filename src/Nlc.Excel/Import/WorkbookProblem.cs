namespace Nlc.Excel.Import;

/// <summary>
/// One thing wrong with a workbook: where (sheet and cell, when it is about one) and what, with the value found and what
/// was expected in <see cref="Message"/>; <see cref="IndicatorId"/> names the indicator of the row, when known.
/// </summary>
public sealed record WorkbookProblem(string? Sheet, string? Cell, string Message, string? IndicatorId = null)
{
    /// <summary>"Assessment!F14" or "Assessment" or "" for the file as a whole.</summary>
    public string Location => Sheet is null ? "" : Cell is null ? Sheet : $"{Sheet}!{Cell}";

    /// <summary>E.g. <c>Assessment!F14: "Maybe" is not a level; expected 0-4, Not applicable or Don't know</c>.</summary>
    public override string ToString() => Location.Length == 0 ? Message : $"{Location}: {Message}";
}
