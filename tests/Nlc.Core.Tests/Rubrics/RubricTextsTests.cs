using System.Text.Json;
using Nlc.Core.Rubrics;

namespace Nlc.Core.Tests.Rubrics;

[TestClass]
public sealed class RubricTextsTests
{
    /// <summary>The keys and English texts the translators' templates were made from (a Python script over the YAML).</summary>
    private static readonly (string Key, string English)[] SourceKeys = JsonSerializer
        .Deserialize<string[][]>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Translations", "source-keys.json")))!
        .Select(pair => (pair[0], pair[1]))
        .ToArray();

    [TestMethod]
    public void Keys_OfTheShippedRubric_AreTheTranslationTemplatesKeysInOrder()
    {
        var keys = RubricTexts.Of(TestRubrics.Shipped).Select(t => t.Key).ToArray();

        Assert.AreEqual(449, keys.Length);
        CollectionAssert.AreEqual(SourceKeys.Select(k => k.Key).ToArray(), keys);
    }

    [TestMethod]
    public void Texts_OfTheShippedRubric_AreTheEnglishTheTemplatesWereMadeFrom()
    {
        var english = RubricTexts.Of(TestRubrics.Shipped).Select(t => t.Value.Get("en")).ToArray();

        CollectionAssert.AreEqual(SourceKeys.Select(k => k.English).ToArray(), english);
    }

    [TestMethod]
    public void Keys_AreUnique()
    {
        var keys = RubricTexts.Of(TestRubrics.Shipped).Select(t => t.Key).ToArray();

        Assert.AreEqual(keys.Length, keys.Distinct(StringComparer.Ordinal).Count());
    }
}
