using System.Resources;
using Nlc.Core.Languages;

namespace Nlc.Core.Tests.Languages;

[TestClass]
public sealed class TextCatalogTests
{
    private static readonly TextCatalog Sample = new(new ResourceManager("Nlc.Core.Tests.Languages.Texts.SampleTexts", typeof(TextCatalogTests).Assembly));

    [TestMethod]
    public void SerbianCyrillic_IsTheLatinTextTransliterated()
    {
        Assert.AreEqual("Dobro jutro", Sample.Get("Greeting", "sr-Latn"));
        Assert.AreEqual("Добро јутро", Sample.Get("Greeting", "sr-Cyrl"));
    }

    [TestMethod]
    public void Format_WritesNumbersInTheLanguagesCulture()
    {
        Assert.AreEqual("Score 2.5", Sample.Format("Score", "en", 2.5));
        Assert.AreEqual("Rezultat 2,5 za NLC", Sample.Format("Score", "sr-Latn", 2.5));
        Assert.AreEqual("Резултат 2,5 за NLC", Sample.Format("Score", "sr-Cyrl", 2.5));
    }

    [TestMethod]
    public void ALanguageWithoutAFile_FallsBackToEnglish()
    {
        Assert.AreEqual("Good morning", Sample.Get("Greeting", "sq"));
    }

    [TestMethod]
    public void MissingKeys_NamesEmptyAndAbsentTranslations()
    {
        CollectionAssert.AreEqual(new[] { "Untranslated" }, Sample.MissingKeys("sr-Latn").ToArray());
        CollectionAssert.AreEqual(new[] { "Greeting", "Score", "Untranslated" }, Sample.MissingKeys("sq").ToArray());
    }

    [TestMethod]
    public void AnUnknownKey_IsAProgrammingError()
    {
        Assert.ThrowsExactly<KeyNotFoundException>(() => Sample.Get("NoSuchKey", "en"));
    }
}
