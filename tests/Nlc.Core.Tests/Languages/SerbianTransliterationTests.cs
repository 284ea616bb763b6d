using System.Text.RegularExpressions;
using Nlc.Core.Languages;
using Nlc.Testing;

namespace Nlc.Core.Tests.Languages;

[TestClass]
public sealed partial class SerbianTransliterationTests
{
    [TestMethod]
    [DataRow("abcčćdđefghijklmnoprsštuvzž", "абцчћдђефгхијклмнопрсштувзж")]
    [DataRow("ABCČĆDĐEFGHIJKLMNOPRSŠTUVZŽ", "АБЦЧЋДЂЕФГХИЈКЛМНОПРСШТУВЗЖ")]
    [DataRow("ljubav, njiva, džep", "љубав, њива, џеп")]
    [DataRow("Ljubljana, Njegoš, Džamija", "Љубљана, Његош, Џамија")]
    [DataRow("LJUBAV NJIVA DŽEP", "ЉУБАВ ЊИВА ЏЕП")]
    [DataRow("Nije primenljivo", "Није применљиво")]
    [DataRow("Opština", "Општина")]
    public void ToCyrillic_MapsEveryLetterAndDigraph(string latin, string cyrillic) =>
        Assert.AreEqual(cyrillic, SerbianTransliteration.ToCyrillic(latin));

    [TestMethod]
    [DataRow("Vidi https://example.org/lj/nj.", "Види https://example.org/lj/nj.")]
    [DataRow("Piši na info@grad.rs danas", "Пиши на info@grad.rs данас")]
    [DataRow("Indikator GP01.1 i praksa GP13", "Индикатор GP01.1 и пракса GP13")]
    [DataRow("u septembru 2020. godine", "у септембру 2020. године")]
    [DataRow("memoranduma GCTF-a i Strong Cities Network", "меморандума GCTF-а и Strong Cities Network")]
    [DataRow("strategija za P/CVE", "стратегија за P/CVE")]
    [DataRow("Global Counterterrorism Forum (GCTF – Globalni forum)", "Global Counterterrorism Forum (GCTF – Глобални форум)")]
    [DataRow("Network i Yahoo ostaju", "Network и Yahoo остају")]
    public void ToCyrillic_LeavesAddressesIdsAndForeignNamesInLatin(string latin, string cyrillic) =>
        Assert.AreEqual(cyrillic, SerbianTransliteration.ToCyrillic(latin));

    [TestMethod]
    public void ToCyrillic_TransliteratesSerbianAcronyms() =>
        Assert.AreEqual("ОЦД и МУП", SerbianTransliteration.ToCyrillic("OCD i MUP"));

    [TestMethod]
    public void EveryAcronymInTheShippedSerbian_IsKeptInLatinOrKnownToBeSerbian()
    {
        // A new acronym in the translation must be decided: foreign (kept in Latin) or Serbian (transliterated).
        string[] serbianAcronyms = [];
        var file = Path.Combine(RepositoryPaths.ShippedTranslations, "sr-Latn.yaml");
        var acronyms = Acronym().Matches(File.ReadAllText(file)).Select(m => m.Value).Distinct().ToArray();

        var undecided = acronyms.Where(a => !serbianAcronyms.Contains(a) && !SerbianTransliteration.KeptInLatin.Any(k => k.Contains(a, StringComparison.Ordinal))).ToArray();

        Assert.AreEqual(0, undecided.Length, "undecided: " + string.Join(", ", undecided));
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}])[A-ZČĆĐŠŽ]{2,}(?![\p{L}\p{N}])")]
    private static partial Regex Acronym();
}
