using System.Net.Http.Headers;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;
using Nlc.Excel.FillIn;
using Nlc.Excel;
using Nlc.Storage;

namespace Nlc.Api.Tests;

/// <summary>The Excel round trip over HTTP: download, upload filled in (raw and as a form), every refusal a problem that writes nothing, and the reports.</summary>
[TestClass]
public sealed class WorkbookApiTests
{
    private static readonly Rubric Rubric = RubricLoader.LoadFile(Path.Combine(RepositoryPaths.Rubrics, "nlc-1.0.0.yaml"));
    private static InProcessApi _server = null!;
    private static string _cityId = null!;
    private static HttpClient _city = null!;

    [ClassInitialize]
    public static async Task Arrange(TestContext _)
    {
        _server = InProcessApi.Start();
        _cityId = await Scenario.CreateCityAsync(_server, "Workbookville", "ME");
        _city = _server.ClientFor(await Scenario.CreateKeyAsync(_server, "city", _cityId));
    }

    [ClassCleanup]
    public static async Task Cleanup() => await _server.DisposeAsync();

    [TestMethod]
    public async Task ADownloadedWorkbook_IsAValidXlsxWithTheAnswersSoFar()
    {
        var (assessmentId, etag) = await Scenario.CreateAssessmentAsync(_city, _cityId, "2021");
        await _city.SendAsync(HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/answers/GP01.1", new { level = 3 }, etag).ExpectAsync(200);

        using var response = await _city.GetAsync($"/api/v1/assessments/{assessmentId}/workbook?lang=en");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.AreEqual(XlsxFile.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.AreEqual(0, new OpenXmlValidator().Validate(document).Count());
        var import = await new Nlc.Excel.Import.AssessmentWorkbookReader(new RubricCatalog([Rubric])).ReadAsync(new MemoryStream(bytes));
        Assert.AreEqual(assessmentId, import.Metadata.AssessmentId);
        Assert.AreEqual(3, import.Answers.Single().Answer.Level);
    }

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public async Task AFilledWorkbook_IsImportedWhole(bool asForm)
    {
        var (assessmentId, etag) = await Scenario.CreateAssessmentAsync(_city, _cityId, asForm ? "2022" : "2023");
        var workbook = await FilledWorkbookAsync(assessmentId, i => i == 10 ? Answer.NotApplicable(Rubric.Indicators[i].Id, "Not ours") : Answer.AtLevel(Rubric.Indicators[i].Id, i % 5, $"note {i}"));

        var result = await UploadAsync(assessmentId, workbook, etag, asForm).ExpectAsync(200);

        Assert.AreEqual(39, result.GetProperty("answersInWorkbook").GetInt32());
        Assert.AreEqual(39, result.GetProperty("changes").GetArrayLength());
        var answers = result.GetProperty("assessment").GetProperty("answers").EnumerateArray().ToDictionary(a => a.Text("indicatorId"));
        Assert.AreEqual(2, answers["GP01.3"].GetProperty("level").GetInt32());
        Assert.IsTrue(answers[Rubric.Indicators[10].Id].GetProperty("notApplicable").GetBoolean());
        Assert.AreEqual("note 4", answers[Rubric.Indicators[4].Id].Text("note"));
    }

    [TestMethod]
    public async Task RefusedWorkbooks_NameTheReasonAndWriteNothing()
    {
        var (assessmentId, etag) = await Scenario.CreateAssessmentAsync(_city, _cityId, "2024");
        var (otherId, _) = await Scenario.CreateAssessmentAsync(_city, _cityId, "2025");
        var forOther = await FilledWorkbookAsync(otherId, i => Answer.AtLevel(Rubric.Indicators[i].Id, 1));
        var zipOfText = ZipWith("hello.txt", "not a workbook");
        var before = await DatabaseDump.ReadAsync(_server.DatabasePath);

        var cases = new (byte[] Body, string? IfMatch, int Status, string Message)[]
        {
            ("this is not a zip"u8.ToArray(), etag, 422, "not an Excel workbook (.xlsx)"),
            (zipOfText, etag, 422, ""),
            (forOther, etag, 422, $"This workbook belongs to the assessment of Workbookville for 2025 ({otherId}), not to the assessment of Workbookville for 2024 ({assessmentId}). Download the workbook of Workbookville for 2024"),
            (forOther, "version 3", 428, "If-Match"),
            ([], etag, 422, ""),
        };

        foreach (var (body, ifMatch, status, message) in cases)
        {
            using var response = await UploadAsync(assessmentId, body, ifMatch, asForm: false);
            var problem = await response.JsonAsync();
            Assert.AreEqual(status, (int)response.StatusCode, problem.ToString());
            Assert.AreEqual("application/problem+json", response.ContentType()?.MediaType);
            StringAssert.Contains(problem.ToString(), message);
        }

        Assert.AreEqual(before, await DatabaseDump.ReadAsync(_server.DatabasePath));
    }

    [TestMethod]
    public async Task AWorkbookForASubmittedAssessment_IsRefused()
    {
        var (assessmentId, etag) = await Scenario.CreateAssessmentAsync(_city, _cityId, "2019");
        etag = await Scenario.AnswerAllAsync(_city, assessmentId, etag, 2);
        using var submitted = await _city.SendAsync(HttpMethod.Post, $"/api/v1/assessments/{assessmentId}/submit", ifMatch: etag);
        var workbook = await FilledWorkbookAsync(assessmentId, i => Answer.AtLevel(Rubric.Indicators[i].Id, 4));

        var problem = await UploadAsync(assessmentId, workbook, submitted.ETag(), asForm: false).ExpectAsync(409);

        StringAssert.Contains(problem.Text("detail"), "for 2019 has been submitted, so its answers can no longer be changed. Ask your regional hub to reopen it; then download a new workbook");
    }

    [TestMethod]
    public async Task AStaleUpload_SaysWhatChangedAndWhoChangedIt_AndWritesNothing()
    {
        var (assessmentId, etag) = await Scenario.CreateAssessmentAsync(_city, _cityId, "2018");
        var workbook = await FilledWorkbookAsync(assessmentId, i => Answer.AtLevel(Rubric.Indicators[i].Id, 1));
        await _city.SendAsync(HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/answers/GP02.1", new { level = 3 }, etag).ExpectAsync(200);
        var before = await DatabaseDump.ReadAsync(_server.DatabasePath);

        var problem = await UploadAsync(assessmentId, workbook, etag, asForm: false).ExpectAsync(412);

        StringAssert.Contains(problem.Text("detail"), "The assessment of Workbookville for 2018 is now at version 2: it was changed after version 1; the last answer saved was GP02.1, by city key (key_");
        StringAssert.Contains(problem.Text("detail"), "Upload again without If-Match to save only the answers you changed");
        Assert.AreEqual(before, await DatabaseDump.ReadAsync(_server.DatabasePath));
    }

    [TestMethod]
    public async Task AnEditedQuestionText_IsSaved_AndShownAsAWarningInTheReply()
    {
        var (assessmentId, _) = await Scenario.CreateAssessmentAsync(_city, _cityId, "2017");
        var indicator = Rubric.Indicators[0];
        var workbook = WorkbookFill.Type(await WorkbookFill.DownloadAsync(_city, assessmentId),
            new Typed(indicator.Id, "Question", "Is there a budget?"), new Typed(indicator.Id, WorkbookFill.Level, "2"));

        var reply = await UploadAsync(assessmentId, workbook, null, asForm: false).ExpectAsync(200);

        var warning = reply.GetProperty("warnings").EnumerateArray().Single();
        Assert.AreEqual((indicator.Id, "Assessment!D3"), (warning.Text("indicatorId"), warning.Text("cell")));
        StringAssert.Contains(warning.Text("message"), $"the question of {indicator.Id} was edited; your answer is kept as the answer to the rubric's question");
    }

    [TestMethod]
    public async Task AnUploadedReport_IsRecognisedAsAReport_NotAWorkbook()
    {
        var (assessmentId, etag) = await Scenario.CreateAssessmentAsync(_city, _cityId, "2016");
        using var report = await _city.GetAsync($"/api/v1/assessments/{assessmentId}/report?lang=en");

        var problem = await UploadAsync(assessmentId, await report.Content.ReadAsByteArrayAsync(), etag, asForm: false).ExpectAsync(422);

        StringAssert.Contains(problem.Text("detail"), "this file is a report (it has the sheet \"Summary\"), not a workbook to fill in");
    }

    [TestMethod]
    public async Task TheWorkbookOfASubmittedAssessment_DownloadsReadOnly_WithANotice()
    {
        var (assessmentId, etag) = await Scenario.CreateAssessmentAsync(_city, _cityId, "2015");
        etag = await Scenario.AnswerAllAsync(_city, assessmentId, etag, 2);
        await _city.SendAsync(HttpMethod.Post, $"/api/v1/assessments/{assessmentId}/submit", ifMatch: etag).ExpectAsync(200);

        using var document = SpreadsheetDocument.Open(new MemoryStream(await WorkbookFill.DownloadAsync(_city, assessmentId)), false);
        var start = document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == "Start here");
        var text = ((WorksheetPart)document.WorkbookPart.GetPartById(start.Id!)).Worksheet.InnerText;

        StringAssert.Contains(text, "Read-only: this assessment has been submitted");
    }

    [TestMethod]
    public async Task TheReports_AreValidWorkbooks()
    {
        var (_, assessmentId) = await Scenario.ValidatedAssessmentAsync(_server, "Reportville", level: 3, country: "AL");
        using var hub = _server.ClientFor(await Scenario.CreateKeyAsync(_server, "hub"));

        foreach (var url in new[]
        {
            $"/api/v1/assessments/{assessmentId}/report?lang=en",
            $"/api/v1/cities/{_cityId}/progress-report?rubricId=nlc",
            "/api/v1/benchmarks/report?rubricId=nlc&period=2025&country=AL",
        })
        {
            using var response = await hub.GetAsync(url);
            Assert.AreEqual(200, (int)response.StatusCode, url);
            using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
            Assert.AreEqual(0, new OpenXmlValidator().Validate(document).Count(), url);
        }
    }

    /// <summary>The assessment's workbook as downloaded, with every indicator's row typed in as <paramref name="answerFor"/> says.</summary>
    private static async Task<byte[]> FilledWorkbookAsync(string assessmentId, Func<int, Answer> answerFor)
    {
        var typed = Enumerable.Range(0, Rubric.Indicators.Count).Select(answerFor).SelectMany(answer => new[]
        {
            new Typed(answer.IndicatorId, WorkbookFill.Level, answer.Kind == AnswerKind.NotApplicable ? "Not applicable" : answer.Level!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Typed(answer.IndicatorId, WorkbookFill.Reason, answer.Reason ?? ""),
            new Typed(answer.IndicatorId, WorkbookFill.Note, answer.Note ?? ""),
        }).ToArray();
        return WorkbookFill.Type(await WorkbookFill.DownloadAsync(_city, assessmentId), typed);
    }

    private static Task<HttpResponseMessage> UploadAsync(string assessmentId, byte[] workbook, string? ifMatch, bool asForm)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/workbook");
        var file = new ByteArrayContent(workbook);
        file.Headers.ContentType = new MediaTypeHeaderValue(XlsxFile.ContentType);
        request.Content = asForm ? new MultipartFormDataContent { { file, "file", "filled.xlsx" } } : file;
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return _city.SendAsync(request);
    }

    private static byte[] ZipWith(string name, string text)
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write(text);
        }

        return buffer.ToArray();
    }
}
