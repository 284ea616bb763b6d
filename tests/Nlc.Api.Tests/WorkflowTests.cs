namespace Nlc.Api.Tests;

/// <summary>A city's whole round over HTTP: create, answer, submit, validate, score, audit; and concurrent edits.</summary>
[TestClass]
public sealed class WorkflowTests
{
    private static InProcessApi _server = null!;

    [ClassInitialize]
    public static void StartServer(TestContext _) => _server = InProcessApi.Start();

    [ClassCleanup]
    public static async Task StopServer() => await _server.DisposeAsync();

    [TestMethod]
    public async Task ACity_AnswersSubmitsAndTheHubValidates_ThenTheScoreIsReadable()
    {
        var cityId = await Scenario.CreateCityAsync(_server, "Strumica", "MK");
        using var city = _server.ClientFor(await Scenario.CreateKeyAsync(_server, "city", cityId));
        using var hub = _server.ClientFor(await Scenario.CreateKeyAsync(_server, "hub"));
        using var partner = _server.ClientFor(await Scenario.CreateKeyAsync(_server, "partner"));

        var (assessmentId, etag) = await Scenario.CreateAssessmentAsync(city, cityId);
        var answers = Scenario.IndicatorIds.Select(id => (object)(id switch
        {
            "GP11.1" => new { indicatorId = id, notApplicable = true, reason = "National law gives reintegration to the canton" },
            "GP04.1" => new { indicatorId = id, dontKnow = true, note = "Ask the police liaison" },
            _ => new { indicatorId = id, level = 3, note = "Council minutes 2025", evidence = new[] { "https://example.org/minutes" } },
        })).ToArray();
        using var saved = await city.SendAsync(HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/answers", new { answers }, etag);
        Assert.AreEqual(200, (int)saved.StatusCode);
        await partner.SendAsync(HttpMethod.Get, $"/api/v1/assessments/{assessmentId}/score").ExpectAsync(404);

        using var submitted = await city.SendAsync(HttpMethod.Post, $"/api/v1/assessments/{assessmentId}/submit", ifMatch: saved.ETag());
        Assert.AreEqual("submitted", (await submitted.JsonAsync()).Text("status"));
        await city.SendAsync(HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/answers/GP01.1", new { level = 4 }, submitted.ETag()).ExpectAsync(409);
        await city.SendAsync(HttpMethod.Post, $"/api/v1/assessments/{assessmentId}/validate", ifMatch: submitted.ETag()).ExpectAsync(403);
        var validated = await hub.SendAsync(HttpMethod.Post, $"/api/v1/assessments/{assessmentId}/validate", ifMatch: submitted.ETag()).ExpectAsync(200);
        Assert.AreEqual("validated", validated.Text("status"));

        var score = await partner.SendAsync(HttpMethod.Get, $"/api/v1/assessments/{assessmentId}/score").ExpectAsync(200);
        Assert.AreEqual(39, score.GetProperty("completeness").GetProperty("answered").GetInt32());
        Assert.AreEqual(1, score.GetProperty("completeness").GetProperty("notApplicable").GetInt32());
        Assert.AreEqual(1, score.GetProperty("completeness").GetProperty("dontKnow").GetInt32());
        var gp04 = score.GetProperty("practices").EnumerateArray().Single(p => p.Text("practiceId") == "GP04");
        Assert.AreEqual(50.0, gp04.GetProperty("score").GetDouble(), 1e-9, "GP04: one Don't know (0) and two at level 3 of 4 → (0 + 75 + 75) / 3");
        Assert.AreEqual(38, score.GetProperty("gaps").GetArrayLength(), "every applicable indicator is below level 4");

        var audit = await city.SendAsync(HttpMethod.Get, $"/api/v1/assessments/{assessmentId}/audit").ExpectAsync(200);
        CollectionAssert.AreEqual(
            new[] { "assessment.created", "answers.saved", "assessment.submitted", "assessment.validated" },
            audit.GetProperty("items").EnumerateArray().Select(e => e.Text("action")).ToArray());
    }

    [TestMethod]
    public async Task Submit_WithUnansweredIndicators_IsRefusedNamingThem()
    {
        var cityId = await Scenario.CreateCityAsync(_server, "Hadžići", "BA");
        var (assessmentId, etag) = await Scenario.CreateAssessmentAsync(_server.Client, cityId);
        using var saved = await _server.Client.SendAsync(HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/answers/GP01.1", new { level = 2 }, etag);

        var problem = await _server.Client.SendAsync(HttpMethod.Post, $"/api/v1/assessments/{assessmentId}/submit", ifMatch: saved.ETag()).ExpectAsync(409);

        Assert.AreEqual("The assessment is incomplete", problem.Text("title"));
        Assert.AreEqual("38 of 39 indicators are unanswered; answer each with a level, Not applicable or Don't know before submitting.", problem.Text("detail"));
        Assert.AreEqual(38, problem.GetProperty("errors").GetArrayLength());
        var first = problem.GetProperty("errors")[0];
        Assert.AreEqual(("answers.GP01.2", "not answered", "GP01.2"), (first.Text("field"), first.Text("message"), first.Text("indicatorId")));
        var after = await _server.Client.SendAsync(HttpMethod.Get, $"/api/v1/assessments/{assessmentId}").ExpectAsync(200);
        Assert.AreEqual("draft", after.Text("status"));
    }

    [TestMethod]
    public async Task TwoOfficialsEditingAtOnce_TheSecondGets412AndNothingOfItIsWritten()
    {
        var cityId = await Scenario.CreateCityAsync(_server, "Prizren", "XK");
        var (assessmentId, etag) = await Scenario.CreateAssessmentAsync(_server.Client, cityId);

        await _server.Client.SendAsync(HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/answers/GP05.1", new { level = 3 }, etag).ExpectAsync(200);
        var stale = await _server.Client.SendAsync(HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/answers/GP05.1", new { level = 1 }, etag).ExpectAsync(412);

        StringAssert.Contains(stale.Text("detail"), "reload it");
        var assessment = await _server.Client.SendAsync(HttpMethod.Get, $"/api/v1/assessments/{assessmentId}").ExpectAsync(200);
        Assert.AreEqual(3, assessment.GetProperty("answers")[0].GetProperty("level").GetInt32());
    }

    [TestMethod]
    public async Task TheHub_ReopensAValidatedAssessment_AndItIsAudited()
    {
        var (_, assessmentId) = await Scenario.ValidatedAssessmentAsync(_server, "Kumanovo");
        using var hub = _server.ClientFor(await Scenario.CreateKeyAsync(_server, "hub"));
        using var current = await hub.SendAsync(HttpMethod.Get, $"/api/v1/assessments/{assessmentId}");

        var reopened = await hub.SendAsync(HttpMethod.Post, $"/api/v1/assessments/{assessmentId}/reopen", ifMatch: current.ETag()).ExpectAsync(200);

        Assert.AreEqual("draft", reopened.Text("status"));
        var audit = await hub.SendAsync(HttpMethod.Get, $"/api/v1/assessments/{assessmentId}/audit").ExpectAsync(200);
        var last = audit.GetProperty("items").EnumerateArray().Last();
        Assert.AreEqual("assessment.reopened", last.Text("action"));
        StringAssert.Contains(last.Text("before"), "\"status\":\"validated\"");
        StringAssert.Contains(last.Text("after"), "\"status\":\"draft\"");
    }

    [TestMethod]
    public async Task ListCities_IsPaginatedWithANextLinkAndFilters()
    {
        foreach (var name in new[] { "Elbasan", "Durrës", "Shkodër" })
        {
            await Scenario.CreateCityAsync(_server, name, "AL", tags: ["coastal-test"]);
        }

        var first = await _server.Client.SendAsync(HttpMethod.Get, "/api/v1/cities?country=al&limit=2").ExpectAsync(200);
        var second = await _server.Client.SendAsync(HttpMethod.Get, first.Text("next")).ExpectAsync(200);

        Assert.AreEqual(3, first.GetProperty("total").GetInt32());
        CollectionAssert.AreEqual(new[] { "Durrës", "Elbasan" }, first.GetProperty("items").EnumerateArray().Select(c => c.Text("name")).ToArray());
        Assert.AreEqual("Shkodër", second.GetProperty("items")[0].Text("name"));
        Assert.AreEqual(System.Text.Json.JsonValueKind.Null, second.GetProperty("next").ValueKind);
        var tagged = await _server.Client.SendAsync(HttpMethod.Get, "/api/v1/cities?tag=coastal-test").ExpectAsync(200);
        Assert.AreEqual(3, tagged.GetProperty("total").GetInt32());
    }

    [TestMethod]
    public async Task AKey_IsShownOnceStoredAsAHashAndStopsWorkingWhenRevoked()
    {
        var created = await _server.Client.SendAsync(HttpMethod.Post, "/api/v1/keys", new { name = "partner portal", role = "partner" }).ExpectAsync(201);
        var secret = created.Text("key");
        using var partner = _server.ClientFor(secret);
        await partner.SendAsync(HttpMethod.Get, "/api/v1/cities").ExpectAsync(200);

        var listed = await _server.Client.SendAsync(HttpMethod.Get, "/api/v1/keys?limit=200").ExpectAsync(200);
        Assert.IsFalse(listed.ToString().Contains(secret, StringComparison.Ordinal));
        Assert.AreEqual(0, await DatabaseDump.ScalarAsync(_server.DatabasePath, $"SELECT count(*) FROM api_keys WHERE key_hash = '{secret}'"));

        await _server.Client.SendAsync(HttpMethod.Delete, $"/api/v1/keys/{created.Text("id")}").ExpectAsync(200);
        await partner.SendAsync(HttpMethod.Get, "/api/v1/cities").ExpectAsync(401);
    }
}
