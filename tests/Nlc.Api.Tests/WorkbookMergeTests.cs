using System.Text.Json;

namespace Nlc.Api.Tests;

/// <summary>
/// Colleagues filling in copies of the same workbook: an upload applies only what its user changed since the download,
/// keeps what others saved meanwhile, and refuses (writing nothing) where both changed the same indicator.
/// </summary>
[TestClass]
public sealed class WorkbookMergeTests
{
    private static InProcessApi _server = null!;
    private static string _cityId = null!;
    private static HttpClient _officialA = null!;
    private static HttpClient _officialB = null!;
    private static int _period = 2000;

    [ClassInitialize]
    public static async Task Arrange(TestContext _)
    {
        _server = InProcessApi.Start();
        _cityId = await Scenario.CreateCityAsync(_server, "Mergeville", "ME");
        _officialA = _server.ClientFor(await KeyAsync("Official Ana"));
        _officialB = _server.ClientFor(await KeyAsync("Official Besa"));
    }

    [ClassCleanup]
    public static async Task Cleanup() => await _server.DisposeAsync();

    [TestMethod]
    public async Task TwoCopiesOfOneDownload_BothChangesAreKept()
    {
        var (assessmentId, etag) = await StartedAssessmentAsync();
        var downloaded = await WorkbookFill.DownloadAsync(_officialA, assessmentId);
        var copyA = WorkbookFill.Type(downloaded, new Typed("GP01.2", WorkbookFill.Level, "4"));
        var copyB = WorkbookFill.Type(downloaded, new Typed("GP01.3", WorkbookFill.Level, "1 - Initial"));

        using var first = await WorkbookFill.UploadAsync(_officialA, assessmentId, copyA, etag);
        Assert.AreEqual(200, (int)first.StatusCode, await first.Content.ReadAsStringAsync());
        var second = await WorkbookFill.UploadAsync(_officialB, assessmentId, copyB, first.ETag()).ExpectAsync(200);

        var answers = Answers(second);
        Assert.AreEqual(4, answers["GP01.2"].GetProperty("level").GetInt32(), "A's change survives B's upload");
        Assert.AreEqual("set by the API", answers["GP01.2"].Text("note"), "A changed only the level");
        Assert.AreEqual(1, answers["GP01.3"].GetProperty("level").GetInt32());
        CollectionAssert.AreEqual(new[] { "GP01.3" }, second.GetProperty("changes").EnumerateArray().Select(c => c.Text("indicatorId")).ToArray());
    }

    [TestMethod]
    public async Task AWorkbookFromLastWeek_UploadsWithoutAVersionAndLosesNothingSavedSince()
    {
        var (assessmentId, etag) = await StartedAssessmentAsync();
        var lastWeek = await WorkbookFill.DownloadAsync(_officialB, assessmentId);
        await _officialA.SendAsync(HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/answers",
            new { answers = new object[] { new { indicatorId = "GP02.1", level = 3, note = "Ana, Tuesday" }, new { indicatorId = "GP05.1", dontKnow = true } } }, etag).ExpectAsync(200);

        var result = await WorkbookFill.UploadAsync(_officialB, assessmentId, WorkbookFill.Type(lastWeek, new Typed("GP04.1", WorkbookFill.Level, "2"))).ExpectAsync(200);

        var answers = Answers(result);
        Assert.AreEqual(3, answers["GP02.1"].GetProperty("level").GetInt32());
        Assert.AreEqual("Ana, Tuesday", answers["GP02.1"].Text("note"));
        Assert.IsTrue(answers["GP05.1"].GetProperty("dontKnow").GetBoolean());
        Assert.AreEqual(2, answers["GP04.1"].GetProperty("level").GetInt32());
        var kept = result.GetProperty("kept").EnumerateArray().Select(k => k.Text("indicatorId")).ToArray();
        CollectionAssert.AreEquivalent(new[] { "GP02.1", "GP05.1" }, kept, "rows blank in B's copy keep what Ana saved, and the reply says so");
    }

    [TestMethod]
    public async Task BothChangingTheSameIndicator_IsRefusedNamingBothAnswersWhoAndWhen()
    {
        var (assessmentId, etag) = await StartedAssessmentAsync();
        var downloaded = await WorkbookFill.DownloadAsync(_officialA, assessmentId);
        using (var first = await WorkbookFill.UploadAsync(_officialA, assessmentId, WorkbookFill.Type(downloaded, new Typed("GP01.2", WorkbookFill.Level, "4")), etag))
        {
            Assert.AreEqual(200, (int)first.StatusCode);
        }

        var before = await DatabaseDump.ReadAsync(_server.DatabasePath);
        var copyB = WorkbookFill.Type(downloaded, new Typed("GP01.2", WorkbookFill.Level, "1"), new Typed("GP01.3", WorkbookFill.Level, "3"));
        using var response = await WorkbookFill.UploadAsync(_officialB, assessmentId, copyB);
        var problem = await response.JsonAsync();

        Assert.AreEqual(409, (int)response.StatusCode, problem.ToString());
        Assert.AreEqual("application/problem+json", response.ContentType()?.MediaType);
        var conflict = problem.GetProperty("conflicts").EnumerateArray().Single();
        Assert.AreEqual("GP01.2", conflict.Text("indicatorId"));
        StringAssert.StartsWith(conflict.Text("yours"), "1 - Initial");
        StringAssert.StartsWith(conflict.Text("saved"), "4 - Embedded");
        StringAssert.Contains(conflict.Text("savedBy"), "Official Ana");
        Assert.IsTrue(conflict.GetProperty("savedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        StringAssert.StartsWith(conflict.Text("cell"), "Assessment!");
        var error = problem.GetProperty("errors").EnumerateArray().Single();
        StringAssert.Contains(error.Text("message"), "Official Ana");
        Assert.AreEqual(before, await DatabaseDump.ReadAsync(_server.DatabasePath), "nothing was written, not even GP01.3");
    }

    [TestMethod]
    public async Task TheSameChangeMadeByBoth_IsNoConflict()
    {
        var (assessmentId, etag) = await StartedAssessmentAsync();
        var downloaded = await WorkbookFill.DownloadAsync(_officialA, assessmentId);
        var sameChange = WorkbookFill.Type(downloaded, new Typed("GP01.2", WorkbookFill.Level, "4"));
        using var first = await WorkbookFill.UploadAsync(_officialA, assessmentId, sameChange, etag);

        var second = await WorkbookFill.UploadAsync(_officialB, assessmentId, sameChange).ExpectAsync(200);

        Assert.AreEqual(0, second.GetProperty("changes").GetArrayLength());
        Assert.AreEqual(first.ETag(), $"\"{second.GetProperty("assessment").GetProperty("version").GetInt64()}\"");
    }

    [TestMethod]
    public async Task AnUnchangedWorkbook_ChangesNothingAndSaysSo()
    {
        var (assessmentId, etag) = await StartedAssessmentAsync();
        var before = await DatabaseDump.ReadAsync(_server.DatabasePath);

        using var response = await WorkbookFill.UploadAsync(_officialB, assessmentId, await WorkbookFill.DownloadAsync(_officialB, assessmentId), etag);
        var result = await response.JsonAsync();

        Assert.AreEqual(200, (int)response.StatusCode, result.ToString());
        Assert.AreEqual(etag, response.ETag(), "no new version");
        Assert.AreEqual(0, result.GetProperty("changes").GetArrayLength());
        StringAssert.StartsWith(result.Text("summary"), "No changes");
        Assert.AreEqual(before, await DatabaseDump.ReadAsync(_server.DatabasePath), "answeredBy and answeredAt stay as they were");
    }

    [TestMethod]
    public async Task NoteOnlyAndEvidenceOnlyEdits_AreChangesAndListed()
    {
        var (assessmentId, etag) = await StartedAssessmentAsync();
        var edited = WorkbookFill.Type(
            await WorkbookFill.DownloadAsync(_officialA, assessmentId),
            new Typed("GP01.1", WorkbookFill.Note, "Now with the protocol of March"),
            new Typed("GP01.2", WorkbookFill.Evidence, "https://example.org/minutes\nCouncil decision 12/2024"));

        var result = await WorkbookFill.UploadAsync(_officialA, assessmentId, edited, etag).ExpectAsync(200);

        var changes = result.GetProperty("changes").EnumerateArray().ToDictionary(c => c.Text("indicatorId"), c => c.GetProperty("changed").EnumerateArray().Select(p => p.GetString()).ToArray());
        CollectionAssert.AreEqual(new[] { "note" }, changes["GP01.1"]);
        CollectionAssert.AreEqual(new[] { "evidence" }, changes["GP01.2"]);
        Assert.AreEqual(2, changes.Count);
        var answers = Answers(result);
        Assert.AreEqual("Now with the protocol of March", answers["GP01.1"].Text("note"));
        Assert.AreEqual(2, answers["GP01.2"].GetProperty("evidence").GetArrayLength());
    }

    [TestMethod]
    public async Task ARowBlankedInTheWorkbook_KeepsTheSavedAnswerAndSaysSo()
    {
        var (assessmentId, etag) = await StartedAssessmentAsync();
        var blanked = WorkbookFill.Type(
            await WorkbookFill.DownloadAsync(_officialA, assessmentId),
            new Typed("GP01.1", WorkbookFill.Level, ""),
            new Typed("GP01.1", WorkbookFill.Note, ""));

        using var response = await WorkbookFill.UploadAsync(_officialA, assessmentId, blanked, etag);
        var result = await response.JsonAsync();

        Assert.AreEqual(200, (int)response.StatusCode, result.ToString());
        Assert.AreEqual(etag, response.ETag());
        var kept = result.GetProperty("kept").EnumerateArray().Single();
        Assert.AreEqual("GP01.1", kept.Text("indicatorId"));
        StringAssert.StartsWith(kept.Text("saved"), "2 - Developing");
        StringAssert.Contains(kept.Text("reason"), "never deletes");
        StringAssert.Contains(result.Text("summary"), "kept");
        Assert.AreEqual(2, Answers(result)["GP01.1"].GetProperty("level").GetInt32());
    }

    [TestMethod]
    public async Task ABlankWorkbookFilledOffline_AddsNewAnswersButNeverOverwritesSavedOnes()
    {
        var (assessmentId, etag) = await StartedAssessmentAsync();
        var rubric = Nlc.Core.Rubrics.RubricLoader.LoadFile(Path.Combine(RepositoryPaths.Rubrics, "nlc-1.0.0.yaml"));
        var blank = new Nlc.Excel.FillIn.AssessmentWorkbookWriter().WriteBlank(rubric, "en");
        var before = await DatabaseDump.ReadAsync(_server.DatabasePath);

        var overwriting = WorkbookFill.Type(blank, new Typed("GP01.1", WorkbookFill.Level, "3"), new Typed("GP02.1", WorkbookFill.Level, "1"));
        var refused = await WorkbookFill.UploadAsync(_officialB, assessmentId, overwriting, etag).ExpectAsync(409);
        var adding = WorkbookFill.Type(blank, new Typed("GP01.3", WorkbookFill.Level, "2"), new Typed("GP02.1", WorkbookFill.Level, "1"));
        var added = await WorkbookFill.UploadAsync(_officialB, assessmentId, adding, etag).ExpectAsync(200);

        Assert.AreEqual("GP01.1", refused.GetProperty("conflicts").EnumerateArray().Single().Text("indicatorId"), "a blank workbook records no answers, so a different saved one is someone else's");
        CollectionAssert.AreEqual(new[] { "GP02.1" }, added.GetProperty("changes").EnumerateArray().Select(c => c.Text("indicatorId")).ToArray(), "GP01.3 already holds level 2");
        Assert.AreNotEqual(before, await DatabaseDump.ReadAsync(_server.DatabasePath));
    }

    private static async Task<string> KeyAsync(string name)
    {
        var key = await _server.Client.SendAsync(HttpMethod.Post, "/api/v1/keys", new { name, role = "city", cityIds = new[] { _cityId } }).ExpectAsync(201);
        return key.Text("key");
    }

    /// <summary>A draft with GP01.1 at 2 (with a note), GP01.2 at 2 (with a note) and GP01.3 at 2, saved through the API.</summary>
    private static async Task<(string Id, string ETag)> StartedAssessmentAsync()
    {
        var (assessmentId, etag) = await Scenario.CreateAssessmentAsync(_officialA, _cityId, (_period++).ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var saved = await _officialA.SendAsync(HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/answers", new
        {
            answers = new object[]
            {
                new { indicatorId = "GP01.1", level = 2, note = "First protocol" },
                new { indicatorId = "GP01.2", level = 2, note = "set by the API" },
                new { indicatorId = "GP01.3", level = 2 },
            },
        }, etag);
        Assert.AreEqual(200, (int)saved.StatusCode);
        return (assessmentId, saved.ETag());
    }

    private static Dictionary<string, JsonElement> Answers(JsonElement importResult) =>
        importResult.GetProperty("assessment").GetProperty("answers").EnumerateArray().ToDictionary(a => a.Text("indicatorId"));
}
