using DocumentFormat.OpenXml.Spreadsheet;
using Nlc.Excel.Import;

namespace Nlc.Excel.Tests;

/// <summary>Refusals and warnings of an upload that tell a non-technical official what to do.</summary>
[TestClass]
public sealed class ImportMessageTests
{
    private static readonly AssessmentWorkbookReader Reader = new(TestData.Catalog);

    private static string Refusal(byte[] workbook) =>
        Assert.ThrowsExactly<WorkbookRejectedException>(() => Reader.Read(new MemoryStream(workbook))).Problems.Single().ToString();

    [TestMethod]
    public void UploadingAReport_SaysItIsAReportNotAWorkbookToFillIn()
    {
        foreach (var report in new[] { ReportWriterTests.AssessmentReport(), ReportWriterTests.ProgressReport(), ReportWriterTests.HubReport() })
        {
            var message = Refusal(report);

            StringAssert.Contains(message, "this file is a report");
            StringAssert.Contains(message, "download the assessment's workbook, fill it in and upload that");
        }
    }

    [TestMethod]
    public void ARenamedAnswerSheet_IsFoundByItsHiddenKeys_AndNamedAsItIsNow()
    {
        var filled = Workbooks.Fill(AssessmentWorkbookReaderTests.Blank(), [new(TestData.Shipped.Indicators[0].Id, "Level", "Maybe"), new(TestData.Shipped.Indicators[1].Id, "Level", "2")]);
        var renamed = Workbooks.Edit(filled, document =>
            document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Assessment").Name = "Answers 2025");

        Assert.AreEqual("Answers 2025!F3: \"Maybe\" is not a level; expected 0-4, Not applicable or Don't know", Refusal(renamed));
    }

    [TestMethod]
    public void AnUnknownRubricVersion_SaysToDownloadAFreshWorkbook()
    {
        var unknown = RawWorkbook.For(TestData.Shipped with { Version = new(9, 0, 0) }).Sheet("Assessment", ["Indicator", "Level"]).Build();

        var message = Refusal(unknown);

        StringAssert.Contains(message, "rubric nlc@9.0.0, which is not known here");
        StringAssert.EndsWith(message, "Download a fresh workbook of your assessment and copy your answers into it");
    }

    [TestMethod]
    public void AnEditedQuestionText_IsReadAsTheRubricsQuestion_AndWarnedAbout()
    {
        var indicator = TestData.Shipped.Indicators[3];
        var edited = Workbooks.Fill(AssessmentWorkbookReaderTests.Blank(), [new(indicator.Id, "Question", "Does the city have a budget?"), new(indicator.Id, "Level", "2")]);

        var read = Reader.Read(new MemoryStream(edited));

        Assert.AreEqual(2, read.Answers.Single().Answer.Level);
        var warning = read.Warnings.Single();
        Assert.AreEqual((indicator.Id, "Assessment!D6"), (warning.IndicatorId, warning.Location));
        StringAssert.Contains(warning.Message, $"your answer is kept as the answer to the rubric's question \"{indicator.Question.Get("en")}\"");
    }

    [TestMethod]
    public void AnUneditedWorkbook_HasNoWarnings()
    {
        var read = Reader.Read(new MemoryStream(Workbooks.Fill(AssessmentWorkbookReaderTests.Blank(), [new(TestData.Shipped.Indicators[3].Id, "Level", "3")])));

        Assert.AreEqual(0, read.Warnings.Count);
    }
}
