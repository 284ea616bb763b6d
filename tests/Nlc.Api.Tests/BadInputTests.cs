namespace Nlc.Api.Tests;

/// <summary>Bad input gets a 4xx Problem Details naming what is wrong and where, and the database stays exactly as it was.</summary>
[TestClass]
public sealed class BadInputTests
{
    private static InProcessApi _server = null!;
    private static string _cityId = null!;
    private static string _draftId = null!;
    private static string _draftETag = null!;
    private static string _submittedId = null!;

    [ClassInitialize]
    public static async Task Arrange(TestContext _)
    {
        _server = InProcessApi.Start();
        _cityId = await Scenario.CreateCityAsync(_server, "Podgorica", "ME");
        (_draftId, var etag) = await Scenario.CreateAssessmentAsync(_server.Client, _cityId, "2025");
        using var saved = await _server.Client.SendAsync(HttpMethod.Put, $"/api/v1/assessments/{_draftId}/answers/GP02.1", new { level = 2 }, etag);
        _draftETag = saved.ETag();

        (_submittedId, etag) = await Scenario.CreateAssessmentAsync(_server.Client, _cityId, "2024");
        etag = await Scenario.AnswerAllAsync(_server.Client, _submittedId, etag, 1);
        await _server.Client.SendAsync(HttpMethod.Post, $"/api/v1/assessments/{_submittedId}/submit", ifMatch: etag).ExpectAsync(200);
    }

    [ClassCleanup]
    public static async Task Cleanup() => await _server.DisposeAsync();

    public static IEnumerable<object[]> BadAnswerBatches =>
    [
        ["{\"answers\": [{\"indicatorId\": \"GP01.1\", \"level\": 3}", 400, "$.answers", "not valid JSON"],
        ["{\"answers\": [{\"indicatorId\": \"GP01.1\", \"level\": \"three\"}]}", 400, "$.answers[0].level", "expected a whole number written as a JSON integer"],
        ["{\"answers\": [{\"indicatorId\": \"GP01.1\", \"level\": \"3\"}]}", 400, "$.answers[0].level", "expected a whole number written as a JSON integer"],
        ["{\"answers\": [{\"indicatorId\": \"GP01.1\", \"level\": 3.0}]}", 400, "$.answers[0].level", "expected a whole number written as a JSON integer"],
        ["{\"answers\": [{\"indicatorId\": \"GP01.1\", \"level\": 3.5}]}", 400, "$.answers[0].level", "expected a whole number written as a JSON integer"],
        ["{\"answers\": [{\"indicatorId\": \"GP01.1\", \"level\": 1, \"level\": 4}]}", 400, "$.answers[0].level", "appears more than once"],
        ["{\"answers\": [{\"indicatorId\": \"GP01.1\", \"level\": 1}], \"answers\": []}", 400, "$.answers", "appears more than once"],
        ["{\"answers\": [{\"indicatorId\": \"GP01.1\", \"Level\": 3}]}", 400, "$.answers[0].Level", "'Level' is not a field of this request"],
        ["{\"answers\": [null]}", 400, "$.answers[0]", "null is not allowed inside a list"],
        ["{\"answers\": [{\"indicatorId\": \"GP01.1\", \"level\": 2, \"evidence\": [\"a\", null]}]}", 400, "$.answers[0].evidence[1]", "null is not allowed inside a list"],
        ["{\"answers\": [{\"indicatorId\": \"GP01.1\", \"lvl\": 3}]}", 400, "$.answers[0].lvl", "'lvl' is not a field of this request"],
        ["{\"answers\": [{\"indicatorId\": \"GP01.1\", \"level\": 3}, {\"indicatorId\": \"GP99.9\", \"level\": 2}]}", 422, "answers[1]", "unknown indicator 'GP99.9'"],
        ["{\"answers\": [{\"indicatorId\": \"GP01.1\", \"level\": 3}, {\"indicatorId\": \"GP01.2\", \"level\": 5}]}", 422, "answers[1]", "level 5 is out of range; expected 0 to 4"],
        ["{\"answers\": [{\"indicatorId\": \"GP01.1\", \"notApplicable\": true}]}", 422, "answers[0]", "a Not applicable answer needs a reason"],
        ["{\"answers\": [{\"indicatorId\": \"GP01.1\", \"level\": 2, \"dontKnow\": true}]}", 422, "answers[0]", "give exactly one of"],
        ["{\"answers\": [{\"indicatorId\": \"GP01.1\", \"level\": 2}, {\"indicatorId\": \"GP01.1\", \"level\": 3}]}", 422, "answers[1]", "answered more than once"],
        ["{\"answers\": []}", 422, "answers", "send at least one answer"],
        ["[]", 400, "$", "not valid JSON"],
        ["null", 400, "", "The body is empty or null"],
    ];

    [TestMethod]
    [DynamicData(nameof(BadAnswerBatches))]
    public async Task ABadBatch_IsRefusedNamingTheFieldAndWritesNothing(string body, int status, string field, string message)
    {
        var before = await DatabaseDump.ReadAsync(_server.DatabasePath);

        var problem = await _server.Client.SendAsync(HttpMethod.Put, $"/api/v1/assessments/{_draftId}/answers", body, _draftETag).ExpectAsync(status);

        StringAssert.Contains(problem.ToString(), message);
        if (field.Length > 0)
        {
            StringAssert.Contains(problem.GetProperty("errors").ToString(), $"\"field\":\"{field}");
        }

        Assert.AreEqual(before, await DatabaseDump.ReadAsync(_server.DatabasePath));
    }

    public static IEnumerable<object?[]> OtherBadRequests =>
    [
        ["PUT", "/api/v1/assessments/{submitted}/answers/GP01.1", "{\"level\":4}", "current", 409, "is submitted; it can be changed only when draft"],
        ["PUT", "/api/v1/assessments/{draft}/answers/GP01.1", "{\"level\":4}", null, 428, "needs an If-Match header"],
        ["PUT", "/api/v1/assessments/{draft}/answers/GP01.1", "{\"level\":4}", "*", 428, "If-Match must be one ETag"],
        ["PUT", "/api/v1/assessments/{draft}/answers/GP01.1", "{\"level\":4}", "\"1\"", 412, "is at version"],
        ["PUT", "/api/v1/assessments/{draft}/answers/GP01.1", "{\"indicatorId\":\"GP01.2\",\"level\":4}", "current", 422, "the body names 'GP01.2' but the path names 'GP01.1'"],
        ["POST", "/api/v1/cities", "{\"name\":\"Nowhere\",\"country\":\"QQ\"}", null, 422, "'QQ' is not an ISO 3166-1 alpha-2 country code"],
        ["POST", "/api/v1/cities", "{\"name\":\"Nowhere\",\"country\":\"ME\",\"population\":-5}", null, 422, "the population cannot be negative"],
        ["POST", "/api/v1/cities/{city}/assessments", "{\"rubricId\":\"nlc\",\"period\":\"2025\"}", null, 409, "already has an assessment of rubric 'nlc' for period '2025'"],
        ["POST", "/api/v1/cities/{city}/assessments", "{\"rubricId\":\"nlc\",\"rubricVersion\":\"7.0.0\",\"period\":\"2030\"}", null, 422, "rubric 'nlc' has no version 7.0.0"],
        ["POST", "/api/v1/cities/{city}/assessments", "{\"rubricId\":\"other\",\"period\":\"2030\"}", null, 422, "there is no rubric 'other'"],
        ["GET", "/api/v1/cities?limit=0", null, null, 400, "limit must be from 1 to 200"],
        ["GET", "/api/v1/cities?limit=abc", null, null, 400, "Failed to bind parameter"],
        ["GET", "/api/v1/cities/{city}/assessments?status=finished", null, null, 400, "status must be exactly one of: draft, submitted, validated"],
        ["GET", "/api/v1/cities/{city}/assessments?status=Draft", null, null, 400, "status must be exactly one of: draft, submitted, validated"],
        ["GET", "/api/v1/cities/{city}/assessments?status=draft,validated", null, null, 400, "status must be exactly one of: draft, submitted, validated"],
        ["GET", "/api/v1/cities/{city}/assessments?period=2025-H3", null, null, 400, "period must be a period such as 2025, 2025-H1, 2025-Q3 or 2025-06; found '2025-H3'"],
        ["GET", "/api/v1/benchmarks?rubricId=nlc&period=2025-13", null, null, 400, "period is required, such as 2025 or 2025-H1; found '2025-13'"],
        ["GET", "/api/v1/benchmarks?rubricId=nlc&period=2025&populationBand=UNDER-10K", null, null, 400, "populationBand must be one of"],
        ["POST", "/api/v1/keys", "{\"name\":\"k\",\"role\":\"Admin \"}", null, 400, "'Admin ' is not allowed; expected exactly one of: admin, hub, city, partner"],
        ["POST", "/api/v1/keys", "{\"name\":\"k\",\"role\":\"ADMIN\"}", null, 400, "'ADMIN' is not allowed"],
        ["POST", "/api/v1/keys", "{\"name\":\"k\",\"role\":\"partner,admin\"}", null, 400, "'partner,admin' is not allowed"],
        ["POST", "/api/v1/keys", "{\"name\":\"k\",\"role\":0}", null, 400, "$.role"],
        ["POST", "/api/v1/keys", "{\"name\":\"k\",\"role\":\"partner\",\"cityIds\":[null]}", null, 400, "$.cityIds[0]"],
        ["POST", "/api/v1/cities", "{\"name\":\"A\",\"name\":\"B\",\"country\":\"ME\"}", null, 400, "appears more than once"],
        ["POST", "/api/v1/cities", "{\"name\":\"A\",\"country\":\"ME\",\"population\":\"5000\"}", null, 400, "$.population"],
        ["PUT", "/api/v1/cities/{city}/targets", "{\"rubricId\":\"nlc\",\"targetPeriod\":\"2030\",\"indicators\":{\"GP01.1\":3,\"GP01.1\":4}}", null, 400, "appears more than once"],
        ["PUT", "/api/v1/cities/{city}/targets", "{\"rubricId\":\"nlc\",\"targetPeriod\":\"2030\",\"indicators\":{\"GP01.1\":3.0}}", null, 400, "expected a whole number"],
        ["GET", "/api/v1/assessments/asm_nope", null, null, 404, "There is no assessment 'asm_nope'"],
    ];

    [TestMethod]
    [DynamicData(nameof(OtherBadRequests))]
    public async Task ABadRequest_IsAProblemAndChangesNothing(string method, string path, string? body, string? ifMatch, int status, string message)
    {
        var url = path.Replace("{draft}", _draftId).Replace("{submitted}", _submittedId).Replace("{city}", _cityId);
        if (ifMatch == "current")
        {
            using var current = await _server.Client.SendAsync(HttpMethod.Get, $"/api/v1/assessments/{(path.Contains("{submitted}") ? _submittedId : _draftId)}");
            ifMatch = current.ETag();
        }

        var before = await DatabaseDump.ReadAsync(_server.DatabasePath);

        using var response = await _server.Client.SendAsync(new HttpMethod(method), url, body, ifMatch);
        var problem = await response.JsonAsync();

        Assert.AreEqual(status, (int)response.StatusCode, problem.ToString());
        Assert.AreEqual("application/problem+json", response.ContentType()?.MediaType);
        StringAssert.Contains(problem.ToString(), message);
        Assert.AreEqual(before, await DatabaseDump.ReadAsync(_server.DatabasePath));
    }

    [TestMethod]
    public async Task ABodyAboveTheLimit_Is413AndChangesNothing()
    {
        // Kestrel enforces the body size limit and TestServer does not, so this one needs the real process.
        await using var server = await ApiServer.StartAsync(settings: new Dictionary<string, string> { ["Nlc__MaxRequestBodyBytes"] = "65536" });
        var cityId = await Scenario.CreateCityAsync(server, "Budva");
        var (draftId, etag) = await Scenario.CreateAssessmentAsync(server.Client, cityId);
        var before = await DatabaseDump.ReadAsync(server.DatabasePath);

        var body = "{\"level\":1,\"note\":\"" + new string('x', 70_000) + "\"}";
        using var response = await server.Client.SendAsync(HttpMethod.Put, $"/api/v1/assessments/{draftId}/answers/GP01.1", body, etag);
        var problem = await response.JsonAsync();

        Assert.AreEqual(413, (int)response.StatusCode, problem.ToString());
        Assert.AreEqual("application/problem+json", response.ContentType()?.MediaType);
        StringAssert.Contains(problem.ToString(), "too large");
        Assert.AreEqual(before, await DatabaseDump.ReadAsync(server.DatabasePath));
    }

    [TestMethod]
    public async Task AWrongContentType_Is415()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cities") { Content = new StringContent("name=x") };

        using var response = await _server.Client.SendAsync(request);

        Assert.AreEqual(415, (int)response.StatusCode);
    }
}
