namespace Nlc.Api.Tests;

/// <summary>
/// Every endpoint × every role, against the key's own city (A) and another city (B). Writes that pass authorisation are
/// sent with a stale If-Match or an invalid body, so they answer 412 or 422 and change nothing.
/// A city key for B asking about A must get 404, never a hint that A exists.
/// </summary>
[TestClass]
public sealed class RoleMatrixTests
{
    private const string CityAName = "Matrixville-A";
    private static readonly string[] Roles = ["admin", "hub", "cityOwn", "cityOther", "partner", "anonymous"];
    private static InProcessApi _server = null!;
    private static Dictionary<string, HttpClient> _clients = null!;
    private static Dictionary<string, string> _ids = null!;
    private const string ActionBody = "{\"title\":\"t\",\"targets\":[{\"practiceId\":\"GP01\",\"targetLevel\":2}],\"responsible\":\"r\"}";
    private const string NoteBody = "{\"practiceId\":\"GP01\",\"title\":\"t\",\"challenge\":\"c\",\"approach\":\"a\",\"impact\":\"i\",\"contactRole\":\"r\"}";

    // method, path ({A} city A, {asmA} a validated assessment of A, {draftA} a draft of A), body, If-Match,
    // then the status for: admin, hub, city key of A, city key of B, partner, no key.
    public static IEnumerable<object?[]> Endpoints =>
    [
        ["GET", "/api/v1/rubrics", null, null, "200 200 200 200 200 401"],
        ["GET", "/api/v1/rubrics/nlc", null, null, "200 200 200 200 200 401"],
        ["GET", "/api/v1/rubrics/nlc/versions/1.0.0", null, null, "200 200 200 200 200 401"],
        ["GET", "/api/v1/cities", null, null, "200 200 200 200 200 401"],
        ["POST", "/api/v1/cities", "{\"name\":\"\"}", null, "422 422 403 403 403 401"],
        ["GET", "/api/v1/cities/{A}", null, null, "200 200 200 404 200 401"],
        ["PATCH", "/api/v1/cities/{A}", "{}", "\"999\"", "412 412 403 403 403 401"],
        ["GET", "/api/v1/cities/{A}/assessments", null, null, "200 200 200 404 200 401"],
        ["POST", "/api/v1/cities/{A}/assessments", "{\"rubricId\":\"nlc\",\"period\":\"someday\"}", null, "422 403 422 404 403 401"],
        ["GET", "/api/v1/assessments/{asmA}", null, null, "200 200 200 404 200 401"],
        ["GET", "/api/v1/assessments/{draftA}", null, null, "200 200 200 404 404 401"],
        ["PUT", "/api/v1/assessments/{draftA}/answers", "{\"answers\":[{\"indicatorId\":\"GP01.1\",\"level\":1}]}", "\"999\"", "412 403 412 404 403 401"],
        ["PUT", "/api/v1/assessments/{draftA}/answers/GP01.1", "{\"level\":1}", "\"999\"", "412 403 412 404 403 401"],
        ["POST", "/api/v1/assessments/{draftA}/submit", null, "\"999\"", "412 403 412 404 403 401"],
        ["POST", "/api/v1/assessments/{asmA}/validate", null, "\"999\"", "412 412 403 403 403 401"],
        ["POST", "/api/v1/assessments/{asmA}/reopen", null, "\"999\"", "412 412 403 403 403 401"],
        ["GET", "/api/v1/assessments/{asmA}/score", null, null, "200 200 200 404 200 401"],
        ["GET", "/api/v1/assessments/{draftA}/score", null, null, "200 200 200 404 404 401"],
        ["GET", "/api/v1/assessments/{asmA}/audit", null, null, "200 200 200 404 403 401"],
        ["GET", "/api/v1/benchmarks?rubricId=nlc&period=2025", null, null, "200 200 200 200 200 401"],
        ["GET", "/api/v1/benchmarks/position?cityId={A}&rubricId=nlc&period=2025", null, null, "200 200 200 404 403 401"],
        ["GET", "/api/v1/benchmarks/ranking?rubricId=nlc&period=2025", null, null, "200 200 403 403 403 401"],
        ["GET", "/api/v1/cities/{A}/progress?rubricId=nlc", null, null, "200 200 200 404 200 401"],
        ["GET", "/api/v1/cities/{A}/targets?rubricId=nlc", null, null, "200 200 200 404 403 401"],
        ["PUT", "/api/v1/cities/{A}/targets", "{\"rubricId\":\"none\",\"targetPeriod\":\"2027\"}", null, "422 403 422 404 403 401"],
        ["GET", "/api/v1/cities/{A}/next-steps?rubricId=nlc", null, null, "200 200 200 404 200 401"],
        ["GET", "/api/v1/assessments/{asmA}/workbook", null, null, "200 200 200 404 200 401"],
        ["PUT", "/api/v1/assessments/{draftA}/workbook", null, "\"999\"", "422 403 422 404 403 401"],
        ["GET", "/api/v1/assessments/{asmA}/report", null, null, "200 200 200 404 200 401"],
        ["GET", "/api/v1/cities/{A}/progress-report?rubricId=nlc", null, null, "200 200 200 404 200 401"],
        ["GET", "/api/v1/benchmarks/report?rubricId=nlc&period=2025", null, null, "200 200 403 403 403 401"],
        ["GET", "/api/v1/keys", null, null, "200 403 403 403 403 401"],
        // On PostgreSQL the route writes no copy and says to use pg_dump (409).
        ["POST", "/api/v1/admin/backups", null, null, TestEngine.IsPostgres ? "409 403 403 403 403 401" : "201 403 403 403 403 401"],
        ["POST", "/api/v1/keys", "{\"name\":\"\"}", null, "422 403 403 403 403 401"],
        ["DELETE", "/api/v1/keys/key_unknown", null, null, "404 403 403 403 403 401"],
        ["POST", "/api/v1/invitations", "{\"email\":\"\"}", null, "422 403 403 403 403 401"],
        ["GET", "/api/v1/cities/{A}/action-plan", null, null, "200 200 200 404 404 401"],
        ["POST", "/api/v1/cities/{A}/action-plan/actions", ActionBody, "\"999\"", "412 403 412 404 403 401"],
        ["PUT", "/api/v1/cities/{A}/action-plan/actions/act_unknown", ActionBody, "\"999\"", "412 403 412 404 403 401"],
        ["DELETE", "/api/v1/cities/{A}/action-plan/actions/act_unknown", null, "\"999\"", "412 403 412 404 403 401"],
        ["POST", "/api/v1/cities/{A}/action-plan/actions/act_unknown/status", "{\"status\":\"done\"}", "\"999\"", "412 403 412 404 403 401"],
        ["POST", "/api/v1/cities/{A}/action-plan/actions/act_unknown/notes", "{\"date\":\"2026-01-31\",\"text\":\"t\"}", "\"999\"", "412 403 412 404 403 401"],
        ["PUT", "/api/v1/cities/{A}/action-plan/publication", "{\"published\":true}", "\"999\"", "412 403 412 404 403 401"],
        ["GET", "/api/v1/cities/{A}/action-plan/workbook", null, null, "200 200 200 404 404 401"],
        ["PUT", "/api/v1/cities/{A}/action-plan/workbook", null, "\"999\"", "422 403 422 404 403 401"],
        ["POST", "/api/v1/cities/{A}/action-plan/actions/from-next-step", "{\"assessmentId\":\"{asmA}\",\"indicatorId\":\"GP01.1\"}", "\"999\"", "412 403 412 404 403 401"],
        ["GET", "/api/v1/case-notes", null, null, "200 200 200 200 403 401"],
        ["POST", "/api/v1/cities/{A}/case-notes", "{\"practiceId\":\"\"}", null, "422 403 422 404 403 401"],
        ["GET", "/api/v1/case-notes/{noteA}", null, null, "200 200 200 404 403 401"],
        ["PUT", "/api/v1/case-notes/{noteA}", NoteBody, "\"999\"", "412 403 412 404 403 401"],
        ["POST", "/api/v1/case-notes/{noteA}/submit", null, "\"999\"", "412 403 412 404 403 401"],
        ["POST", "/api/v1/case-notes/{noteA}/approve", null, "\"999\"", "412 412 403 403 403 401"],
        ["POST", "/api/v1/case-notes/{noteA}/return", "{\"reason\":\"r\"}", "\"999\"", "412 412 403 403 403 401"],
        ["GET", "/api/v1/cities/{A}/contact-consent", null, null, "200 200 200 404 403 401"],
        ["PUT", "/api/v1/cities/{A}/contact-consent", "{\"practiceIds\":[\"nope\"]}", "\"0\"", "422 403 422 404 403 401"],
        ["PUT", "/api/v1/cities/{A}/contact-consent", "{\"practiceIds\":[\"GP01\"]}", "\"999\"", "412 403 412 404 403 401"],
        ["GET", "/api/v1/assessments/{asmA}/suggestions", null, null, "200 200 200 404 403 401"],
        ["GET", "/api/v1/exchange-pairs", null, null, "200 200 403 403 403 401"],
        ["GET", "/api/v1/assessments", null, null, "200 200 200 200 200 401"],
        ["GET", "/api/v1/assessments?status=draft&updatedSince=2020-01-01T00:00:00Z", null, null, "200 200 200 200 200 401"],
        ["POST", "/api/v1/webhooks", "{\"url\":\"\"}", null, "422 403 403 403 403 401"],
        ["GET", "/api/v1/webhooks", null, null, "200 403 403 403 403 401"],
        ["GET", "/api/v1/webhooks/whk_unknown/deliveries", null, null, "404 403 403 403 403 401"],
        ["GET", "/api/v1/exports/scores?rubricId=nlc&period=2025&format=csv", null, null, "200 200 200 200 200 401"],
    ];

    [ClassInitialize]
    public static async Task Arrange(TestContext _)
    {
        _server = InProcessApi.Start();
        var (cityA, asmA) = await Scenario.ValidatedAssessmentAsync(_server, CityAName);
        var (cityB, _) = await Scenario.ValidatedAssessmentAsync(_server, "Matrixville-B");
        var (draftA, _) = await Scenario.CreateAssessmentAsync(_server.Client, cityA, "2026");
        var noteA = (await _server.Client.SendAsync(HttpMethod.Post, $"/api/v1/cities/{cityA}/case-notes", NoteBody).ExpectAsync(201)).Text("id");
        _ids = new() { ["{A}"] = cityA, ["{asmA}"] = asmA, ["{draftA}"] = draftA, ["{noteA}"] = noteA };
        _clients = new()
        {
            ["admin"] = _server.Client,
            ["hub"] = _server.ClientFor(await Scenario.CreateKeyAsync(_server, "hub")),
            ["cityOwn"] = _server.ClientFor(await Scenario.CreateKeyAsync(_server, "city", cityA)),
            ["cityOther"] = _server.ClientFor(await Scenario.CreateKeyAsync(_server, "city", cityB)),
            ["partner"] = _server.ClientFor(await Scenario.CreateKeyAsync(_server, "partner")),
            ["anonymous"] = _server.ClientFor(null),
        };
    }

    [ClassCleanup]
    public static async Task Cleanup() => await _server.DisposeAsync();

    [TestMethod]
    [DynamicData(nameof(Endpoints))]
    public async Task EveryRole_GetsTheExpectedStatus_AndNothingItMayNotSee(string method, string path, string? body, string? ifMatch, string expected)
    {
        var url = _ids.Aggregate(path, (current, id) => current.Replace(id.Key, id.Value, StringComparison.Ordinal));
        body = body is null ? null : _ids.Aggregate(body, (current, id) => current.Replace(id.Key, id.Value, StringComparison.Ordinal));
        var before = await DatabaseDump.ReadAsync(_server.DatabasePath);
        var statuses = expected.Split(' ').Select(int.Parse).ToArray();
        var failures = new List<string>();

        for (var r = 0; r < Roles.Length; r++)
        {
            using var response = await _clients[Roles[r]].SendAsync(new HttpMethod(method), url, body, ifMatch);
            var text = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode != statuses[r])
            {
                failures.Add($"{Roles[r]}: expected {statuses[r]}, got {(int)response.StatusCode} {text}");
            }

            if (statuses[r] >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{Roles[r]}: a {statuses[r]} must be application/problem+json");
            }

            if (Roles[r] is "cityOther" or "anonymous" && text.Contains(CityAName, StringComparison.Ordinal))
            {
                failures.Add($"{Roles[r]}: the response names city A: {text}");
            }
        }

        Assert.AreEqual(0, failures.Count, $"{method} {path}:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
        Assert.AreEqual(before, await DatabaseDump.ReadAsync(_server.DatabasePath), "a refused or stale request changed the database");
    }

    [TestMethod]
    public void EveryOperationInTheOpenApiDocument_IsInTheMatrix()
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "openapi", "v1.json")))!;
        var rows = Endpoints.Select(e => (Method: (string)e[0]!, Path: ((string)e[1]!).Split('?')[0])).ToArray();

        var missing = document["paths"]!.AsObject()
            .Where(p => p.Key.StartsWith("/api/v1", StringComparison.Ordinal))
            .SelectMany(p => p.Value!.AsObject().Select(o => (Method: o.Key.ToUpperInvariant(), Template: p.Key)))
            .Where(op =>
            {
                var pattern = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Replace(op.Template, @"\{[^}]+\}", "[^/]+") + "$");
                return !rows.Any(r => r.Method == op.Method && pattern.IsMatch(r.Path));
            })
            .Select(op => $"{op.Method} {op.Template}")
            .ToArray();

        Assert.AreEqual(0, missing.Length, "operations with no row in the role matrix: " + string.Join(", ", missing));
    }

    [TestMethod]
    public async Task ACityKey_ListsOnlyItsOwnCities()
    {
        var cities = await _clients["cityOther"].SendAsync(HttpMethod.Get, "/api/v1/cities").ExpectAsync(200);

        CollectionAssert.AreEqual(new[] { "Matrixville-B" }, cities.GetProperty("items").EnumerateArray().Select(c => c.Text("name")).ToArray());
    }

    [TestMethod]
    public async Task APartner_ListsOnlyValidatedAssessments()
    {
        var list = await _clients["partner"].SendAsync(HttpMethod.Get, $"/api/v1/cities/{_ids["{A}"]}/assessments").ExpectAsync(200);
        var drafts = await _clients["partner"].SendAsync(HttpMethod.Get, $"/api/v1/cities/{_ids["{A}"]}/assessments?status=draft").ExpectAsync(200);

        CollectionAssert.AreEqual(new[] { "validated" }, list.GetProperty("items").EnumerateArray().Select(a => a.Text("status")).ToArray());
        Assert.AreEqual(0, drafts.GetProperty("total").GetInt32());
    }
}
