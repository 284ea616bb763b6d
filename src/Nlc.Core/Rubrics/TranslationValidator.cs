using System.Globalization;
using System.Text.RegularExpressions;
using Nlc.Core.Languages;

namespace Nlc.Core.Rubrics;

/// <summary>
/// Checks a translation file against the rubric it translates. A wrong header (another rubric or version, a language not
/// served, a malformed revision or review status) makes the file unusable: those are <see cref="RubricProblem"/>s, and
/// loading stops as it does for an invalid rubric. Missing, unknown, stale and empty texts and lost placeholders leave it
/// usable, text by text: they are listed in the <see cref="TranslationReport"/>, and each such text falls back to English.
/// </summary>
internal static partial class TranslationValidator
{
    /// <summary>The outcome: null translation when the file is unusable (then the problems say why).</summary>
    public sealed record Result(
        RubricTranslation? Translation, IReadOnlyDictionary<string, string> Texts, IReadOnlyList<RubricProblem> Problems);

    public static Result Validate(Rubric rubric, TranslationDocument document)
    {
        var problems = new List<RubricProblem>();
        void Report(string path, string message) =>
            problems.Add(new RubricProblem(document.File, path, document.HeaderLines.TryGetValue(path, out var line) ? line : null, message));

        if (document.Rubric != rubric.Id)
        {
            Report("rubric", $"the file translates rubric '{document.Rubric}', but it stands in the folder of rubric '{rubric.Id}'");
        }

        if (document.RubricVersion != rubric.Version.ToString())
        {
            Report("rubricVersion", $"the file translates version '{document.RubricVersion}', but it stands in the folder of version {rubric.Version}");
        }

        var language = SupportedLanguages.Translated.FirstOrDefault(l => l == document.Language);
        if (language is null)
        {
            Report("language", $"'{document.Language}' is not a language translated by file; expected one of {string.Join(", ", SupportedLanguages.Translated)} "
                + $"({SupportedLanguages.SerbianCyrillic} is made from {SupportedLanguages.SerbianLatin}, {SupportedLanguages.English} is the rubric itself)");
        }
        else if (Path.GetFileName(document.File) != $"{language}.yaml")
        {
            Report("language", $"the {language} translation must be in a file named '{language}.yaml'");
        }
        else if (rubric.Locales.Contains(language, StringComparer.OrdinalIgnoreCase))
        {
            Report("language", $"rubric {rubric.Key} already carries {language} texts in its own file; keep one of the two");
        }

        if (!int.TryParse(document.Revision, NumberStyles.None, CultureInfo.InvariantCulture, out var revision) || revision < 1)
        {
            Report("revision", $"the revision must be a whole number from 1, raised with every change of the file; found '{document.Revision}'");
        }

        ReviewStatus? review = document.ReviewStatus switch
        {
            "draft" => ReviewStatus.Draft,
            "reviewed" => ReviewStatus.Reviewed,
            _ => null,
        };
        if (review is null)
        {
            Report("review.status", $"the review status must be 'draft' or 'reviewed'; found '{document.ReviewStatus}'");
        }

        if (problems.Count > 0 || language is null || review is null)
        {
            return new Result(null, new Dictionary<string, string>(), problems);
        }

        var (report, texts) = CheckTexts(RubricTexts.Of(rubric), document, language);
        return new Result(new RubricTranslation(language, revision, review.Value, document.ReviewNote, report), texts, problems);
    }

    private static (TranslationReport Report, Dictionary<string, string> Texts) CheckTexts(
        IReadOnlyList<KeyValuePair<string, LocalizedText>> english, TranslationDocument document, string language)
    {
        var problems = new List<TranslationProblem>();
        void Report(string key, int? line, TranslationProblemKind kind, string message) =>
            problems.Add(new TranslationProblem(document.File, key, line, kind, message));

        var englishByKey = english.ToDictionary(t => t.Key, t => t.Value.En, StringComparer.Ordinal);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in document.Texts)
        {
            seen.Add(entry.Key);
            if (!englishByKey.TryGetValue(entry.Key, out var current))
            {
                Report(entry.Key, entry.Line, TranslationProblemKind.Unknown, "the rubric has no text with this key; the entry is ignored");
            }
            else if (string.IsNullOrWhiteSpace(entry.Text))
            {
                Report(entry.Key, entry.Line, TranslationProblemKind.Empty, "the text is empty; the English text is served");
            }
            else if (Normalize(entry.Source) != Normalize(current))
            {
                Report(entry.Key, entry.Line, TranslationProblemKind.Stale, $"translated from an English text that is not the rubric's (now: \"{current}\"); revise it and copy the new English into `source`");
            }
            else if (Placeholders(current).Except(Placeholders(entry.Text)).ToArray() is { Length: > 0 } lost)
            {
                Report(entry.Key, entry.Line, TranslationProblemKind.PlaceholderLost, $"the translation lacks {string.Join(", ", lost)}, which the English has; the English text is served");
            }
            else
            {
                texts[entry.Key] = entry.Text.Trim();
            }
        }

        foreach (var key in english.Select(t => t.Key).Where(k => !seen.Contains(k)))
        {
            Report(key, null, TranslationProblemKind.Missing, "the file has no translation of this text; the English text is served");
        }

        return (new TranslationReport(document.File, language, texts.Count, english.Count, problems), texts);
    }

    /// <summary>Whitespace-normalised text: YAML's folding and a translator's line breaks do not make a text stale.</summary>
    private static string Normalize(string text) => Whitespace().Replace(text.Trim(), " ");

    private static IEnumerable<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\{[^{}\s]+\}")]
    private static partial Regex Placeholder();
}
