using Nlc.Core.Languages;
using Nlc.Core.Rubrics;
using Nlc.Testing;

namespace Nlc.Core.Tests.Rubrics;

/// <summary>The translations shipped in rubrics/translations: every language complete and current.</summary>
[TestClass]
public sealed class ShippedTranslationTests
{
    private static readonly Lazy<Rubric> Shipped = new(() => RubricLoader.LoadDirectory(RepositoryPaths.Rubrics).FindLatest("nlc")!);

    public static IEnumerable<object[]> TranslatedLanguages => SupportedLanguages.Translated.Select(l => new object[] { l });

    [TestMethod]
    [DynamicData(nameof(TranslatedLanguages))]
    public void EveryLanguage_IsShipped_Complete_WithNoStaleText(string language)
    {
        var translation = Shipped.Value.Translation(language);

        Assert.IsNotNull(translation, $"no {language}.yaml in {RepositoryPaths.ShippedTranslations}");
        Assert.AreEqual(0, translation.Report.Problems.Count, string.Join(Environment.NewLine, translation.Report.Problems.Take(20)));
        Assert.AreEqual(1.0, translation.Report.Coverage);
    }

    [TestMethod]
    public void SerbianCyrillic_IsTheSerbianLatinTransliterated_TextByText()
    {
        var texts = RubricTexts.Of(Shipped.Value);

        foreach (var (key, text) in texts)
        {
            Assert.AreEqual(SerbianTransliteration.ToCyrillic(text.Get("sr-Latn")), text.Get("sr-Cyrl"), key);
        }

        Assert.AreEqual("Није применљиво", Shipped.Value.Scale.NotApplicable.Name.Get("sr-Cyrl"));
    }

    [TestMethod]
    public void ShippedTranslations_ChangeNeitherTheVersionNorTheContentHash()
    {
        var alone = RubricLoader.LoadFile(RepositoryPaths.ShippedRubric);

        Assert.IsTrue(Shipped.Value.Translations.Count > 0);
        Assert.AreEqual(alone.Version, Shipped.Value.Version);
        Assert.AreEqual(alone.ContentHash, Shipped.Value.ContentHash);
    }
}
