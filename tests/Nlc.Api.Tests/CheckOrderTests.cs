using System.Net.Http.Headers;
using System.Text;

namespace Nlc.Api.Tests;

/// <summary>
/// The one order of checks (docs/ARCHITECTURE.md, "The order of checks"): 429 rate limit, 401 key, 403 role, 404 resource
/// visible, 428 If-Match, 400/413/415 body, 422 values, 412 version, 409 state. Each test sends a request that breaks two
/// checks at once and asserts which one answers, feature by feature.
/// </summary>
[TestClass]
public sealed class CheckOrderTests
{
    private const string MalformedJson = "{\"name\": ";
    private const string Unknown = "nothing_here";
    private static InProcessApi _server = null!;
    private static string _cityA = null!;
    private static string _draftA = null!;
    private static string _validatedA = null!;
    private static HttpClient _hub = null!;
    private static HttpClient _cityKeyA = null!;
    private static HttpClient _cityKeyB = null!;
    private static HttpClient _partner = null!;

    [ClassInitialize]
    public static async Task Arrange(TestContext context)
    {
        _server = InProcessApi.Start();
        (_cityA, _validatedA) = await Scenario.ValidatedAssessmentAsync(_server, "Orderville-A");
        var cityB = await Scenario.CreateCityAsync(_server, "Orderville-B");
        (_draftA, _) = await Scenario.CreateAssessmentAsync(_server.Client, _cityA, "2026");
        _hub = _server.ClientFor(await Scenario.CreateKeyAsync(_server, "hub"));
        _cityKeyA = _server.ClientFor(await Scenario.CreateKeyAsync(_server, "city", _cityA));
        _cityKeyB = _server.ClientFor(await Scenario.CreateKeyAsync(_server, "city", cityB));
        _partner = _server.ClientFor(await Scenario.CreateKeyAsync(_server, "partner"));
    }

    [ClassCleanup]
    public static async Task Cleanup() => await _server.DisposeAsync();

    [TestMethod]
    public async Task RateLimit_AnswersBeforeTheMissingKey()
    {
        await using var limited = InProcessApi.Start(new Dictionary<string, string> { ["Nlc__RequestsPerMinute"] = "1" });
        using var anonymous = limited.ClientFor(null);

        await anonymous.SendAsync(HttpMethod.Get, "/api/v1/cities").ExpectAsync(401);
        var problem = await anonymous.SendAsync(HttpMethod.Get, "/api/v1/cities").ExpectAsync(429);

        StringAssert.Contains(problem.Text("title"), "Too many requests");
    }

    [TestMethod]
    public async Task Admin_MissingKey_AnswersBeforeTheRole()
    {
        using var anonymous = _server.ClientFor(null);

        await anonymous.SendAsync(HttpMethod.Post, "/api/v1/admin/backups").ExpectAsync(401);
    }

    [TestMethod]
    public async Task Keys_Role_AnswersBeforeAMalformedBody()
    {
        var problem = await _hub.SendAsync(HttpMethod.Post, "/api/v1/keys", MalformedJson).ExpectAsync(403);

        Assert.AreEqual("This API key's role may not do this.", problem.Text("detail"));
    }

    [TestMethod]
    public async Task Cities_Role_AnswersBeforeAMalformedBody()
    {
        var problem = await _cityKeyA.SendAsync(HttpMethod.Post, "/api/v1/cities", MalformedJson).ExpectAsync(403);

        Assert.AreEqual("Only admin and hub keys may add cities.", problem.Text("detail"));
    }

    [TestMethod]
    public async Task Cities_AnUnknownCity_AnswersBeforeAMissingIfMatchAndAMalformedBody()
    {
        var problem = await _hub.SendAsync(HttpMethod.Patch, $"/api/v1/cities/{Unknown}", MalformedJson).ExpectAsync(404);

        Assert.AreEqual($"There is no city '{Unknown}'.", problem.Text("detail"));
    }

    [TestMethod]
    public async Task Assessments_Role_AnswersBeforeAQueryThatCannotBeBound()
    {
        var problem = await _partner.SendAsync(HttpMethod.Get, $"/api/v1/assessments/{_validatedA}/audit?limit=many").ExpectAsync(403);

        Assert.AreEqual("Partner keys do not see audit trails.", problem.Text("detail"));
    }

    [TestMethod]
    public async Task Assessments_Role_AnswersBeforeAnAssessmentTheCallerMayNotSee()
    {
        var problem = await _partner.SendAsync(HttpMethod.Put, $"/api/v1/assessments/{_draftA}/answers", MalformedJson).ExpectAsync(403);

        Assert.AreEqual("Only city keys (for their own cities) and admin keys may answer assessments.", problem.Text("detail"));
    }

    [TestMethod]
    public async Task Assessments_AnotherCitysAssessment_AnswersBeforeAMissingIfMatchAndAMalformedBody()
    {
        var problem = await _cityKeyB.SendAsync(HttpMethod.Put, $"/api/v1/assessments/{_draftA}/answers", MalformedJson).ExpectAsync(404);

        Assert.AreEqual($"There is no assessment '{_draftA}'.", problem.Text("detail"));
    }

    [TestMethod]
    public async Task Assessments_MissingIfMatch_AnswersBeforeAMalformedBody()
    {
        var problem = await _cityKeyA.SendAsync(HttpMethod.Put, $"/api/v1/assessments/{_draftA}/answers/GP01.1", MalformedJson).ExpectAsync(428);

        Assert.AreEqual("If-Match", problem.GetProperty("errors")[0].Text("field"));
    }

    [TestMethod]
    public async Task Assessments_InvalidValues_AnswerBeforeAStaleVersion()
    {
        var problem = await _cityKeyA.SendAsync(HttpMethod.Put, $"/api/v1/assessments/{_draftA}/answers/GP01.1", "{\"level\": 99}", "\"999\"").ExpectAsync(422);

        Assert.AreEqual("GP01.1", problem.GetProperty("errors")[0].Text("indicatorId"));
    }

    [TestMethod]
    public async Task Assessments_AStaleVersion_AnswersBeforeTheState()
    {
        // A validated assessment cannot be submitted (409), but the version sent is not its version (412).
        await _server.Client.SendAsync(HttpMethod.Post, $"/api/v1/assessments/{_validatedA}/submit", ifMatch: "\"999\"").ExpectAsync(412);
    }

    [TestMethod]
    public async Task Workbooks_AnUnusableIfMatch_AnswersBeforeABodyOfTheWrongType()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/assessments/{_draftA}/workbook")
        {
            Content = new StringContent("not a workbook", Encoding.UTF8, "text/plain"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "version three");

        using var response = await _cityKeyA.SendAsync(request);

        Assert.AreEqual(428, (int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task Workbooks_Role_AnswersBeforeAnAssessmentTheCallerMayNotSee()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/assessments/{Unknown}/workbook")
        {
            Content = new ByteArrayContent([1, 2, 3]) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } },
        };

        using var response = await _hub.SendAsync(request);

        Assert.AreEqual(403, (int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task Progress_Role_AnswersBeforeAnUnknownCity()
    {
        var problem = await _partner.SendAsync(HttpMethod.Put, $"/api/v1/cities/{Unknown}/targets", MalformedJson).ExpectAsync(403);

        Assert.AreEqual("Only city keys (for their own cities) and admin keys may set targets.", problem.Text("detail"));
    }

    [TestMethod]
    public async Task Progress_AnotherCity_AnswersBeforeAMalformedBody()
    {
        await _cityKeyB.SendAsync(HttpMethod.Put, $"/api/v1/cities/{_cityA}/targets", MalformedJson).ExpectAsync(404);
    }

    [TestMethod]
    public async Task Progress_AnUnknownCity_AnswersBeforeAQueryOutOfRange()
    {
        await _hub.SendAsync(HttpMethod.Get, $"/api/v1/cities/{Unknown}/next-steps?limit=0").ExpectAsync(404);
    }

    [TestMethod]
    public async Task Benchmarks_Role_AnswersBeforeAQueryThatCannotBeBound()
    {
        var problem = await _cityKeyA.SendAsync(HttpMethod.Get, "/api/v1/benchmarks/ranking?rubricId=nlc&period=2025&rubricMajor=one").ExpectAsync(403);

        Assert.AreEqual("Only admin and hub keys may rank cities.", problem.Text("detail"));
    }

    [TestMethod]
    public async Task Benchmarks_AMalformedQuery_AnswersBeforeAGroupTheCallerMayNotAskFor()
    {
        // Which groups a city key may ask for depends on what it asked, so the query is read first.
        var problem = await _cityKeyA.SendAsync(HttpMethod.Get, "/api/v1/benchmarks?rubricId=nlc&period=someday&tag=coastal").ExpectAsync(400);

        Assert.AreEqual("period", problem.GetProperty("errors")[0].Text("field"));
    }

    [TestMethod]
    public async Task Reports_Role_AnswersBeforeAMalformedQuery()
    {
        var problem = await _cityKeyA.SendAsync(HttpMethod.Get, "/api/v1/benchmarks/report?rubricId=nlc&period=someday").ExpectAsync(403);

        Assert.AreEqual("Only admin and hub keys may compare named cities.", problem.Text("detail"));
    }

    [TestMethod]
    public async Task Reports_AnUnknownCity_AnswersBeforeAnUnknownRubric()
    {
        var problem = await _hub.SendAsync(HttpMethod.Get, $"/api/v1/cities/{Unknown}/progress-report?rubricId=none").ExpectAsync(404);

        Assert.AreEqual($"There is no city '{Unknown}'.", problem.Text("detail"));
    }
}
