namespace Nlc.Core.Rubrics;

/// <summary>
/// Loads rubric files (<c>{id}-{version}.yaml</c>) and, from a folder, their translation files
/// (<c>translations/{id}-{version}/{language}.yaml</c>). Loading is all-or-nothing: if any file has a problem that makes
/// it unusable, nothing is returned and a <see cref="RubricLoadException"/> lists every problem in every file. Gaps in a
/// translation (missing, stale, empty texts) are not such problems: they are in each <see cref="RubricTranslation.Report"/>.
/// </summary>
public static class RubricLoader
{
    /// <summary>The file pattern rubric files are found by in a folder.</summary>
    public const string FilePattern = "*.yaml";

    /// <summary>Loads every rubric file in <paramref name="directory"/>, with its translations.</summary>
    public static RubricCatalog LoadDirectory(string directory)
    {
        var (rubrics, problems) = ReadDirectory(directory);
        return problems.Count == 0
            ? new RubricCatalog(rubrics.Select(r => r.Rubric), rubrics.ToDictionary(r => r.Rubric.Key, r => r.Source))
            : throw new RubricLoadException(problems);
    }

    /// <summary>Every problem in the rubric files of <paramref name="directory"/>; empty when all are valid.</summary>
    internal static IReadOnlyList<RubricProblem> ValidateDirectory(string directory) => ReadDirectory(directory).Problems;

    /// <summary>Every problem in one rubric file; empty when it is valid.</summary>
    internal static IReadOnlyList<RubricProblem> ValidateFile(string path) => Read(File.ReadAllText(path), path).Problems;

    /// <summary>Loads one rubric file.</summary>
    public static Rubric LoadFile(string path) => LoadText(File.ReadAllText(path), path);

    /// <summary>Loads a rubric from its YAML text; <paramref name="file"/> names it in problems.</summary>
    public static Rubric LoadText(string text, string file)
    {
        var (rubric, problems) = Read(text, file);
        return rubric ?? throw new RubricLoadException(problems);
    }

    private static (Rubric? Rubric, IReadOnlyList<RubricProblem> Problems) Read(string text, string file)
    {
        var (document, parseProblems) = RubricParser.Parse(text, file);
        if (document is null)
        {
            return (null, parseProblems);
        }

        // A node of the wrong shape was read as missing; saying so again would only repeat the parser.
        var misshapen = parseProblems.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        var problems = parseProblems
            .Concat(RubricValidator.Validate(document).Where(p => !misshapen.Contains(p.Path)))
            .OrderBy(p => p.Line ?? 0)
            .ToList();
        return problems.Count == 0 ? (RubricBuilder.Build(document), problems) : (null, problems);
    }

    private static (List<(Rubric Rubric, RubricSource Source)> Rubrics, List<RubricProblem> Problems) ReadDirectory(string directory)
    {
        var rubrics = new List<(Rubric Rubric, RubricSource Source)>();
        var problems = new List<RubricProblem>();
        if (!Directory.Exists(directory))
        {
            problems.Add(new RubricProblem(directory, "", null, "the rubric folder does not exist"));
            return (rubrics, problems);
        }

        var files = Directory.GetFiles(directory, FilePattern).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            problems.Add(new RubricProblem(directory, "", null, $"the rubric folder holds no {FilePattern} file"));
        }

        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var (rubric, fileProblems) = Read(text, file);
            problems.AddRange(fileProblems);
            if (rubric is null)
            {
                continue;
            }

            var expectedName = $"{rubric.Id}-{rubric.Version}.yaml";
            if (Path.GetFileName(file) != expectedName)
            {
                problems.Add(new RubricProblem(file, "", null, $"the file of rubric {rubric.Key} must be named '{expectedName}'"));
            }
            else if (rubrics.Any(r => r.Rubric.Key == rubric.Key))
            {
                problems.Add(new RubricProblem(file, "version", null, $"rubric {rubric.Key} is defined twice"));
            }

            rubrics.Add((rubric, new RubricSource(Path.GetFileName(file), text)));
        }

        if (problems.Count > 0)
        {
            return (rubrics, problems);
        }

        var (translated, translationProblems) = TranslationLoader.AttachFrom(directory, rubrics.Select(r => r.Rubric).ToArray());
        problems.AddRange(translationProblems);
        return (translated.Zip(rubrics, (rubric, read) => (rubric, read.Source)).ToList(), problems);
    }
}
