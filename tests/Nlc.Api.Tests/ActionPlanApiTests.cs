using Nlc.Storage;

namespace Nlc.Api.Tests;

/// <summary>A city's action plan over HTTP: plan-wide versions, input rules by field, progress figures, publication to partners, the audit trail.</summary>
[TestClass]
public sealed class ActionPlanApiTests
{
    private static InProcessApi _server = null!;

    [ClassInitialize]
    public static void Arrange(TestContext _) => _server = InProcessApi.Start();

    [ClassCleanup]
    public static async Task Cleanup() => await _server.DisposeAsync();

    private static object Action(string title, string? due = null) => new
    {
        title,
        description = "From the workshop",
        targets = new[] { new { practiceId = "GP01", indicatorId = "GP01.1", targetLevel = 3 } },
        responsible = "Local Safety Council secretariat",
        partners = new[] { "Ministry of Interior" },
        start = "2026-01-01",
        due,
    };

    [TestMethod]
    public async Task ThePlan_CountsDroppedActionsApart_ListsOverdueOnes_AndEveryWriteNeedsTheCurrentVersion()
    {
        var cityId = await Scenario.CreateCityAsync(_server, "Planville");
        var url = $"/api/v1/cities/{cityId}/action-plan";
        var etag = "\"0\"";
        foreach (var (title, due) in new[] { ("Workshop", "2026-02-01"), ("Draft the plan", "2026-06-30"), ("Exchange visit", "2026-03-01") })
        {
            using var added = await _server.Client.SendAsync(HttpMethod.Post, $"{url}/actions", Action(title, due), etag);
            Assert.AreEqual(201, (int)added.StatusCode, await added.Content.ReadAsStringAsync());
            etag = added.ETag();
        }

        var plan = await _server.Client.SendAsync(HttpMethod.Get, url).ExpectAsync(200);
        var ids = plan.GetProperty("actions").EnumerateArray().Select(a => a.Text("id")).ToArray();
        using var done = await _server.Client.SendAsync(HttpMethod.Post, $"{url}/actions/{ids[0]}/status", new { status = "done" }, etag);
        using var dropped = await _server.Client.SendAsync(HttpMethod.Post, $"{url}/actions/{ids[2]}/status", new { status = "dropped", dropReason = "No budget this year" }, done.ETag());
        var before = await DatabaseDump.ReadAsync(_server.DatabasePath);
        using var stale = await _server.Client.SendAsync(HttpMethod.Post, $"{url}/actions/{ids[1]}/notes", new { date = "2026-03-02", text = "Lost update" }, done.ETag());
        var noReason = await _server.Client.SendAsync(HttpMethod.Post, $"{url}/actions/{ids[1]}/status", new { status = "dropped" }, dropped.ETag()).ExpectAsync(422);
        Assert.AreEqual(before, await DatabaseDump.ReadAsync(_server.DatabasePath), "a stale or invalid write changed the plan");

        var figures = await _server.Client.SendAsync(HttpMethod.Get, $"{url}?asOf=2026-07-01").ExpectAsync(200);

        Assert.AreEqual(412, (int)stale.StatusCode);
        Assert.AreEqual("dropReason", noReason.GetProperty("errors")[0].Text("field"));
        // 3 actions: 1 done, 1 dropped, 1 planned: share done = 1 / (3 − 1). As of 1 July the planned one (due 30 June) is overdue.
        Assert.AreEqual(0.5, figures.GetProperty("progress").GetProperty("shareDone").GetDouble(), 1e-12);
        CollectionAssert.AreEqual(new[] { ids[1] }, figures.GetProperty("overdueActionIds").EnumerateArray().Select(e => e.GetString()).ToArray());
        Assert.AreEqual("No budget this year", figures.GetProperty("actions")[2].Text("dropReason"));
        var audit = await new AuditLog(DatabaseDump.Open(_server.DatabasePath)).ListAsync("actionPlan", cityId, 100, 0);
        CollectionAssert.AreEqual(
            new[] { "actionPlan.actionAdded", "actionPlan.actionAdded", "actionPlan.actionAdded", "actionPlan.statusChanged", "actionPlan.statusChanged" },
            audit.Items.Select(e => e.Action).ToArray());
    }

    [TestMethod]
    public async Task AnActionWithProblems_IsRefusedWithEveryFieldNamed()
    {
        var cityId = await Scenario.CreateCityAsync(_server, "Fieldville");

        var problem = await _server.Client.SendAsync(HttpMethod.Post, $"/api/v1/cities/{cityId}/action-plan/actions",
            new { title = "", targets = new[] { new { practiceId = "GP99", targetLevel = 9 } }, start = "2026-05-01", due = "2026-04-01" }, "\"0\"").ExpectAsync(422);

        CollectionAssert.AreEqual(
            new[] { "title", "responsible", "targets[0].practiceId", "targets[0].targetLevel", "due" },
            problem.GetProperty("errors").EnumerateArray().Select(e => e.Text("field")).ToArray());
    }

    [TestMethod]
    public async Task APartner_ReadsAPlanOnlyOnceTheCityPublishesIt()
    {
        var cityId = await Scenario.CreateCityAsync(_server, "Publishville");
        var partner = _server.ClientFor(await Scenario.CreateKeyAsync(_server, "partner"));
        var url = $"/api/v1/cities/{cityId}/action-plan";
        using var added = await _server.Client.SendAsync(HttpMethod.Post, $"{url}/actions", Action("Workshop"), "\"0\"");

        await partner.SendAsync(HttpMethod.Get, url).ExpectAsync(404);
        using var published = await _server.Client.SendAsync(HttpMethod.Put, $"{url}/publication", new { published = true }, added.ETag());
        var seen = await partner.SendAsync(HttpMethod.Get, url).ExpectAsync(200);
        using var withdrawn = await _server.Client.SendAsync(HttpMethod.Put, $"{url}/publication", new { published = false }, published.ETag());

        Assert.AreEqual("Workshop", seen.GetProperty("actions")[0].Text("title"));
        await partner.SendAsync(HttpMethod.Get, url).ExpectAsync(404);
    }

    [TestMethod]
    public async Task AnActionStartedFromANextStep_TargetsTheStepsIndicatorAtItsNextLevel_AndOnlyAStepOfTheCitysOwnAssessment()
    {
        var cityId = await Scenario.CreateCityAsync(_server, "Stepville");
        var otherId = await Scenario.CreateCityAsync(_server, "Otherville");
        var assessmentId = await Scenario.ValidatedAssessmentOfAsync(_server, cityId, 2, "2025");
        var otherAssessmentId = await Scenario.ValidatedAssessmentOfAsync(_server, otherId, 2, "2025");
        var url = $"/api/v1/cities/{cityId}/action-plan/actions/from-next-step";
        var before = await DatabaseDump.ReadAsync(_server.DatabasePath);

        var foreign = await _server.Client.SendAsync(HttpMethod.Post, url, new { assessmentId = otherAssessmentId, indicatorId = "GP01.1" }, "\"0\"").ExpectAsync(422);
        var missing = await _server.Client.SendAsync(HttpMethod.Post, url, new { assessmentId }, "\"0\"").ExpectAsync(422);
        var noStep = await _server.Client.SendAsync(HttpMethod.Post, url, new { assessmentId, indicatorId = "GP99.9" }, "\"0\"").ExpectAsync(422);
        Assert.AreEqual(before, await DatabaseDump.ReadAsync(_server.DatabasePath), "refused starts wrote nothing");
        using var started = await _server.Client.SendAsync(HttpMethod.Post, $"{url}?lang=mk", new { assessmentId, indicatorId = "GP01.1" }, "\"0\"");
        Assert.AreEqual(201, (int)started.StatusCode, await started.Content.ReadAsStringAsync());
        var action = (await started.JsonAsync()).GetProperty("actions")[0];

        Assert.AreEqual("assessmentId", foreign.GetProperty("errors")[0].Text("field"));
        Assert.AreEqual("indicatorId", missing.GetProperty("errors")[0].Text("field"));
        Assert.AreEqual("indicatorId", noStep.GetProperty("errors")[0].Text("field"));
        var target = action.GetProperty("targets")[0];
        Assert.AreEqual("GP01", target.Text("practiceId"));
        Assert.AreEqual("GP01.1", target.Text("indicatorId"));
        Assert.AreEqual(3, target.GetProperty("targetLevel").GetInt32(), "the level after 2");
        Assert.AreEqual("planned", action.Text("status"));
        Assert.IsTrue(action.Text("title")!.Any(c => c is >= '\u0400' and <= '\u04FF'), "titled with the step in Macedonian: " + action.Text("title"));
    }

    [TestMethod]
    public async Task TheWorkbook_IsTheCitysPlanInTheAskedLanguage_AndAPartnerGetsItOnlyOncePublished()
    {
        var cityId = await Scenario.CreateCityAsync(_server, "Bookville");
        using var added = await _server.Client.SendAsync(HttpMethod.Post, $"/api/v1/cities/{cityId}/action-plan/actions", Action("Joint training", "2026-05-31"), "\"0\"");
        var partner = _server.ClientFor(await Scenario.CreateKeyAsync(_server, "partner"));

        using var workbook = await _server.Client.SendAsync(HttpMethod.Get, $"/api/v1/cities/{cityId}/action-plan/workbook?lang=sq");
        using var hidden = await partner.SendAsync(HttpMethod.Get, $"/api/v1/cities/{cityId}/action-plan/workbook");
        using var published = await _server.Client.SendAsync(HttpMethod.Put, $"/api/v1/cities/{cityId}/action-plan/publication", new { published = true }, added.ETag());
        using var shown = await partner.SendAsync(HttpMethod.Get, $"/api/v1/cities/{cityId}/action-plan/workbook");

        Assert.AreEqual(200, (int)workbook.StatusCode);
        Assert.AreEqual("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.Content.Headers.ContentType?.MediaType);
        Assert.AreEqual("sq", string.Join(",", workbook.Content.Headers.ContentLanguage));
        var bytes = await workbook.Content.ReadAsByteArrayAsync();
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(x => x.Name!.Value).ToArray();
            CollectionAssert.Contains(sheets, "Plani i veprimit", "the sheet is named in Albanian: " + string.Join(", ", sheets));
        }

        Assert.AreEqual(404, (int)hidden.StatusCode, "not published yet");
        Assert.AreEqual(200, (int)published.StatusCode);
        Assert.AreEqual(200, (int)shown.StatusCode, "published");
    }
}
