using DocumentFormat.OpenXml.Spreadsheet;
using Nlc.Core.Assessments;
using Nlc.Core.Cities;
using Nlc.Core.Scoring;
using Nlc.Excel.FillIn;
using Nlc.Excel.Import;
using Nlc.Storage;

namespace Nlc.Excel.Tests;

[TestClass]
public sealed class AssessmentWorkbookWriterTests
{
    private static readonly AssessmentWorkbookWriter Writer = new() { Contact = "Western Balkans hub, hub@example.org" };

    private static byte[] Prefilled(IReadOnlyList<StoredAnswer> answers, string language = "en") =>
        Writer.Write(TestData.Shipped, TestData.Assessment(TestData.Shipped), TestData.City(), answers, language);

    private static StoredAnswer[] CompleteStored() => TestData.CompleteAnswers(TestData.Shipped).Select(a => TestData.Stored(a, "https://example.org/a")).ToArray();

    [TestMethod]
    public void WriteBlank_PassesTheOpenXmlValidator()
    {
        var errors = Workbooks.ValidationErrors(Writer.WriteBlank(TestData.Shipped, "en"));

        Assert.AreEqual(0, errors.Count, string.Join(Environment.NewLine, errors));
    }

    [TestMethod]
    public void Write_PrefilledInAnotherCultureAndLanguage_PassesTheOpenXmlValidator()
    {
        using var culture = TestData.Culture("sr-Latn-RS");
        var rubric = TestData.Bilingual;
        var answers = new[] { TestData.Stored(Answer.AtLevel("P1.1", 3, "Beleška"), "https://example.org/ugovor") };

        var errors = Workbooks.ValidationErrors(Writer.Write(rubric, TestData.Assessment(rubric), TestData.City(), answers, "sr-Latn-RS"));

        Assert.AreEqual(0, errors.Count, string.Join(Environment.NewLine, errors));
    }

    [TestMethod]
    public void Write_HasTheFourSheetsInOrder_WithMetaHidden_AndTheStructureLocked()
    {
        using var document = Workbooks.Open(Writer.WriteBlank(TestData.Shipped, "en"));
        var workbook = document.WorkbookPart!.Workbook;
        var sheets = workbook.Sheets!.Elements<Sheet>().ToArray();

        CollectionAssert.AreEqual(new[] { "Start here", "Assessment", "Levels", "_meta" }, sheets.Select(s => s.Name!.Value).ToArray());
        Assert.AreEqual(SheetStateValues.Hidden, sheets[3].State!.Value);
        Assert.IsTrue(workbook.WorkbookProtection!.LockStructure!.Value);
    }

    [TestMethod]
    public void Write_RecordsRubricAssessmentAndLanguageInMeta()
    {
        var bytes = Prefilled([], "sr-Latn-RS");

        var metadata = new AssessmentWorkbookReader(TestData.Catalog).Read(new MemoryStream(bytes)).Metadata;

        var rubric = TestData.Shipped;
        // The workbook records the served language it is written in, not the tag asked for.
        Assert.AreEqual(new WorkbookMetadata(3, "nlc", rubric.Version, rubric.ContentHash, "asm_1", "sr-Latn", "Danilovgrad", "2025", 3), metadata);
    }

    [TestMethod]
    public void Write_RecordsTheVersionAndAnswersItWasDownloadedWith_SoAnUntouchedWorkbookHoldsNoEdits()
    {
        var downloadedAt = new DateTimeOffset(2026, 11, 15, 9, 30, 0, TimeSpan.Zero);
        AnswerInput[] stored =
        [
            new(Answer.AtLevel("GP01.1", 2, "  padded on both sides  "), []),
            new(Answer.AtLevel("GP01.2", 3, "two lines\r\nwith a Windows break and a \u0001 control character"), [" spaced ", "", "two\nlines"]),
            new(Answer.NotApplicable("GP11.1", "Reintegration is a cantonal task", "=1+1"), ["+381 11 123 456"]),
            new(Answer.DontKnow("GP04.1"), []),
        ];
        var bytes = Writer.Write(
            TestData.Shipped, TestData.Assessment(TestData.Shipped), TestData.City(), stored.Select(a => TestData.Stored(a.Answer, [.. a.Evidence])).ToArray(), "en", downloadedAt);

        var import = new AssessmentWorkbookReader(TestData.Catalog).Read(new MemoryStream(bytes));

        Assert.AreEqual((3L, downloadedAt), (import.Metadata.BaseVersion!.Value, import.Metadata.DownloadedAt!.Value));
        CollectionAssert.AreEquivalent(stored.Select(a => a.Answer.IndicatorId).ToArray(), import.Baseline.Keys.ToArray());
        foreach (var (answer, baseFingerprint) in import.BasedAnswers())
        {
            Assert.AreEqual(baseFingerprint, AnswerFingerprint.Of(answer), $"{answer.Answer.IndicatorId} reads back as an edit");
        }
    }

    [TestMethod]
    public void AnswerFingerprint_NamesWhichPartsChanged()
    {
        var before = new AnswerInput(Answer.AtLevel("GP01.1", 2, "note"), ["a"]);

        CollectionAssert.AreEqual(Array.Empty<string>(), AnswerFingerprint.ChangedParts(before, new AnswerInput(Answer.AtLevel("GP01.1", 2, " note\r\n"), ["a", " "])).ToArray());
        CollectionAssert.AreEqual(new[] { "note" }, AnswerFingerprint.ChangedParts(before, new AnswerInput(Answer.AtLevel("GP01.1", 2, "other"), ["a"])).ToArray());
        CollectionAssert.AreEqual(new[] { "evidence" }, AnswerFingerprint.ChangedParts(before, new AnswerInput(Answer.AtLevel("GP01.1", 2, "note"), ["a", "b"])).ToArray());
        CollectionAssert.AreEqual(new[] { "level", "reason" }, AnswerFingerprint.ChangedParts(before, new AnswerInput(Answer.NotApplicable("GP01.1", "why", "note"), ["a"])).ToArray());
        Assert.AreNotEqual(AnswerFingerprint.Of(before), AnswerFingerprint.Of(new AnswerInput(Answer.DontKnow("GP01.1", "note"), ["a"])));
    }

    [TestMethod]
    public void WriteBlank_HasNoAssessmentId()
    {
        var metadata = new AssessmentWorkbookReader(TestData.Catalog).Read(new MemoryStream(Writer.WriteBlank(TestData.Shipped, "en"))).Metadata;

        Assert.IsNull(metadata.AssessmentId);
        Assert.IsNull(metadata.CityName);
    }

    [TestMethod]
    public void Write_AssessmentSheet_HasOneRowPerIndicatorInRubricOrder()
    {
        using var document = Workbooks.Open(Writer.WriteBlank(TestData.Shipped, "en"));
        var rows = Workbooks.Sheet(document, "Assessment").Worksheet.Descendants<Row>().ToArray();

        Assert.IsTrue(rows[0].Hidden?.Value, "the row of column keys is hidden");
        CollectionAssert.AreEqual(
            new[] { "nlc:practice", "nlc:practiceTitle", "nlc:indicator", "nlc:question", "nlc:guidance", "nlc:level", "nlc:reason", "nlc:note", "nlc:evidence" },
            rows[0].Elements<Cell>().Select(c => c.InnerText).ToArray());
        var headers = rows[1].Elements<Cell>().Select(c => c.InnerText).ToArray();
        CollectionAssert.AreEqual(
            new[] { "Practice", "Practice title", "Indicator", "Question", "Guidance", "Level", "Reason (if not applicable)", "Note", "Evidence (one per line)" },
            headers);
        CollectionAssert.AreEqual(TestData.Shipped.Indicators.Select(i => i.Id).ToArray(), rows.Skip(2).Select(r => r.Elements<Cell>().ElementAt(2).InnerText).ToArray());
    }

    [TestMethod]
    public void Write_LevelColumn_IsADropDownOfEveryChoice()
    {
        using var document = Workbooks.Open(Writer.WriteBlank(TestData.Shipped, "en"));
        var validation = Workbooks.Sheet(document, "Assessment").Worksheet.Descendants<DataValidation>().Single();

        Assert.AreEqual(DataValidationValues.List, validation.Type!.Value);
        Assert.AreEqual($"F3:F{TestData.Shipped.Indicators.Count + 2}", validation.SequenceOfReferences!.InnerText);
        Assert.AreEqual("'_meta'!$D$2:$D$8", validation.Formula1!.Text);
        var choices = Enumerable.Range(2, 7).Select(row => Workbooks.CellText(document, "_meta", $"D{row}")).ToArray();
        CollectionAssert.AreEqual(
            new[] { "0 - Not in place", "1 - Initial", "2 - Developing", "3 - Established", "4 - Embedded", "Not applicable", "Don't know" },
            choices);
    }

    [TestMethod]
    public void Write_OnlyTheAnswerCellsCanBeEdited()
    {
        using var document = Workbooks.Open(Writer.WriteBlank(TestData.Shipped, "en"));
        var formats = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToArray();
        bool Unlocked(Cell cell) => formats[(int)(cell.StyleIndex?.Value ?? 0)].Protection?.Locked?.Value == false;

        foreach (var name in new[] { "Start here", "Assessment", "Levels", "_meta" })
        {
            var worksheet = Workbooks.Sheet(document, name).Worksheet;
            Assert.IsTrue(worksheet.GetFirstChild<SheetProtection>()?.Sheet?.Value == true, $"{name} is not protected");
            Assert.IsNull(worksheet.GetFirstChild<SheetProtection>()!.Password, $"{name} has a password");
            var unlocked = worksheet.Descendants<Cell>().Where(Unlocked).Select(c => c.CellReference!.Value!).ToArray();
            var expected = name == "Assessment"
                ? Enumerable.Range(3, TestData.Shipped.Indicators.Count).SelectMany(row => new[] { $"F{row}", $"G{row}", $"H{row}", $"I{row}" }).ToArray()
                : [];
            CollectionAssert.AreEquivalent(expected, unlocked, name);
        }
    }

    [TestMethod]
    public void Write_FreezesTheHeaderRow_AndRepeatsItOnEveryPrintedPage()
    {
        using var document = Workbooks.Open(Writer.WriteBlank(TestData.Shipped, "en"));
        var worksheet = Workbooks.Sheet(document, "Assessment").Worksheet;
        var pane = worksheet.Descendants<Pane>().Single();
        var printTitles = document.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>().Single(d => d.Name == "_xlnm.Print_Titles" && d.LocalSheetId! == 1);

        Assert.AreEqual((PaneStateValues.Frozen, 2.0, "A3"), (pane.State!.Value, pane.VerticalSplit!.Value, pane.TopLeftCell!.Value));
        Assert.AreEqual("'Assessment'!$2:$2", printTitles.Text);
        Assert.IsTrue(worksheet.SheetProperties!.PageSetupProperties!.FitToPage!.Value);
        Assert.AreEqual((1u, 0u), (worksheet.GetFirstChild<PageSetup>()!.FitToWidth!.Value, worksheet.GetFirstChild<PageSetup>()!.FitToHeight!.Value));
    }

    [TestMethod]
    public void Write_PrefillsLevelsReasonsNotesAndEvidence()
    {
        var answers = new[]
        {
            TestData.Stored(Answer.AtLevel("GP03.2", 3, "Protocol with the Ministry, 2024"), "https://example.org/protocol", "Council minutes 12/2024"),
            TestData.Stored(Answer.NotApplicable("GP11.1", "Reintegration is a cantonal task here")),
            TestData.Stored(Answer.DontKnow("GP04.1")),
        };

        using var document = Workbooks.Open(Prefilled(answers));
        string? Cell(string indicator, string column)
        {
            var row = TestData.Shipped.Indicators.Select(i => i.Id).ToList().IndexOf(indicator) + 3;
            return Workbooks.CellText(document, "Assessment", $"{column}{row}");
        }

        Assert.AreEqual("3 - Established", Cell("GP03.2", "F"));
        Assert.AreEqual("Protocol with the Ministry, 2024", Cell("GP03.2", "H"));
        Assert.AreEqual("https://example.org/protocol\nCouncil minutes 12/2024", Cell("GP03.2", "I"));
        Assert.AreEqual("Not applicable", Cell("GP11.1", "F"));
        Assert.AreEqual("Reintegration is a cantonal task here", Cell("GP11.1", "G"));
        Assert.AreEqual("Don't know", Cell("GP04.1", "F"));
        Assert.AreEqual("", Cell("GP01.1", "F") ?? "");
    }

    [TestMethod]
    public void Write_UserTextThatLooksLikeAFormula_StaysInertText()
    {
        string[] hostile = ["=HYPERLINK(\"http://evil.example\",\"click\")", "+1+1", "-2", "@SUM(A1:A9)", "=cmd|' /C calc'!A0"];
        var answers = hostile.Select((text, i) => TestData.Stored(
            Answer.NotApplicable(TestData.Shipped.Indicators[i].Id, text, note: text), text)).ToArray();

        var bytes = Prefilled(answers);

        var entries = Workbooks.Entries(bytes);
        Assert.IsFalse(entries.Values.Any(xml => System.Text.RegularExpressions.Regex.IsMatch(xml, @"<(\w+:)?f[\s>/]")), "a formula element was written");
        var read = new AssessmentWorkbookReader(TestData.Catalog).Read(new MemoryStream(bytes)).Answers;
        CollectionAssert.AreEqual(hostile, read.Select(a => a.Answer.Note).ToArray());
        CollectionAssert.AreEqual(hostile, read.Select(a => a.Answer.Reason).ToArray());
        CollectionAssert.AreEqual(hostile, read.Select(a => a.Evidence.Single()).ToArray());
    }

    [TestMethod]
    public void Write_TextXmlCannotHold_RoundTripsExactly()
    {
        string[] notes = ["bell\u0007 and escape \u001B", "Excel's own escape _x0041_ and _x005F_ literally", "line one\r\nline two\nline three", "emoji 🏛️ and ćčžšđ", "tab\there"];
        var answers = notes.Select((note, i) => TestData.Stored(Answer.AtLevel(TestData.Shipped.Indicators[i].Id, 2, note))).ToArray();

        var bytes = Prefilled(answers);

        Assert.AreEqual(0, Workbooks.ValidationErrors(bytes).Count);
        var read = new AssessmentWorkbookReader(TestData.Catalog).Read(new MemoryStream(bytes)).Answers;
        CollectionAssert.AreEqual(notes, read.Select(a => a.Answer.Note).ToArray());
    }

    [TestMethod]
    public void Write_ShowsTheRubricInTheRequestedLanguage_FallingBackToParentsAndEnglish()
    {
        var rubric = TestData.Bilingual;
        string Question(string language)
        {
            using var document = Workbooks.Open(Writer.Write(rubric, TestData.Assessment(rubric), TestData.City(), [TestData.Stored(Answer.AtLevel("P1.1", 3))], language));
            var sheet = Workbooks.SheetNames(document)[1];
            // Serbian gets the draft translation notice above the headers, so its first answer row is one lower.
            var row = language == "de" ? 3 : 4;
            return $"{sheet} | {Workbooks.CellText(document, sheet, $"D{row}")} | {Workbooks.CellText(document, sheet, $"F{row}")} | {Workbooks.CellText(document, "_meta", "D7")}";
        }

        Assert.AreEqual("Procena | Pitanje P1.1? | 3 - Uspostavljeno | Nije primenljivo", Question("sr-Latn-RS"));
        Assert.AreEqual("Assessment | Question P1.1? | 3 - Established | Not applicable", Question("de"));
    }

    [TestMethod]
    public void Write_IsTheSameInEveryCulture()
    {
        var answers = CompleteStored();
        Dictionary<string, string> Sheets(string culture)
        {
            using var _ = TestData.Culture(culture);
            return Workbooks.Entries(Prefilled(answers)).Where(e => e.Key.StartsWith("xl/", StringComparison.Ordinal)).ToDictionary();
        }

        var invariant = Sheets("");
        var german = Sheets("de-DE");
        var serbian = Sheets("sr-Latn-RS");

        CollectionAssert.AreEquivalent(invariant.Keys.ToArray(), german.Keys.ToArray());
        foreach (var (name, xml) in invariant)
        {
            var at = Enumerable.Range(0, Math.Min(xml.Length, german[name].Length)).FirstOrDefault(i => xml[i] != german[name][i]);
            Assert.AreEqual(xml, german[name], $"{name} at {at}: {xml[Math.Max(0, at - 80)..Math.Min(xml.Length, at + 80)]} | {german[name][Math.Max(0, at - 80)..Math.Min(german[name].Length, at + 80)]}");
            Assert.AreEqual(xml, serbian[name], name);
        }
    }

    [TestMethod]
    public void Write_RefusesARubricThatIsNotTheAssessmentsVersion()
    {
        var assessment = TestData.Assessment(TestData.Shipped) with { RubricVersion = new(9, 0, 0) };

        var error = Assert.ThrowsExactly<ArgumentException>(() => Writer.Write(TestData.Shipped, assessment, TestData.City(), [], "en"));

        StringAssert.Contains(error.Message, "nlc@9.0.0");
    }

    [TestMethod]
    public void Write_StartHere_ExplainsTheScaleAndNamesTheContact()
    {
        using var document = Workbooks.Open(Writer.WriteBlank(TestData.Shipped, "en"));
        var texts = Workbooks.Sheet(document, "Start here").Worksheet.Descendants<Cell>().Select(c => c.InnerText).ToArray();

        foreach (var expected in new[] { "How to fill it in", "0 - Not in place", "4 - Embedded", "Not applicable", "Don't know", "Western Balkans hub, hub@example.org" })
        {
            Assert.IsTrue(texts.Contains(expected), $"'{expected}' is not on Start here");
        }
    }
}
