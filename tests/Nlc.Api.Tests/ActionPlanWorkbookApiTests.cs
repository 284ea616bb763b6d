using System.Net.Http.Headers;
using System.Text.Json;
using Nlc.Excel;
using Nlc.Storage;

namespace Nlc.Api.Tests;

/// <summary>
/// The action-plan workbook round trip over HTTP: download, edit, upload. Only rows changed in the workbook are applied,
/// and a colleague's change to another action stays; a conflicting or invalid workbook, a stale version, another city's
/// workbook or another kind of workbook is a problem naming its cells, and the database stays exactly as it was.
/// </summary>
[TestClass]
public sealed class ActionPlanWorkbookApiTests
{
    private static InProcessApi _server = null!;

    [ClassInitialize]
    public static void Arrange(TestContext _) => _server = InProcessApi.Start();

    [ClassCleanup]
    public static async Task Cleanup() => await _server.DisposeAsync();

    [TestMethod]
    public async Task AnEditedWorkbook_AppliesOnlyItsEdits_KeepsAColleaguesChange_AndAnUnchangedOneWritesNothing()
    {
        var (cityId, ids, _) = await PlanOfTwoAsync("Workbookville");
        var url = $"/api/v1/cities/{cityId}/action-plan";
        var exported = await DownloadAsync(cityId);

        var before = await DatabaseDump.ReadAsync(_server.DatabasePath);
        var unchanged = await UploadAsync(cityId, exported).ExpectAsync(200);
        Assert.AreEqual((0, 0, 2), (unchanged.GetProperty("added").GetInt32(), unchanged.GetProperty("changed").GetInt32(), unchanged.GetProperty("rowsInWorkbook").GetInt32()));
        StringAssert.StartsWith(unchanged.Text("summary"), "No changes");
        Assert.AreEqual(before, await DatabaseDump.ReadAsync(_server.DatabasePath), "an unchanged workbook wrote something");

        using var current = await _server.Client.SendAsync(HttpMethod.Get, url);
        using var colleague = await _server.Client.SendAsync(HttpMethod.Put, $"{url}/actions/{ids[1]}", Action("Exchange visit to Bitola"), current.ETag());
        Assert.AreEqual(200, (int)colleague.StatusCode, await colleague.Content.ReadAsStringAsync());
        var edited = WorkbookFill.TypeCells(exported, ("I6", "Done"), ("B8", "Train school staff"), ("D8", "GP03: 2"), ("E8", "Education department"), ("H8", "31.12.2026"));

        using var response = await UploadAsync(cityId, edited, asForm: true);
        var reply = await response.JsonAsync();

        Assert.AreEqual(200, (int)response.StatusCode, reply.ToString());
        Assert.AreEqual((1, 1), (reply.GetProperty("added").GetInt32(), reply.GetProperty("changed").GetInt32()));
        Assert.AreEqual("1 action added, 1 action changed.", reply.Text("summary"));
        var plan = await _server.Client.SendAsync(HttpMethod.Get, url).ExpectAsync(200);
        var actions = plan.GetProperty("actions").EnumerateArray().ToArray();
        Assert.AreEqual(3, actions.Length);
        Assert.AreEqual(("done", "Visit booked"), (actions[0].Text("status"), actions[0].GetProperty("notes")[0].Text("text")), "the edit applied, the note kept");
        Assert.AreEqual("Exchange visit to Bitola", actions[1].Text("title"), "the colleague's change stays");
        Assert.AreEqual(("Train school staff", "GP03", "2026-12-31"), (actions[2].Text("title"), actions[2].GetProperty("targets")[0].Text("practiceId"), actions[2].Text("due")));
        Assert.AreEqual(response.ETag(), (await _server.Client.SendAsync(HttpMethod.Get, url)).ETag());
        var audit = await new AuditLog(DatabaseDump.Open(_server.DatabasePath)).ListAsync("actionPlan", cityId, 100, 0);
        Assert.AreEqual("actionPlan.imported", audit.Items[^1].Action, "the import is the last write");
    }

    [TestMethod]
    public async Task AConflictingInvalidStaleOrForeignWorkbook_WritesNothing_AndNamesWhatIsWrongByCell()
    {
        var (cityId, ids, etag) = await PlanOfTwoAsync("Conflictville");
        var (otherCity, _, _) = await PlanOfTwoAsync("Elsewhere");
        var (assessmentId, _) = await Scenario.CreateAssessmentAsync(_server.Client, cityId);
        var exported = await DownloadAsync(cityId);
        var foreign = await DownloadAsync(otherCity);
        var assessmentWorkbook = await WorkbookFill.DownloadAsync(_server.Client, assessmentId);
        using var colleague = await _server.Client.SendAsync(HttpMethod.Put, $"/api/v1/cities/{cityId}/action-plan/actions/{ids[0]}", Action("Workshop with the police"), etag);
        Assert.AreEqual(200, (int)colleague.StatusCode);
        var before = await DatabaseDump.ReadAsync(_server.DatabasePath);

        var conflict = await UploadAsync(cityId, WorkbookFill.TypeCells(exported, ("I6", "Done"))).ExpectAsync(409);
        var invalid = await UploadAsync(cityId, WorkbookFill.TypeCells(exported, ("B7", ""), ("B8", "New"), ("D8", "GP99: 2"), ("E8", "Mayor's office"))).ExpectAsync(422);
        var unreadable = await UploadAsync(cityId, WorkbookFill.TypeCells(exported, ("G7", "next spring"))).ExpectAsync(422);
        var stale = await UploadAsync(cityId, exported, ifMatch: etag).ExpectAsync(412);
        var otherCitys = await UploadAsync(cityId, foreign).ExpectAsync(422);
        var notAPlan = await UploadAsync(cityId, assessmentWorkbook).ExpectAsync(422);

        Assert.AreEqual(before, await DatabaseDump.ReadAsync(_server.DatabasePath), "a refused workbook wrote something");
        Assert.AreEqual("Action plan!A6 conflict", Error(conflict, 0));
        StringAssert.Contains(conflict.GetProperty("errors")[0].Text("message"), "was also changed in the plan after this workbook was exported (now \"Workshop with the police\"");
        CollectionAssert.AreEqual(new[] { "Action plan!B7 required", "Action plan!D8 unknown" }, new[] { Error(invalid, 0), Error(invalid, 1) });
        Assert.AreEqual("Action plan!G7 workbook", Error(unreadable, 0));
        StringAssert.Contains(unreadable.Text("detail"), "\"next spring\" is not a date; write it as 2026-03-31");
        StringAssert.Contains(stale.Text("detail"), "Upload again without If-Match");
        StringAssert.Contains(otherCitys.Text("detail"), $"This workbook is the action plan of Elsewhere ({otherCity}), not of Conflictville ({cityId})");
        StringAssert.Contains(notAPlan.Text("detail"), "not an action-plan workbook");
    }

    private static object Action(string title) => new
    {
        title,
        targets = new[] { new { practiceId = "GP01", indicatorId = "GP01.1", targetLevel = 3 } },
        responsible = "Local Safety Council secretariat",
        partners = new[] { "Ministry of Interior" },
        start = "2026-01-01",
        due = "2026-06-30",
    };

    /// <summary>A new city with two actions, a progress note on the first; their ids and the plan's ETag.</summary>
    private static async Task<(string CityId, string[] Ids, string ETag)> PlanOfTwoAsync(string name)
    {
        var cityId = await Scenario.CreateCityAsync(_server, name);
        var url = $"/api/v1/cities/{cityId}/action-plan";
        var etag = "\"0\"";
        foreach (var title in new[] { "Workshop", "Exchange visit" })
        {
            using var added = await _server.Client.SendAsync(HttpMethod.Post, $"{url}/actions", Action(title), etag);
            Assert.AreEqual(201, (int)added.StatusCode, await added.Content.ReadAsStringAsync());
            etag = added.ETag();
        }

        using var plan = await _server.Client.SendAsync(HttpMethod.Get, url);
        var ids = (await plan.JsonAsync()).GetProperty("actions").EnumerateArray().Select(a => a.Text("id")).ToArray();
        using var noted = await _server.Client.SendAsync(HttpMethod.Post, $"{url}/actions/{ids[0]}/notes", new { date = "2026-01-20", text = "Visit booked" }, etag);
        Assert.AreEqual(200, (int)noted.StatusCode, await noted.Content.ReadAsStringAsync());
        return (cityId, ids, noted.ETag());
    }

    private static async Task<byte[]> DownloadAsync(string cityId)
    {
        using var response = await _server.Client.GetAsync($"/api/v1/cities/{cityId}/action-plan/workbook?lang=en");
        Assert.AreEqual(200, (int)response.StatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static Task<HttpResponseMessage> UploadAsync(string cityId, byte[] workbook, string? ifMatch = null, bool asForm = false)
    {
        var file = new ByteArrayContent(workbook);
        file.Headers.ContentType = new MediaTypeHeaderValue(XlsxFile.ContentType);
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/cities/{cityId}/action-plan/workbook")
        {
            Content = asForm ? new MultipartFormDataContent { { file, "file", "plan.xlsx" } } : file,
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return _server.Client.SendAsync(request);
    }

    private static string Error(JsonElement problem, int index) =>
        $"{problem.GetProperty("errors")[index].Text("field")} {problem.GetProperty("errors")[index].Text("code")}";
}
