using Nlc.Core.Languages;

namespace Nlc.Core.Rubrics;

/// <summary>
/// Reads the translation files beside the rubrics (<c>translations/{id}-{version}/{language}.yaml</c>) and attaches them
/// to their rubric, adding Serbian Cyrillic wherever Serbian Latin is translated.
/// </summary>
internal static class TranslationLoader
{
    /// <summary>The folder, inside the rubric folder, that holds one folder of translations per rubric version.</summary>
    public const string Folder = "translations";

    /// <summary><paramref name="rubrics"/> with their translations attached, and every problem that makes a file unusable.</summary>
    public static (IReadOnlyList<Rubric> Rubrics, IReadOnlyList<RubricProblem> Problems) AttachFrom(string rubricDirectory, IReadOnlyList<Rubric> rubrics)
    {
        var root = Path.Combine(rubricDirectory, Folder);
        if (!Directory.Exists(root))
        {
            return (rubrics, []);
        }

        var problems = new List<RubricProblem>();
        foreach (var folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            if (!rubrics.Any(r => FolderName(r) == Path.GetFileName(folder)))
            {
                problems.Add(new RubricProblem(folder, "", null, $"there is no rubric file '{Path.GetFileName(folder)}.yaml' for these translations to belong to"));
            }
        }

        var attached = new List<Rubric>();
        foreach (var rubric in rubrics)
        {
            var folder = Path.Combine(root, FolderName(rubric));
            var files = Directory.Exists(folder) ? Directory.GetFiles(folder, RubricLoader.FilePattern).Order(StringComparer.Ordinal).ToArray() : [];
            var translations = new List<TranslationValidator.Result>();
            foreach (var file in files)
            {
                var (document, readProblems) = TranslationReader.Read(File.ReadAllText(file), file);
                problems.AddRange(readProblems);
                if (document is null)
                {
                    continue;
                }

                var result = TranslationValidator.Validate(rubric, document);
                problems.AddRange(result.Problems);
                if (readProblems.Count == 0 && result.Translation is not null)
                {
                    translations.Add(result);
                }
            }

            attached.Add(Attach(rubric, translations));
        }

        return (attached, problems);
    }

    /// <summary>
    /// <paramref name="rubric"/> with each text also in the languages of <paramref name="translations"/> that translate it,
    /// and Serbian Cyrillic transliterated from Serbian Latin. Version and content hash stay as they are.
    /// </summary>
    public static Rubric Attach(Rubric rubric, IReadOnlyList<TranslationValidator.Result> translations)
    {
        var all = translations.ToList();
        if (all.FirstOrDefault(t => t.Translation!.Language == SupportedLanguages.SerbianLatin) is { } latin)
        {
            all.Add(new TranslationValidator.Result(
                latin.Translation! with { Language = SupportedLanguages.SerbianCyrillic },
                latin.Texts.ToDictionary(t => t.Key, t => SerbianTransliteration.ToCyrillic(t.Value), StringComparer.Ordinal),
                []));
        }

        all = all.OrderBy(t => SupportedLanguages.All.ToList().IndexOf(t.Translation!.Language)).ToList();
        var translated = RubricTexts.Map(rubric, (key, text) => all.Aggregate(
            text,
            (current, translation) => translation.Texts.TryGetValue(key, out var value) ? current.With(translation.Translation!.Language, value) : current));
        return translated with
        {
            Locales = [.. rubric.Locales, .. all.Select(t => t.Translation!.Language)],
            Translations = [.. rubric.Translations, .. all.Select(t => t.Translation!)],
        };
    }

    private static string FolderName(Rubric rubric) => $"{rubric.Id}-{rubric.Version}";
}
