using Nlc.Core.Periods;
using Nlc.Core.Rubrics;
using Nlc.Storage;

namespace Nlc.Api.Tests;

/// <summary>A city's series over HTTP: changes between periods, targets and progress toward them, next steps, demo data.</summary>
[TestClass]
public sealed class ProgressApiTests
{
    private static InProcessApi _server = null!;
    private static string _cityId = null!;

    [ClassInitialize]
    public static async Task Arrange(TestContext _)
    {
        _server = InProcessApi.Start();
        _cityId = await Scenario.CreateCityAsync(_server, "Progressville", "BA");
        await Scenario.ValidatedAssessmentOfAsync(_server, _cityId, 1, "2023");
        await Scenario.ValidatedAssessmentOfAsync(_server, _cityId, 2, "2024");
        var (draft, etag) = await Scenario.CreateAssessmentAsync(_server.Client, _cityId, "2025");
        await Scenario.AnswerAllAsync(_server.Client, draft, etag, 3);
    }

    [ClassCleanup]
    public static async Task Cleanup() => await _server.DisposeAsync();

    [TestMethod]
    public async Task Progress_ShowsTheSeriesAndTheChangeFromFirstToLast()
    {
        var progress = await _server.Client.SendAsync(HttpMethod.Get, $"/api/v1/cities/{_cityId}/progress?rubricId=nlc&includeUnvalidated=true").ExpectAsync(200);

        CollectionAssert.AreEqual(new[] { "2023", "2024", "2025" }, progress.GetProperty("series").EnumerateArray().Select(p => p.Text("period")).ToArray());
        Assert.AreEqual(50.0, progress.GetProperty("change").GetProperty("overall").GetProperty("delta").GetDouble(), 1e-9, "level 1 → 3: 25 → 75");
        Assert.AreEqual(0, progress.GetProperty("change").GetProperty("notComparable").GetArrayLength());
        Assert.AreEqual(3, progress.GetProperty("change").GetProperty("mostImproved").GetArrayLength());
    }

    [TestMethod]
    public async Task Progress_ByDefault_MeasuresTheChangeBetweenValidatedAssessmentsOnly_AndListsTheDraftWithItsStatus()
    {
        var progress = await _server.Client.SendAsync(HttpMethod.Get, $"/api/v1/cities/{_cityId}/progress?rubricId=nlc").ExpectAsync(200);

        CollectionAssert.AreEqual(new[] { "validated", "validated", "draft" }, progress.GetProperty("series").EnumerateArray().Select(p => p.Text("status")).ToArray());
        Assert.AreEqual(("2023", "2024"), (progress.Text("from"), progress.Text("to")), "the 2025 draft is left out of the change");
        Assert.AreEqual(25.0, progress.GetProperty("change").GetProperty("overall").GetProperty("delta").GetDouble(), 1e-9, "level 1 → 2: 25 → 50");
    }

    [TestMethod]
    public async Task TheProgressReport_ShowsTheStatusOfEveryPeriod_AndTheCitysTargets()
    {
        await _server.Client.SendAsync(HttpMethod.Put, $"/api/v1/cities/{_cityId}/targets",
            new { rubricId = "nlc", targetPeriod = "2027", practices = new Dictionary<string, int> { ["GP01"] = 4 } }).ExpectAsync(200);
        using var response = await _server.Client.GetAsync($"/api/v1/cities/{_cityId}/progress-report?rubricId=nlc");
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var texts = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()
            .ToDictionary(c => c.CellReference!.Value!, c => c.InlineString?.InnerText);

        CollectionAssert.AreEqual(new[] { "Status", "Validated", "Validated", "Draft" }, new[] { texts["A6"], texts["B6"], texts["C6"], texts["D6"] });
        Assert.AreEqual("Change 2023 to 2024", texts["E5"], "the draft's period has no change column");
        CollectionAssert.Contains(texts.Values.ToArray(), "Targets to reach by 2027");
        CollectionAssert.Contains(texts.Values.ToArray(), "GP01 Local mandate and political leadership");
    }

    [TestMethod]
    public async Task Progress_ForAPartner_UsesValidatedAssessmentsOnly()
    {
        using var partner = _server.ClientFor(await Scenario.CreateKeyAsync(_server, "partner"));

        var progress = await partner.SendAsync(HttpMethod.Get, $"/api/v1/cities/{_cityId}/progress?rubricId=nlc&from=2023&to=2024").ExpectAsync(200);

        Assert.AreEqual(2, progress.GetProperty("series").GetArrayLength());
        Assert.AreEqual(25.0, progress.GetProperty("change").GetProperty("overall").GetProperty("delta").GetDouble(), 1e-9);
        await partner.SendAsync(HttpMethod.Get, $"/api/v1/cities/{_cityId}/progress?rubricId=nlc&to=2025").ExpectAsync(422);
        await partner.SendAsync(HttpMethod.Get, $"/api/v1/cities/{_cityId}/targets?rubricId=nlc").ExpectAsync(403);
    }

    [TestMethod]
    public async Task Targets_AreSetPerPracticeOrIndicator_AndProgressIsTheShareOfTheWay()
    {
        using var city = _server.ClientFor(await Scenario.CreateKeyAsync(_server, "city", _cityId));
        var indicators = Scenario.IndicatorIds.Where(id => !id.StartsWith("GP01.", StringComparison.Ordinal)).ToDictionary(id => id, _ => 4);

        var set = await city.SendAsync(HttpMethod.Put, $"/api/v1/cities/{_cityId}/targets",
            new { rubricId = "nlc", targetPeriod = "2027", practices = new Dictionary<string, int> { ["GP01"] = 4 }, indicators }).ExpectAsync(200);
        var progress = await city.SendAsync(HttpMethod.Get, $"/api/v1/cities/{_cityId}/progress?rubricId=nlc&includeUnvalidated=true").ExpectAsync(200);

        Assert.AreEqual(39, set.GetProperty("indicators").EnumerateObject().Count());
        // Baseline 2023 at level 1 (25), target all at 4 (100), current 2025 at 3 (75): (75 − 25) / (100 − 25) = 2/3.
        var overall = progress.GetProperty("targets").GetProperty("progress").GetProperty("overall");
        Assert.AreEqual(2.0 / 3, overall.GetProperty("progress").GetDouble(), 1e-9);
        Assert.AreEqual("2027", progress.GetProperty("targets").Text("targetPeriod"));
        await city.SendAsync(HttpMethod.Put, $"/api/v1/cities/{_cityId}/targets", new { rubricId = "nlc", targetPeriod = "2027", indicators = new Dictionary<string, int> { ["GP01.1"] = 9 } }).ExpectAsync(422);
    }

    [TestMethod]
    public async Task Progress_OrdersPeriodsChronologically_TheFirstQuarterBeforeTheSecondHalf()
    {
        var cityId = await Scenario.CreateCityAsync(_server, "Halfville", "BA");
        await Scenario.CreateAssessmentAsync(_server.Client, cityId, "2025-H2");
        await Scenario.CreateAssessmentAsync(_server.Client, cityId, "2025-Q1");
        await Scenario.CreateAssessmentAsync(_server.Client, cityId, "2024");

        var progress = await _server.Client.SendAsync(HttpMethod.Get, $"/api/v1/cities/{cityId}/progress?rubricId=nlc&includeUnvalidated=true").ExpectAsync(200);
        var listed = await _server.Client.SendAsync(HttpMethod.Get, $"/api/v1/cities/{cityId}/assessments").ExpectAsync(200);

        CollectionAssert.AreEqual(new[] { "2024", "2025-Q1", "2025-H2" }, progress.GetProperty("series").EnumerateArray().Select(p => p.Text("period")).ToArray());
        Assert.AreEqual(("2024", "2025-H2"), (progress.Text("from"), progress.Text("to")));
        CollectionAssert.AreEqual(new[] { "2025-H2", "2025-Q1", "2024" }, listed.GetProperty("items").EnumerateArray().Select(p => p.Text("period")).ToArray());
    }

    [TestMethod]
    public async Task Progress_ReadsEveryAssessment_EvenBeyondAThousand()
    {
        var cityId = await Scenario.CreateCityAsync(_server, "Manyrounds", "BA");
        var rubric = RubricLoader.LoadDirectory(RepositoryPaths.Rubrics).FindLatest("nlc")!;
        var store = new AssessmentStore(DatabaseDump.Open(_server.DatabasePath), TimeProvider.System);
        for (var year = 1000; year <= 2000; year++)
        {
            Assert.AreEqual(WriteOutcome.Done, (await store.CreateAsync(cityId, rubric, Period.Parse($"{year}"), "test")).Outcome);
        }

        var progress = await _server.Client.SendAsync(HttpMethod.Get, $"/api/v1/cities/{cityId}/progress?rubricId=nlc&includeUnvalidated=true").ExpectAsync(200);

        Assert.AreEqual(1001, progress.GetProperty("series").GetArrayLength());
        Assert.AreEqual(("1000", "2000"), (progress.Text("from"), progress.Text("to")));
    }

    [TestMethod]
    public async Task NextSteps_ArePrioritisedByExpectedGain()
    {
        var plan = await _server.Client.SendAsync(HttpMethod.Get, $"/api/v1/cities/{_cityId}/next-steps?rubricId=nlc&limit=3").ExpectAsync(200);

        var steps = plan.GetProperty("steps").EnumerateArray().ToArray();
        Assert.AreEqual(3, steps.Length);
        Assert.AreEqual("2025", plan.Text("period"));
        Assert.IsTrue(steps.Zip(steps.Skip(1)).All(p => p.First.GetProperty("expectedOverallGain").GetDouble() >= p.Second.GetProperty("expectedOverallGain").GetDouble()));
        Assert.AreEqual("Embedded", steps[0].Text("nextLevelName"));
        Assert.IsFalse(string.IsNullOrWhiteSpace(steps[0].Text("nextStepDescription")));
    }

    [TestMethod]
    public async Task DemoData_FillsAnEmptyDatabase_AndRefusesANonEmptyOne()
    {
        var databasePath = ApiServer.NewDatabaseLocation();
        await using (var demo = await ApiServer.StartAsync(databasePath, arguments: "--seed-demo"))
        {
            StringAssert.Contains(demo.Output, "Seeded SYNTHETIC demo data: 44 cities");
            var all = await demo.Client.SendAsync(HttpMethod.Get, "/api/v1/benchmarks?rubricId=nlc&period=2025").ExpectAsync(200);
            Assert.IsTrue(all.GetProperty("n").GetInt32() >= 30);
            var cities = await demo.Client.SendAsync(HttpMethod.Get, "/api/v1/cities?tag=synthetic-demo&limit=1").ExpectAsync(200);
            Assert.AreEqual(44, cities.GetProperty("total").GetInt32());
            StringAssert.EndsWith(cities.GetProperty("items")[0].Text("name"), "[synthetic demo]");
        }

        var (exitCode, output) = await ApiServer.RunToExitAsync(databasePath, arguments: "--seed-demo");
        Assert.AreEqual(1, exitCode);
        StringAssert.Contains(output, "goes only into an empty database");
    }
}
