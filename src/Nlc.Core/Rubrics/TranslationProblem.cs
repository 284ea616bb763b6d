namespace Nlc.Core.Rubrics;

/// <summary>One text of a translation file that is not served (or not used) as it stands: where (file, key, line) and why.</summary>
public sealed record TranslationProblem(string File, string Key, int? Line, TranslationProblemKind Kind, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{(Line is { } line ? $"{File}:{line}" : File)}: {Key}: {Message}";
}

/// <summary>What is wrong with one text of a translation file.</summary>
public enum TranslationProblemKind
{
    /// <summary>The rubric has the key, the file does not: the English text is served.</summary>
    Missing,

    /// <summary>The file has a key the rubric does not: it is ignored.</summary>
    Unknown,

    /// <summary>The English the text was translated from is not the rubric's: the English text is served until it is revised.</summary>
    Stale,

    /// <summary>The text is empty: the English text is served.</summary>
    Empty,

    /// <summary>A placeholder of the English text, such as {city}, is missing from the translation: the English text is served.</summary>
    PlaceholderLost,
}
