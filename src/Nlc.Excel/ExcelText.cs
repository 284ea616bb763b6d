using System.Resources;
using Nlc.Core.Languages;
using Nlc.Core.Rubrics;

namespace Nlc.Excel;

/// <summary>
/// The interface texts of workbooks, reports and import messages (Resources/ExcelText.resx in English, one .resx per
/// translated language), and the one rule for which language a workbook is written in.
/// </summary>
internal static class ExcelText
{
    /// <summary>The catalog of this project's interface texts.</summary>
    public static TextCatalog Catalog { get; } = new(new ResourceManager("Nlc.Excel.Resources.ExcelText", typeof(ExcelText).Assembly));

    public static string Get(string key, string language) => Catalog.Get(key, language);

    public static string Format(string key, string language, params object?[] arguments) => Catalog.Format(key, language, arguments);

    /// <summary>The text of <paramref name="key"/> in every served language, for reading back what any of them wrote.</summary>
    public static IEnumerable<string> InEveryLanguage(string key) => SupportedLanguages.All.Select(l => Get(key, l)).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// The language a workbook or report for <paramref name="rubric"/> is written in when <paramref name="requested"/> is asked
    /// for: the served language it names when the rubric is translated into it, else English. What a file says it is, it is.
    /// </summary>
    public static string Served(Rubric rubric, string? requested) =>
        SupportedLanguages.Match(requested) is { } language && rubric.Locales.Contains(language, StringComparer.OrdinalIgnoreCase)
            ? language
            : SupportedLanguages.English;

    /// <summary>
    /// The notice that the texts in <paramref name="language"/> are a draft not yet reviewed by a native speaker, in that
    /// language; null for English and for a reviewed translation.
    /// </summary>
    public static string? DraftNotice(Rubric rubric, string language) =>
        language == SupportedLanguages.English || rubric.Translation(language)?.Review == ReviewStatus.Reviewed
            ? null
            : Get("DraftNotice", language);
}
