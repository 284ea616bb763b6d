using Nlc.Core.Languages;

namespace Nlc.Core.Tests.Languages;

[TestClass]
public sealed class SupportedLanguagesTests
{
    [TestMethod]
    [DataRow("en", "en")]
    [DataRow("EN-gb", "en")]
    [DataRow("sq", "sq")]
    [DataRow("sq-XK", "sq")]
    [DataRow("mk-MK", "mk")]
    [DataRow("sr-Latn", "sr-Latn")]
    [DataRow("SR-LATN-rs", "sr-Latn")]
    [DataRow("sr-Cyrl", "sr-Cyrl")]
    [DataRow("sr-Cyrl-RS", "sr-Cyrl")]
    [DataRow("sr_cyrl_rs", "sr-Cyrl")]
    [DataRow("sr", "sr-Latn")]
    [DataRow("sr-RS", "sr-Latn")]
    [DataRow("sr-ME", "sr-Latn")]
    [DataRow("cnr", "sr-Latn")]
    [DataRow("cnr-ME", "sr-Latn")]
    [DataRow("bs-BA", "bs")]
    [DataRow("hr", "hr")]
    public void Match_ServesTheLanguageATagAsksFor(string tag, string served) =>
        Assert.AreEqual(served, SupportedLanguages.Match(tag));

    [TestMethod]
    [DataRow("xx")]
    [DataRow("de-DE")]
    [DataRow("*")]
    [DataRow("")]
    [DataRow(null)]
    public void Match_ALanguageNotServed_IsNull(string? tag) =>
        Assert.IsNull(SupportedLanguages.Match(tag));

    [TestMethod]
    public void Negotiate_TakesTheFirstServedPreference_ElseEnglish()
    {
        Assert.AreEqual("mk", SupportedLanguages.Negotiate(["xx", "de", "mk", "sq"]));
        Assert.AreEqual("en", SupportedLanguages.Negotiate(["xx", "de"]));
        Assert.AreEqual("en", SupportedLanguages.Negotiate([]));
    }
}
