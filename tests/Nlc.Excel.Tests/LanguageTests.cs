using System.Resources;
using Nlc.Core.Languages;
using Nlc.Core.Scoring;
using Nlc.Excel.FillIn;
using Nlc.Excel.Import;

namespace Nlc.Excel.Tests;

/// <summary>The workbooks' languages without a spreadsheet program: coverage, honesty about the language written, import messages.</summary>
[TestClass]
public sealed class LanguageTests
{
    private static readonly AssessmentWorkbookWriter Writer = new();
    private static readonly AssessmentWorkbookReader Reader = new(TestData.Catalog);

    [TestMethod]
    public void TheWorkbookActionPlanAndCliTexts_AreCompleteInEveryTranslatedLanguage()
    {
        var cli = new TextCatalog(new ResourceManager("Nlc.Cli.Resources.CliText", typeof(Cli.Cli).Assembly));
        foreach (var (name, catalog) in new[] { ("ExcelText", ExcelText.Catalog), ("ActionPlanText", Nlc.Excel.ActionPlans.ActionPlanWorkbookWriter.Texts), ("CliText", cli) })
        {
            foreach (var language in SupportedLanguages.Translated)
            {
                Assert.AreEqual("", string.Join(", ", catalog.MissingKeys(language)), $"{name} in {language}");
            }
        }
    }

    [TestMethod]
    public void AWorkbookAskedForInALanguageNotServed_IsEnglish_AndSaysSo()
    {
        foreach (var asked in new[] { "xx", "de", "" })
        {
            using var document = Workbooks.Open(Writer.WriteBlank(TestData.Shipped, asked));

            Assert.AreEqual("en", Reader.Read(new MemoryStream(Writer.WriteBlank(TestData.Shipped, asked))).Metadata.Language, asked);
            Assert.AreEqual("English (en)", Workbooks.CellText(document, "Start here", "B5"), asked);
        }
    }

    [TestMethod]
    public void AWorkbookInEachLanguage_HasItsSheetsHeadersChoicesAndTheDraftNotice_InThatLanguage()
    {
        (string Language, string Start, string Answers, string LevelHeader, string Choice, string Notice)[] expected =
        [
            ("sq", "Fillo këtu", "Vlerësimi", "Niveli", "3 - I konsoliduar", "Përkthim paraprak"),
            ("mk", "Почнете тука", "Проценка", "Ниво", "3 - Воспоставено", "Нацрт-превод"),
            ("sr-Latn", "Počnite ovde", "Procena", "Nivo", "3 - Uspostavljen", "Nacrt prevoda"),
            ("sr-Cyrl", "Почните овде", "Процена", "Ниво", "3 - Успостављен", "Нацрт превода"),
            ("bs", "Počnite ovdje", "Procjena", "Nivo", "3 - Uspostavljen", "Nacrt prijevoda"),
            ("hr", "Počnite ovdje", "Procjena", "Razina", "3 - Uspostavljena", "Nacrt prijevoda"),
        ];
        foreach (var (language, start, answers, levelHeader, choice, notice) in expected)
        {
            var bytes = Writer.WriteBlank(TestData.Shipped, language);
            using var document = Workbooks.Open(bytes);

            CollectionAssert.AreEqual(new[] { start, answers, WorkbookNames.MetaSheet }, Workbooks.SheetNames(document).Where((_, i) => i != 2).ToArray(), language);
            StringAssert.StartsWith(Workbooks.CellText(document, start, "A3"), notice, language);
            StringAssert.StartsWith(Workbooks.CellText(document, answers, "A2"), notice, language);
            Assert.AreEqual(levelHeader, Workbooks.CellText(document, answers, "F3"), language);
            Assert.AreEqual(choice, Workbooks.CellText(document, "_meta", "D5"), language);
            Assert.AreEqual(language, Reader.Read(new MemoryStream(bytes)).Metadata.Language, language);
            Assert.AreEqual(0, Workbooks.ValidationErrors(bytes).Count, language);
        }
    }

    [TestMethod]
    public void LevelNamesAndNotApplicableAndDontKnow_OfEveryLanguage_AreReadInAWorkbookOfAnyLanguage()
    {
        var ids = TestData.Shipped.Indicators.Select(i => i.Id).ToArray();
        var english = Writer.WriteBlank(TestData.Shipped, "en");
        var filled = Workbooks.Fill(english, [
            new(ids[0], "Level", "Nije primjenjivo"), new(ids[0], "Reason (if not applicable)", "Kantonalna nadležnost"),
            new(ids[1], "Level", "Ne znam"),
            new(ids[2], "Level", "3 - Uspostavljen"),
            new(ids[3], "Level", "Во развој"),
            new(ids[4], "Level", "4 - I integruar"),
            new(ids[5], "Level", "Институционализован"),
        ]);

        var read = Reader.Read(new MemoryStream(filled)).Answers.Select(a => (a.Answer.Kind, a.Answer.Level)).ToArray();

        CollectionAssert.AreEqual(
            new (AnswerKind, int?)[] { (AnswerKind.NotApplicable, null), (AnswerKind.DontKnow, null), (AnswerKind.Level, 3), (AnswerKind.Level, 2), (AnswerKind.Level, 4), (AnswerKind.Level, 4) },
            read);
    }

    [TestMethod]
    public void ImportProblems_AreWordedInTheLanguageAskedFor_WhateverTheWorkbooksLanguage_WithAStableCode()
    {
        var albanian = Writer.WriteBlank(TestData.Shipped, "sq");
        var filled = Workbooks.Fill(albanian, [new(TestData.Shipped.Indicators[0].Id, "Level", "Maybe")]);

        var inMacedonian = Assert.ThrowsExactly<WorkbookRejectedException>(() => Reader.Read(new MemoryStream(filled), "mk")).Problems.Single();
        var inEnglish = Assert.ThrowsExactly<WorkbookRejectedException>(() => Reader.Read(new MemoryStream(filled))).Problems.Single();

        // The cell is named by the sheet's name in the workbook, and the choices are those of its drop-down.
        Assert.AreEqual("Vlerësimi!F4: \"Maybe\" не е ниво; се очекува 0-4, Nuk zbatohet или Nuk e di", inMacedonian.ToString());
        Assert.AreEqual("Vlerësimi!F4: \"Maybe\" is not a level; expected 0-4, Nuk zbatohet or Nuk e di", inEnglish.ToString());
        Assert.AreEqual(("levelUnknown", "levelUnknown"), (inMacedonian.Code, inEnglish.Code));
    }
}
