using Nlc.Core.Assessments;
using Nlc.Core.Cities;
using Nlc.Core.Scoring;
using Nlc.Excel.FillIn;
using Nlc.Excel.Import;
using Nlc.Storage;

namespace Nlc.Excel.Tests;

[TestClass]
public sealed class AssessmentWorkbookReaderTests
{
    private const string Level = WorkbookNames.Columns.Level;
    private const string Reason = WorkbookNames.Columns.Reason;
    private const string Note = WorkbookNames.Columns.Note;
    private const string Evidence = WorkbookNames.Columns.Evidence;

    private static readonly AssessmentWorkbookReader Reader = new(TestData.Catalog);

    internal static byte[] Blank() => new AssessmentWorkbookWriter().Write(TestData.Shipped, TestData.Assessment(TestData.Shipped), TestData.City(), [], "en");

    private static string Id(int index) => TestData.Shipped.Indicators[index].Id;

    private static WorkbookRejectedException Rejected(byte[] workbook, AssessmentWorkbookReader? reader = null) =>
        Assert.ThrowsExactly<WorkbookRejectedException>(() => (reader ?? Reader).Read(new MemoryStream(workbook)));

    /// <summary>The answers typed in every way people and programs type them, and what each must read as.</summary>
    internal static (CellEdit[] Edits, AnswerInput[] Expected) EveryShape()
    {
        var cases = new (CellEdit[] Edits, AnswerInput Expected)[]
        {
            ([new(Id(0), Level, "3 - Established")], new(Answer.AtLevel(Id(0), 3), [])),
            ([new(Id(1), Level, "2 - Developing", Shape.InlineString)], new(Answer.AtLevel(Id(1), 2), [])),
            ([new(Id(2), Level, "4", Shape.Number)], new(Answer.AtLevel(Id(2), 4), [])),
            ([new(Id(3), Level, "1")], new(Answer.AtLevel(Id(3), 1), [])),
            ([new(Id(4), Level, "established")], new(Answer.AtLevel(Id(4), 3), [])),
            ([new(Id(5), Level, "  0 – Not in place ", Shape.InlineString)], new(Answer.AtLevel(Id(5), 0), [])),
            ([new(Id(6), Level, "3,0")], new(Answer.AtLevel(Id(6), 3), [])),
            ([new(Id(7), Level, "2.0")], new(Answer.AtLevel(Id(7), 2), [])),
            ([new(Id(8), Level, "0.9999999999999999", Shape.Number)], new(Answer.AtLevel(Id(8), 1), [])),
            ([new(Id(9), Level, "Not applicable"), new(Id(9), Reason, "Reintegration is a cantonal task here")],
                new(Answer.NotApplicable(Id(9), "Reintegration is a cantonal task here"), [])),
            ([new(Id(10), Level, "N/A"), new(Id(10), Reason, "No returnees", Shape.InlineString)], new(Answer.NotApplicable(Id(10), "No returnees"), [])),
            ([new(Id(11), Level, "Don’t know")], new(Answer.DontKnow(Id(11)), [])),
            ([new(Id(12), Level, "don't know"), new(Id(12), Note, "Ask the police")], new(Answer.DontKnow(Id(12), "Ask the police"), [])),
            ([new(Id(13), Level, "1 - Initial"), new(Id(13), Note, "  Protocol drafted, not signed  "), new(Id(13), Evidence, "https://example.org/a\n\n  Council minutes 3/2025 \r\nhttps://example.org/b")],
                new(Answer.AtLevel(Id(13), 1, "Protocol drafted, not signed"), ["https://example.org/a", "Council minutes 3/2025", "https://example.org/b"])),
            ([new(Id(14), Level, "2"), new(Id(14), Note, "=SUM(A1:A2) stays text", Shape.InlineString)], new(Answer.AtLevel(Id(14), 2, "=SUM(A1:A2) stays text"), [])),
        };
        return (cases.SelectMany(c => c.Edits).ToArray(), cases.Select(c => c.Expected).ToArray());
    }

    internal static void AssertSameAnswers(IReadOnlyList<AnswerInput> expected, IReadOnlyList<AnswerInput> actual)
    {
        Assert.AreEqual(expected.Count, actual.Count, "number of answers");
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.AreEqual(expected[i].Answer, actual[i].Answer);
            CollectionAssert.AreEqual(expected[i].Evidence.ToArray(), actual[i].Evidence.ToArray(), expected[i].Answer.IndicatorId);
        }
    }

    [TestMethod]
    public void RoundTrip_EveryShapeOfAnswer_ComesBackExactly()
    {
        using var culture = TestData.Culture("de-DE");
        var (edits, expected) = EveryShape();

        var read = Reader.Read(new MemoryStream(Workbooks.Fill(Blank(), edits)));

        AssertSameAnswers(expected, read.Answers);
        Assert.AreEqual(TestData.Shipped, read.Rubric);
    }

    [TestMethod]
    public void RoundTrip_APrefilledWorkbookReadBackUnchanged_GivesTheStoredAnswers()
    {
        var answers = TestData.CompleteAnswers(TestData.Shipped).Select((a, i) => new AnswerInput(a, i % 3 == 0 ? [$"https://example.org/{i}", "Minutes"] : [])).ToArray();
        var stored = answers.Select(a => TestData.Stored(a.Answer, [.. a.Evidence])).ToArray();
        var bytes = new AssessmentWorkbookWriter().Write(TestData.Shipped, TestData.Assessment(TestData.Shipped), TestData.City(), stored, "en");

        AssertSameAnswers(answers, Reader.Read(new MemoryStream(bytes)).Answers);
    }

    [TestMethod]
    public void RoundTrip_InTheWorkbooksLanguage_ReadsItsLevelNames()
    {
        using var culture = TestData.Culture("sr-Latn-RS");
        var rubric = TestData.Bilingual;
        var blank = new AssessmentWorkbookWriter().Write(rubric, TestData.Assessment(rubric), TestData.City(), [], "sr-Latn");
        var filled = Workbooks.Fill(blank, [
            new("P1.1", Level, "3 - Uspostavljeno"),
            new("P1.2", Level, "u razvoju"),
            new("P2.1", Level, "Nije primenljivo"), new("P2.1", Reason, "Nadležnost kantona"),
            new("P2.2", Level, "Embedded"),
        ]);

        var read = new AssessmentWorkbookReader(TestData.BilingualCatalog).Read(new MemoryStream(filled)).Answers.Select(a => a.Answer).ToArray();

        CollectionAssert.AreEqual(
            new[] { Answer.AtLevel("P1.1", 3), Answer.AtLevel("P1.2", 2), Answer.NotApplicable("P2.1", "Nadležnost kantona"), Answer.AtLevel("P2.2", 4) },
            read);
    }

    [TestMethod]
    public void Read_FindsColumnsByTheirHeaders_InAnyOrder_PastBlankRowsAndOtherColumns()
    {
        var rubric = TestData.Shipped;
        var workbook = RawWorkbook.For(rubric).Sheet(
            WorkbookNames.AssessmentSheet,
            ["Exported from our intranet"],
            null,
            ["Evidence", "comments", "LEVEL", "Note", "Reason", "indicator"],
            null,
            null,
            [null, "ignored", RawCell.Inline("Not applicable"), null, "Cantonal task", Id(3)],
            [],
            ["https://example.org/x", null, 2, "A note", null, RawCell.Inline(Id(0))],
            [null, "only a comment", null, null, null, null],
            [null, null, null, null, null, Id(1)]).Build();

        var answers = Reader.Read(new MemoryStream(workbook)).Answers;

        AssertSameAnswers(
            [new(Answer.NotApplicable(Id(3), "Cantonal task"), []), new(Answer.AtLevel(Id(0), 2, "A note"), ["https://example.org/x"])],
            answers);
    }

    [TestMethod]
    public void Read_RowsLeftBlank_AreUnanswered()
    {
        var read = Reader.Read(new MemoryStream(Workbooks.Fill(Blank(), [new(Id(20), Level, "2")])));

        Assert.AreEqual(1, read.Answers.Count);
        Assert.AreEqual(Answer.AtLevel(Id(20), 2), read.Answers[0].Answer);
    }

    [TestMethod]
    public void Read_ExposesWhatTheWorkbookWasMadeFor()
    {
        var read = Reader.Read(new MemoryStream(Blank()));

        Assert.AreEqual("asm_1", read.Metadata.AssessmentId);
        Assert.AreEqual("nlc@1.0.0", read.Metadata.RubricKey);
        Assert.AreEqual(TestData.Shipped.ContentHash, read.Metadata.RubricContentHash);
        Assert.AreEqual(("en", "Danilovgrad", "2025"), (read.Metadata.Language, read.Metadata.CityName, read.Metadata.Period));
    }

    [TestMethod]
    public void Read_ReportsEveryProblem_WithItsCellTheValueFoundAndWhatWasExpected()
    {
        // Row 1 holds the hidden column keys, row 2 the headers.
        var row = (int index) => index + 3;
        var filled = Workbooks.Fill(Blank(), [
            new(Id(0), Level, "Maybe"),
            new(Id(1), Level, "2.5", Shape.Number),
            new(Id(2), Level, "Not applicable"),
            new(Id(3), Level, "3 - Initial"),
            new(Id(4), Level, "2"), new(Id(4), Reason, "Leftover reason"),
            new(Id(5), Note, "Remember to ask"),
            new(Id(6), Level, "7"),
            new(Id(7), Level, "IF(A1>0,3,2)", Shape.Formula),
            new(Id(8), Level, "1"), new(Id(8), Note, new string('x', 4001)),
            new(Id(9), Level, "2"), new(Id(9), Evidence, string.Join('\n', Enumerable.Range(1, 21).Select(i => $"doc {i}"))),
        ]);

        var error = Rejected(filled);

        CollectionAssert.AreEqual(
            new[]
            {
                $"Assessment!F{row(0)}: \"Maybe\" is not a level; expected 0-4, Not applicable or Don't know",
                $"Assessment!F{row(1)}: \"2.5\" is not a level; expected 0-4, Not applicable or Don't know",
                $"Assessment!G{row(2)}: Not applicable needs a reason in the column \"Reason (if not applicable)\"",
                $"Assessment!F{row(3)}: \"3 - Initial\" is not a level; expected 0-4, Not applicable or Don't know",
                $"Assessment!G{row(4)}: a reason is only for Not applicable, but the level is \"2\"; clear the reason or choose Not applicable",
                $"Assessment!F{row(5)}: no level chosen, but H{row(5)} is filled in; choose a level, Not applicable or Don't know, or clear the row",
                $"Assessment!F{row(6)}: \"7\" is not a level; expected 0-4, Not applicable or Don't know",
                $"Assessment!F{row(7)}: \"=IF(A1>0,3,2)\" is a formula; type the value itself",
                $"Assessment!H{row(8)}: 4001 characters; at most 4000",
                $"Assessment!I{row(9)}: 21 evidence entries; at most 20, one per line",
            },
            error.Problems.Select(p => p.ToString()).ToArray());
        CollectionAssert.AreEqual(Enumerable.Range(0, 10).Select(Id).ToArray(), error.Problems.Select(p => p.IndicatorId).ToArray());
        Assert.AreEqual("asm_1", error.Metadata!.AssessmentId);
    }

    [TestMethod]
    public void Read_UnknownAndRepeatedIndicators_AreProblems()
    {
        var rubric = TestData.Shipped;
        var workbook = RawWorkbook.For(rubric).Sheet(
            WorkbookNames.AssessmentSheet,
            ["Indicator", "Level"],
            [Id(0), "1"],
            ["GP99.9", "2"],
            [Id(0), "3"],
            [null, "4"]).Build();

        var error = Rejected(workbook);

        CollectionAssert.AreEqual(
            new[]
            {
                "Assessment!A3: \"GP99.9\" is not an indicator of rubric nlc@1.0.0",
                $"Assessment!A4: indicator {Id(0)} appears again; it is first in row 2",
                "Assessment!A5: no indicator id, but the row has an answer in B5; answers belong in the row of their indicator",
            },
            error.Problems.Select(p => p.ToString()).ToArray());
    }

    [TestMethod]
    public void Read_WithoutIndicatorOrLevelColumns_SaysWhichHeadersItLooksFor()
    {
        var workbook = RawWorkbook.For(TestData.Shipped).Sheet(WorkbookNames.AssessmentSheet, ["Indicator", "Answer"], [Id(0), "1"]).Build();

        var error = Rejected(workbook);

        Assert.AreEqual("Assessment: no header row with the columns \"Indicator\" and \"Level\" in the first 20 rows", error.Problems.Single().ToString());
    }

    [TestMethod]
    public void Read_AWorkbookOfAnUnknownRubricVersion_IsRefused_WithItsMetadata()
    {
        var rubric = TestData.Shipped with { Version = new(7, 0, 0) };
        var workbook = RawWorkbook.For(rubric).Sheet(WorkbookNames.AssessmentSheet, ["Indicator", "Level"]).Build();

        var error = Rejected(workbook);

        Assert.AreEqual("_meta: the workbook is for rubric nlc@7.0.0, which is not known here (known: nlc@1.0.0). Download a fresh workbook of your assessment and copy your answers into it", error.Problems.Single().ToString());
        Assert.AreEqual("nlc@7.0.0", error.Metadata!.RubricKey);
    }

    [TestMethod]
    public void Read_AWorkbookOfAnotherTextOfTheSameVersion_IsRefused()
    {
        var rubric = TestData.Shipped with { ContentHash = "sha256:0000" };
        var workbook = RawWorkbook.For(rubric).Sheet(WorkbookNames.AssessmentSheet, ["Indicator", "Level"]).Build();

        var error = Rejected(workbook);

        StringAssert.StartsWith(error.Problems.Single().ToString(), "_meta: the workbook was made from another text of rubric nlc@1.0.0 (sha256:0000)");
    }

    [TestMethod]
    public void Read_AWorkbookOfANewerFormat_IsRefused()
    {
        var workbook = RawWorkbook.For(TestData.Shipped, formatVersion: "4").Sheet(WorkbookNames.AssessmentSheet, ["Indicator", "Level"]).Build();

        var error = Rejected(workbook);

        Assert.AreEqual(
            "_meta!B3: \"4\": the workbook was made by a newer version of the toolkit (format 4); this one reads format 3",
            error.Problems.Single().ToString());
    }

    [TestMethod]
    public async Task ReadAsync_ReadsAStreamThatCannotSeek()
    {
        var filled = Workbooks.Fill(Blank(), [new(Id(0), Level, "4")]);

        var read = await Reader.ReadAsync(new ForwardOnlyStream(filled));

        Assert.AreEqual(Answer.AtLevel(Id(0), 4), read.Answers.Single().Answer);
    }

    /// <summary>A stream that can only be read forwards, like an HTTP request body.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
