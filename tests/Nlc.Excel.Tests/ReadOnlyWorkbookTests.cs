using DocumentFormat.OpenXml.Spreadsheet;
using Nlc.Core.Assessments;
using Nlc.Core.Cities;
using Nlc.Excel.FillIn;
using Nlc.Excel.Import;
using Nlc.Storage;

namespace Nlc.Excel.Tests;

/// <summary>The workbook of an assessment that is no longer a draft, and the Level drop-down's tolerance of typed levels.</summary>
[TestClass]
public sealed class ReadOnlyWorkbookTests
{
    private static readonly AssessmentWorkbookWriter Writer = new();

    private static byte[] WorkbookOf(AssessmentStatus status) => Writer.Write(
        TestData.Shipped, TestData.Assessment(TestData.Shipped) with { Status = status }, TestData.City(),
        TestData.CompleteAnswers(TestData.Shipped).Select(a => TestData.Stored(a)).ToArray(), "en");

    [TestMethod]
    public void AWorkbookOfASubmittedOrValidatedAssessment_IsReadOnly_WithANoticeSayingWhatToDo()
    {
        foreach (var (status, word) in new[] { (AssessmentStatus.Submitted, "submitted"), (AssessmentStatus.Validated, "validated") })
        {
            using var document = Workbooks.Open(WorkbookOf(status));
            var formats = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToArray();
            var assessment = Workbooks.Sheet(document, "Assessment").Worksheet;

            StringAssert.StartsWith(Workbooks.CellText(document, "Start here", "A3"), $"Read-only: this assessment has been {word}");
            StringAssert.Contains(Workbooks.CellText(document, "Assessment", "A2"), "ask your regional hub to reopen the assessment, then download a new workbook");
            Assert.IsFalse(assessment.Descendants<Cell>().Any(c => formats[(int)(c.StyleIndex?.Value ?? 0)].Protection?.Locked?.Value == false), $"{status}: no cell can be edited");
            Assert.AreEqual(0, assessment.Descendants<DataValidation>().Count());
        }
    }

    [TestMethod]
    public void AReadOnlyWorkbook_StillReadsBackItsAnswers()
    {
        var read = new AssessmentWorkbookReader(TestData.Catalog).Read(new MemoryStream(WorkbookOf(AssessmentStatus.Validated)));

        Assert.AreEqual(TestData.Shipped.Indicators.Count, read.Answers.Count);
    }

    [TestMethod]
    public void ADraftsWorkbook_HasNoNotice_AndItsDropDownDoesNotBlockATypedLevel()
    {
        using var document = Workbooks.Open(WorkbookOf(AssessmentStatus.Draft));
        var validation = Workbooks.Sheet(document, "Assessment").Worksheet.Descendants<DataValidation>().Single();

        Assert.AreEqual("Practice", Workbooks.CellText(document, "Assessment", "A2"));
        Assert.AreEqual(DataValidationErrorStyleValues.Information, validation.ErrorStyle!.Value, "Stop would refuse \"3\", which the import accepts");
        StringAssert.Contains(validation.Error!.Value, "A level number such as 3 is fine");
    }
}
