namespace Nlc.Core.Rubrics;

/// <summary>One thing wrong with a rubric file: where (file, path inside the document, line when known) and what.</summary>
public sealed record RubricProblem(string File, string Path, int? Line, string Message)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var where = Line is { } line ? $"{File}:{line}" : File;
        return string.IsNullOrEmpty(Path) ? $"{where}: {Message}" : $"{where}: {Path}: {Message}";
    }
}
