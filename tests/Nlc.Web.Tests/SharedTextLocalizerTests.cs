using System.Globalization;
using Nlc.Core.Languages;
using Nlc.Web.Languages;

namespace Nlc.Web.Tests;

/// <summary>The pages' strings: every translated language complete, and Serbian Cyrillic always the Latin text transliterated.</summary>
[TestClass]
public sealed class SharedTextLocalizerTests
{
    [TestMethod]
    [DataRow("sq")]
    [DataRow("mk")]
    [DataRow("sr-Latn")]
    [DataRow("bs")]
    [DataRow("hr")]
    public void ThePagesStrings_AreTranslatedIntoEveryLanguage(string language) =>
        CollectionAssert.AreEqual(Array.Empty<string>(), SharedTextLocalizer.Catalog.MissingKeys(language).ToArray(), $"SharedResource.{language}.resx lacks these keys");

    [TestMethod]
    public void InSerbianCyrillic_EveryString_IsTheSerbianLatinStringTransliterated()
    {
        var latin = InCulture("sr-Latn", () => new SharedTextLocalizer().GetAllStrings(false).ToDictionary(s => s.Name, s => s.Value));

        var cyrillic = InCulture("sr-Cyrl", () => new SharedTextLocalizer().GetAllStrings(false).ToDictionary(s => s.Name, s => s.Value));

        Assert.HasCount(latin.Count, cyrillic);
        foreach (var (key, text) in latin)
        {
            Assert.AreEqual(SerbianTransliteration.ToCyrillic(text), cyrillic[key], key);
        }

        Assert.AreEqual("Одјавите се", cyrillic["SignOut"]);
        Assert.AreNotEqual(latin["SignOut"], cyrillic["SignOut"]);
    }

    [TestMethod]
    public void InSerbianCyrillic_PlaceholdersAreFilled_AndNumbersWrittenInTheLanguagesCulture()
    {
        var text = InCulture("sr-Cyrl", () => new SharedTextLocalizer()["ScoreOf100", 72.5.ToString(CultureInfo.CurrentCulture)].Value);

        Assert.AreEqual("72,5 од 100", text);
    }

    [TestMethod]
    public void AKeyNotInTheResources_IsReportedNotFound_WithTheKeyAsItsText()
    {
        var missing = InCulture("mk", () => new SharedTextLocalizer()["NoSuchKey"]);

        Assert.IsTrue(missing.ResourceNotFound);
        Assert.AreEqual("NoSuchKey", missing.Value);
    }

    private static T InCulture<T>(string name, Func<T> read)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
            return read();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
