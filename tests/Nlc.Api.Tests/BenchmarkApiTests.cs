using System.Text.Json;

namespace Nlc.Api.Tests;

/// <summary>
/// Peer statistics over HTTP against hand-computed values, and the privacy rules per role. Six Montenegrin cities are
/// validated with every indicator at levels 0, 1, 2, 3, 4 and 4 (overall 0, 25, 50, 75, 100, 100); five of them carry
/// the tag "north". City and partner keys see none of it: six is under the 2k = 10 they need, and tags are refused to them.
/// </summary>
[TestClass]
public sealed class BenchmarkApiTests
{
    private static readonly int[] Levels = [0, 1, 2, 3, 4, 4];
    private static InProcessApi _server = null!;
    private static readonly List<string> CityIds = [];
    private static HttpClient _hub = null!;
    private static HttpClient _partner = null!;
    private static HttpClient _ownCity = null!;

    [ClassInitialize]
    public static async Task Arrange(TestContext _)
    {
        _server = InProcessApi.Start();
        for (var i = 0; i < Levels.Length; i++)
        {
            var (cityId, _) = await Scenario.ValidatedAssessmentAsync(_server, $"Peer {i}", Levels[i], "ME", i < 5 ? ["north"] : ["south"]);
            CityIds.Add(cityId);
        }

        await Scenario.ValidatedAssessmentAsync(_server, "Lonely Kosovo city", 3, "XK");
        var draftCity = await Scenario.CreateCityAsync(_server, "Drafting city", "ME");
        await Scenario.CreateAssessmentAsync(_server.Client, draftCity, "2025");

        _hub = _server.ClientFor(await Scenario.CreateKeyAsync(_server, "hub"));
        _partner = _server.ClientFor(await Scenario.CreateKeyAsync(_server, "partner"));
        _ownCity = _server.ClientFor(await Scenario.CreateKeyAsync(_server, "city", CityIds[2]));
    }

    [ClassCleanup]
    public static async Task Cleanup() => await _server.DisposeAsync();

    [TestMethod]
    public async Task Hub_GetsStatisticsWorkedOutByHand_AndDraftsNeverCount()
    {
        var stats = await _hub.SendAsync(HttpMethod.Get, "/api/v1/benchmarks?rubricId=nlc&period=2025&country=me").ExpectAsync(200);

        // Sorted 0, 25, 50, 75, 100, 100; type 7: q1 at h = 1.25 → 31.25, median at 2.5 → 62.5, q3 at 3.75 → 93.75.
        Assert.AreEqual(6, stats.GetProperty("n").GetInt32());
        var overall = stats.GetProperty("overall");
        Assert.AreEqual((0.0, 31.25, 62.5, 93.75, 100.0), (Get(overall, "min"), Get(overall, "q1"), Get(overall, "median"), Get(overall, "q3"), Get(overall, "max")));
        Assert.AreEqual(350.0 / 6, Get(overall, "mean"), 1e-9);
        Assert.AreEqual(62.5, Get(stats.GetProperty("practices").GetProperty("GP07"), "median"), 1e-9);
        Assert.AreEqual(JsonValueKind.Null, stats.GetProperty("withheldReason").ValueKind);
    }

    [TestMethod]
    public async Task AnotherValidation_IsCountedAtOnce()
    {
        await Scenario.ValidatedAssessmentAsync(_server, "Serbian city 1", 1, "RS");
        var before = await _hub.SendAsync(HttpMethod.Get, "/api/v1/benchmarks?rubricId=nlc&period=2025&country=RS").ExpectAsync(200);

        await Scenario.ValidatedAssessmentAsync(_server, "Serbian city 2", 3, "RS");
        var after = await _hub.SendAsync(HttpMethod.Get, "/api/v1/benchmarks?rubricId=nlc&period=2025&country=RS").ExpectAsync(200);

        Assert.AreEqual(1, before.GetProperty("n").GetInt32());
        Assert.AreEqual(2, after.GetProperty("n").GetInt32());
        Assert.AreEqual(50.0, Get(after.GetProperty("overall"), "mean"), 1e-9);
    }

    [TestMethod]
    public async Task Partner_AGroupBelow2K_ShowsNoStatisticsAndSaysWhy()
    {
        var small = await _partner.SendAsync(HttpMethod.Get, "/api/v1/benchmarks?rubricId=nlc&period=2025&country=XK").ExpectAsync(200);
        var six = await _partner.SendAsync(HttpMethod.Get, "/api/v1/benchmarks?rubricId=nlc&period=2025&country=ME").ExpectAsync(200);

        Assert.AreEqual(1, small.GetProperty("n").GetInt32());
        StringAssert.Contains(small.Text("withheldReason"), "statistics are shown only for groups of at least 10");
        Assert.IsFalse(small.ToString().Contains("75", StringComparison.Ordinal), small.ToString());
        Assert.AreEqual(6, six.GetProperty("n").GetInt32());
        Assert.AreEqual(10, six.GetProperty("minimumGroupSize").GetInt32());
        Assert.AreEqual("banded", six.Text("disclosure"));
        Assert.AreEqual(JsonValueKind.Null, six.GetProperty("overall").ValueKind);
        Assert.IsFalse(six.TryGetProperty("bands", out _), six.ToString());
    }

    [TestMethod]
    [DataRow("&cityIds={0},{1},{2},{3},{4}", "by a list of cities")]
    [DataRow("&country=ME&tag=north", "by tag")]
    [DataRow("&country=ME&region=North", "one of country, region or populationBand at a time")]
    [DataRow("&tag=north", "tags are sets a hub defines freely")]
    public async Task Partner_ListsTagsAndCombinedFilters_AreForbiddenWithTheReason(string filter, string reason)
    {
        var url = "/api/v1/benchmarks?rubricId=nlc&period=2025" + string.Format(filter, CityIds.Cast<object>().ToArray());

        var refused = await _partner.SendAsync(HttpMethod.Get, url).ExpectAsync(403);
        StringAssert.Contains(refused.Text("detail"), reason);
        await _ownCity.SendAsync(HttpMethod.Get, url).ExpectAsync(403);
        await _hub.SendAsync(HttpMethod.Get, url).ExpectAsync(200);
    }

    [TestMethod]
    public async Task ACityKey_SeesItsOwnPositionBesideAnonymousStatistics_NeverAnotherCity()
    {
        var position = await _ownCity.SendAsync(HttpMethod.Get, $"/api/v1/benchmarks/position?cityId={CityIds[2]}&rubricId=nlc&period=2025&country=ME").ExpectAsync(200);
        var hubView = await _hub.SendAsync(HttpMethod.Get, $"/api/v1/benchmarks/position?cityId={CityIds[2]}&rubricId=nlc&period=2025&country=ME").ExpectAsync(200);

        // Own overall 50 among 0, 25, 50, 75, 100, 100: two below, one equal → (2 + 0.5) / 6 ≈ 41.7 for the hub; the city's group of six is withheld.
        Assert.AreEqual(50.0, Get(position.GetProperty("overall"), "score"), 1e-9);
        Assert.AreEqual(JsonValueKind.Null, position.GetProperty("overall").GetProperty("percentileRank").ValueKind);
        StringAssert.Contains(position.GetProperty("group").Text("withheldReason"), "at least 10");
        Assert.AreEqual(250.0 / 6, Get(hubView.GetProperty("overall"), "percentileRank"), 1e-9);
        Assert.IsFalse(position.ToString().Contains("Peer 1", StringComparison.Ordinal));
        await _ownCity.SendAsync(HttpMethod.Get, $"/api/v1/benchmarks/position?cityId={CityIds[3]}&rubricId=nlc&period=2025&country=ME").ExpectAsync(404);
        await _partner.SendAsync(HttpMethod.Get, $"/api/v1/benchmarks/position?cityId={CityIds[3]}&rubricId=nlc&period=2025&country=ME").ExpectAsync(403);
    }

    [TestMethod]
    public async Task Hub_RanksCitiesSharingRanksOnTies()
    {
        var ranking = await _hub.SendAsync(HttpMethod.Get, "/api/v1/benchmarks/ranking?rubricId=nlc&period=2025&country=ME&metric=pillar:trust").ExpectAsync(200);

        var items = ranking.GetProperty("items").EnumerateArray().ToArray();
        CollectionAssert.AreEqual(new[] { 1, 1, 3, 4, 5, 6 }, items.Select(i => i.GetProperty("rank").GetInt32()).ToArray());
        CollectionAssert.AreEqual(new[] { "Peer 4", "Peer 5", "Peer 3", "Peer 2", "Peer 1", "Peer 0" }, items.Select(i => i.Text("cityName")).ToArray());
        await _ownCity.SendAsync(HttpMethod.Get, "/api/v1/benchmarks/ranking?rubricId=nlc&period=2025&country=ME").ExpectAsync(403);
        await _hub.SendAsync(HttpMethod.Get, "/api/v1/benchmarks/ranking?rubricId=nlc&period=2025&metric=pillar:nope").ExpectAsync(400);
    }

    [TestMethod]
    [DataRow("/api/v1/benchmarks?period=2025", "rubricId is required")]
    [DataRow("/api/v1/benchmarks?rubricId=nlc", "period is required")]
    [DataRow("/api/v1/benchmarks?rubricId=nlc&period=2025&populationBand=huge", "populationBand must be one of")]
    [DataRow("/api/v1/benchmarks?rubricId=nlc&period=2025&rubricMajor=9", "has no major version 9")]
    public async Task BadGroupRequests_AreProblems(string url, string message)
    {
        var problem = await _hub.SendAsync(HttpMethod.Get, url).ExpectAsync(400);

        StringAssert.Contains(problem.Text("detail"), message);
    }

    [TestMethod]
    public async Task TheReportOfACityWhosePeersAreWithheld_SaysWhyOnItsSummary()
    {
        var (cityId, assessmentId) = await Scenario.ValidatedAssessmentAsync(_server, "Lonely Albanian city", 2, "AL");
        using var city = _server.ClientFor(await Scenario.CreateKeyAsync(_server, "city", cityId));

        var text = await SheetTextAsync(city, $"/api/v1/assessments/{assessmentId}/report?lang=en", "Summary");

        StringAssert.Contains(text, "Validated assessments of 1 cities in AL, 2025. Peer figures are not shown: The group has 1 cities;");
        StringAssert.Contains(text, "Validated: all 39 indicators answered.");
    }

    [TestMethod]
    public async Task TheHubComparisonReport_NamesItsGroupPeriodAndRubric_WithStatusAndMedianRows()
    {
        var text = await SheetTextAsync(_hub, "/api/v1/benchmarks/report?rubricId=nlc&period=2025&country=ME", "Comparison");

        StringAssert.Contains(text, "Cities with country ME; period 2025; rubric nlc version 1.0.0");
        StringAssert.Contains(text, "Validated");
        StringAssert.Contains(text, "Median of 6 validated");
    }

    /// <summary>Every text of one sheet of the report at <paramref name="url"/>, in cell order, separated by "|".</summary>
    private static async Task<string> SheetTextAsync(HttpClient client, string url, string sheetName)
    {
        using var response = await client.GetAsync(url);
        Assert.AreEqual(200, (int)response.StatusCode, await response.Content.ReadAsStringAsync());
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var book = document.WorkbookPart!;
        var sheet = book.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == sheetName);
        var part = (DocumentFormat.OpenXml.Packaging.WorksheetPart)book.GetPartById(sheet.Id!);
        return string.Join('|', part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.InlineString>().Select(t => t.InnerText));
    }

    private static double Get(JsonElement element, string property) => element.GetProperty(property).GetDouble();
}
