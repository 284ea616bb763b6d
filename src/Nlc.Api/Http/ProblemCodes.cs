namespace Nlc.Api.Http;

/// <summary>
/// The machine-readable <c>code</c> of each entry in a problem's <c>errors</c> list: a small vocabulary whose meanings never
/// change within /api/v1 (codes may be added), so a client can act on an error without reading its message, which is for
/// people and may be reworded.
/// </summary>
public static class ProblemCodes
{
    /// <summary>A value that must be given is missing.</summary>
    public const string Required = "required";

    /// <summary>The value cannot be read as what is expected: JSON syntax, a wrong type, a property given twice, a malformed period, version, header or form.</summary>
    public const string Malformed = "malformed";

    /// <summary>The value names something that does not exist, or that this key may not see: a rubric, version, indicator, practice, city, metric or period.</summary>
    public const string Unknown = "unknown";

    /// <summary>A number outside its allowed range: a level off the scale, a page size, a negative population.</summary>
    public const string OutOfRange = "outOfRange";

    /// <summary>A text or a list outside its allowed length: too long, too many entries, an empty entry.</summary>
    public const string Length = "length";

    /// <summary>A value not allowed together with the others given: a reason on a level answer, two kinds of answer, cities on a key that is not a city key.</summary>
    public const string NotAllowed = "notAllowed";

    /// <summary>The same thing given twice, e.g. two answers to one indicator in one batch.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>Two parts of the request disagree: the body and the path, or a workbook made for another assessment or rubric version.</summary>
    public const string Mismatch = "mismatch";

    /// <summary>An indicator still unanswered when the assessment is submitted.</summary>
    public const string Unanswered = "unanswered";

    /// <summary>An answer in an uploaded workbook that someone else changed too since the workbook was downloaded.</summary>
    public const string Conflict = "conflict";

    /// <summary>A problem in a cell or part of an uploaded workbook; the field names the sheet and cell where there is one.</summary>
    public const string Workbook = "workbook";

    /// <summary>Every code, for clients and tests that check a code is known.</summary>
    public static readonly IReadOnlyList<string> All =
        [Required, Malformed, Unknown, OutOfRange, Length, NotAllowed, Duplicate, Mismatch, Unanswered, Conflict, Workbook];
}
