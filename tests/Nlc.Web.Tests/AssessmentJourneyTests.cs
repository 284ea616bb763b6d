using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Nlc.Api.Tests;

namespace Nlc.Web.Tests;

/// <summary>
/// A city official's assessment in a real chromium against the real server: start, fill in every practice (levels, Not
/// applicable, Don't know), a colleague's save merged and another resolved on the page, a workbook uploaded, submitted,
/// results seen; every assessment page checked with axe at two widths and photographed.
/// </summary>
[TestClass]
[TestCategory(TestCategories.External)]
public sealed class AssessmentJourneyTests
{
    private static WebSite _site = null!;

    [ClassInitialize]
    public static async Task StartSite(TestContext context) => _site = await WebSite.StartAsync();

    [ClassCleanup]
    public static async Task StopSite() => await _site.DisposeAsync();

    [TestMethod]
    public async Task ACityOfficial_FillsInEveryPractice_SettlesAConflictWithAColleague_UploadsAWorkbook_Submits_AndSeesResults()
    {
        var cityName = "Kotor " + Guid.NewGuid().ToString("N")[..6];
        var cityId = await _site.CreateCityAsync(cityName);
        await ValidatedAssessmentAsync(cityId, "2024", level: 1);
        using (var targets = await _site.Server.Client.PutAsJsonAsync($"/api/v1/cities/{cityId}/targets", new { rubricId = "nlc", targetPeriod = "2027", practices = new Dictionary<string, int> { ["GP01"] = 3 } }))
        {
            Assert.AreEqual(HttpStatusCode.OK, targets.StatusCode, await targets.Content.ReadAsStringAsync());
        }

        var ana = await _site.SignedInAsync($"ana{Guid.NewGuid():N}"[..9] + "@kotor.example", "city", cityId);
        var ben = await _site.SignedInAsync($"ben{Guid.NewGuid():N}"[..9] + "@kotor.example", "city", cityId);

        await ana.GotoAsync(_site.Url($"/cities/{cityId}"));
        await ana.GetByLabel($"Start an assessment of {cityName} for the period").FillAsync("2025");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Start the assessment" }).ClickAsync();
        await ana.GetByRole(AriaRole.Link, new() { Name = "2025", Exact = true }).ClickAsync();
        var assessmentId = ana.Url.Split('/')[^1];
        await Expect(ana.Locator(".nlc-status")).ToHaveTextAsync("Draft, not validated: 0 of 39 indicators answered");
        await WebSite.CheckAccessibleAsync(ana, "assessment-overview");
        var practices = await ana.Locator(".nlc-task-name").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.HasCount(13, practices);

        for (var p = 0; p < practices.Length - 1; p++)
        {
            await ana.GotoAsync(_site.Url(practices[p]));
            var indicators = await IndicatorsAsync(ana);
            switch (p)
            {
                case 0:
                    await WebSite.CheckAccessibleAsync(ana, "practice");
                    for (var i = 0; i < indicators.Length; i++)
                    {
                        await Choose(ana, indicators[i], (i % 3 + 2).ToString());
                    }

                    await ana.Locator($"[id='note-{indicators[0]}']").FillAsync("Council decision of March");
                    await ana.Locator($"[id='evidence-{indicators[0]}']").FillAsync("https://example.org/decision\nMinutes 12/2025");
                    break;
                case 1:
                    foreach (var id in indicators)
                    {
                        await Choose(ana, id, "na");
                    }

                    await SaveAsync(ana);
                    await Expect(ana.Locator(".error-summary")).ToContainTextAsync($"Enter the reason {indicators[0]} does not apply");
                    await Expect(ana.Locator($".error-summary a[href='#reason-{indicators[0]}']")).ToBeVisibleAsync();
                    Assert.AreEqual(0, (await AnswersAsync(assessmentId)).Count(a => indicators.Contains(a.Key)), "nothing is saved while the page has errors");
                    await WebSite.CheckAccessibleAsync(ana, "practice-errors");
                    foreach (var id in indicators)
                    {
                        await ana.Locator($"[id='reason-{id}']").FillAsync("The city has no police of its own");
                    }

                    break;
                case 2:
                    foreach (var id in indicators)
                    {
                        await Choose(ana, id, "dk");
                    }

                    break;
                case 3:
                    // Ben saves the first indicator after Ana opened the page: her different answer to it is a conflict.
                    await ben.GotoAsync(_site.Url(practices[p]));
                    await Choose(ben, indicators[0], "3");
                    await SaveAsync(ben);
                    await Choose(ana, indicators[0], "1");
                    foreach (var id in indicators.Skip(1))
                    {
                        await Choose(ana, id, "2");
                    }

                    await SaveAsync(ana);
                    await Expect(ana.Locator(".error-summary")).ToContainTextAsync($"A colleague saved a different answer to {indicators[0]}");
                    var conflict = ana.Locator(".nlc-conflict");
                    await Expect(conflict).ToContainTextAsync("Your answer: Level 1");
                    await Expect(conflict).ToContainTextAsync("Level 3");
                    var meanwhile = await AnswersAsync(assessmentId);
                    Assert.AreEqual(3, meanwhile[indicators[0]].GetProperty("level").GetInt32(), "Ben's answer stands until Ana chooses");
                    Assert.IsFalse(meanwhile.ContainsKey(indicators[1]), "none of Ana's answers on the page is saved while one conflicts");
                    await WebSite.CheckAccessibleAsync(ana, "practice-conflict");
                    await ana.GetByLabel("Keep the saved answer").CheckAsync();
                    break;
                case 4:
                    // Ben answers the first indicator while Ana leaves it blank: both are kept, and the page says so.
                    await ben.GotoAsync(_site.Url(practices[p]));
                    await Choose(ben, indicators[0], "4");
                    await SaveAsync(ben);
                    foreach (var id in indicators.Skip(1))
                    {
                        await Choose(ana, id, "1");
                    }

                    await SaveAsync(ana);
                    await Expect(ana.GetByRole(AriaRole.Status)).ToContainTextAsync("Colleagues saved answers to other indicators meanwhile");
                    var merged = await AnswersAsync(assessmentId);
                    Assert.AreEqual(4, merged[indicators[0]].GetProperty("level").GetInt32(), "Ben's answer is kept");
                    Assert.AreEqual(1, merged[indicators[1]].GetProperty("level").GetInt32(), "Ana's answer is saved");
                    continue;
                default:
                    foreach (var id in indicators)
                    {
                        await Choose(ana, id, (p % 5).ToString());
                    }

                    break;
            }

            await SaveAsync(ana);
            await Expect(ana.GetByRole(AriaRole.Status)).ToContainTextAsync("were saved");
        }

        var afterPages = await AnswersAsync(assessmentId);
        Assert.AreEqual(3, afterPages[(await IndicatorsOfAsync(ana, practices[3]))[0]].GetProperty("level").GetInt32(), "Ana kept Ben's answer");
        Assert.AreEqual("Council decision of March", afterPages[(await IndicatorsOfAsync(ana, practices[0]))[0]].GetProperty("note").GetString());
        Assert.IsTrue(afterPages[(await IndicatorsOfAsync(ana, practices[1]))[0]].GetProperty("notApplicable").GetBoolean());
        Assert.IsTrue(afterPages[(await IndicatorsOfAsync(ana, practices[2]))[0]].GetProperty("dontKnow").GetBoolean());

        // The last practice comes from a workbook: first one with a level off the scale, then a good one.
        var last = await IndicatorsOfAsync(ana, practices[^1]);
        await ana.GotoAsync(_site.Url($"/assessments/{assessmentId}"));
        await Expect(ana.Locator(".nlc-unanswered a")).ToHaveCountAsync(last.Length);
        await ana.GetByRole(AriaRole.Link, new() { Name = "Excel" }).ClickAsync();
        await WebSite.CheckAccessibleAsync(ana, "workbook");
        var download = await ana.RunAndWaitForDownloadAsync(() => ana.GetByRole(AriaRole.Link, new() { Name = "Fill-in workbook (.xlsx)" }).ClickAsync());
        var workbook = await File.ReadAllBytesAsync((await download.PathAsync())!);
        await UploadAsync(ana, WorkbookFill.Type(workbook, new Typed(last[0], WorkbookFill.Level, "7")));
        await Expect(ana.Locator(".error-summary")).ToContainTextAsync(new Regex(@"Assessment![A-Z]+\d+"));
        Assert.IsFalse((await AnswersAsync(assessmentId)).ContainsKey(last[0]), "a workbook with a problem writes nothing");
        await WebSite.CheckAccessibleAsync(ana, "workbook-errors");
        await UploadAsync(ana, WorkbookFill.Type(workbook, last.Select(id => new Typed(id, WorkbookFill.Level, "2")).ToArray()));
        await Expect(ana.GetByRole(AriaRole.Status)).ToContainTextAsync($"{last.Length} answers changed");

        await ana.GetByRole(AriaRole.Link, new() { Name = "Overview" }).ClickAsync();
        await Expect(ana.Locator(".nlc-status")).ToHaveTextAsync("Draft, not validated: 39 of 39 indicators answered");
        await ana.GetByRole(AriaRole.Link, new() { Name = "Check your answers and submit" }).ClickAsync();
        await WebSite.CheckAccessibleAsync(ana, "submit");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Submit the assessment" }).ClickAsync();

        await Expect(ana.GetByRole(AriaRole.Status)).ToContainTextAsync("The assessment was submitted");
        await Expect(ana.Locator(".nlc-status")).ToHaveTextAsync("Submitted, not yet validated: 39 of 39 indicators answered");
        await Expect(ana.Locator("svg.chart-radar title")).ToHaveTextAsync("Pillar scores, 0 to 100");
        await Expect(ana.Locator("svg.chart-line title")).ToHaveTextAsync("Scores by period, 0 to 100");
        await Expect(ana.GetByRole(AriaRole.Table, new() { Name = "Pillar scores out of 100" }).Locator("tbody tr")).ToHaveCountAsync(6);
        await Expect(ana.GetByText("is shown once this assessment is validated")).ToBeVisibleAsync();
        await Expect(ana.GetByRole(AriaRole.Table, new() { Name = "Progress from 2024 toward the targets for 2027" }).Locator("tbody tr")).ToHaveCountAsync(2);
        await WebSite.CheckAccessibleAsync(ana, "results");
        using var score = await _site.Server.Client.GetAsync($"/api/v1/assessments/{assessmentId}/score");
        var overall = (await score.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("overall").GetDouble();
        await Expect(ana.Locator(".nlc-overall-value")).ToHaveTextAsync(Math.Round(overall).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [TestMethod]
    public async Task AnotherCitysOfficial_FindsNoneOfTheAssessmentPages()
    {
        var cityId = await _site.CreateCityAsync("Tivat " + Guid.NewGuid().ToString("N")[..6]);
        var assessmentId = await ValidatedAssessmentAsync(cityId, "2024", level: 2);
        var otherCity = await _site.CreateCityAsync("Bar " + Guid.NewGuid().ToString("N")[..6]);
        var stranger = await _site.SignedInAsync($"carl{Guid.NewGuid():N}"[..10] + "@bar.example", "city", otherCity);

        foreach (var path in new[] { "", "/practices/GP01", "/submit", "/results", "/workbook", "/workbook?handler=FillIn" })
        {
            var response = await stranger.GotoAsync(_site.Url($"/assessments/{assessmentId}{path}"));
            Assert.AreEqual((int)HttpStatusCode.NotFound, response!.Status, path);
        }
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static async Task<string[]> IndicatorsAsync(IPage page) =>
        await page.Locator("section.nlc-indicator").EvaluateAllAsync<string[]>("sections => sections.map(s => s.id.substring('indicator-'.length))");

    private static async Task<string[]> IndicatorsOfAsync(IPage page, string practicePath)
    {
        await page.GotoAsync(_site.Url(practicePath));
        return await IndicatorsAsync(page);
    }

    private static Task Choose(IPage page, string indicatorId, string choice) => page.Locator($"[id='choice-{indicatorId}-{choice}']").CheckAsync();

    private static Task SaveAsync(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

    private static async Task UploadAsync(IPage page, byte[] workbook)
    {
        await page.GetByLabel("Workbook file").SetInputFilesAsync(new FilePayload { Name = "filled.xlsx", MimeType = Nlc.Excel.XlsxFile.ContentType, Buffer = workbook });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
    }

    /// <summary>The answers saved now, read with the admin key, by indicator id.</summary>
    private static async Task<Dictionary<string, JsonElement>> AnswersAsync(string assessmentId)
    {
        var assessment = await _site.Server.Client.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{assessmentId}");
        return assessment.GetProperty("answers").EnumerateArray().ToDictionary(a => a.GetProperty("indicatorId").GetString()!, a => a.Clone());
    }

    /// <summary>An assessment of the city for <paramref name="period"/>, every indicator at <paramref name="level"/>, submitted and validated through the API.</summary>
    private static Task<string> ValidatedAssessmentAsync(string cityId, string period, int level) =>
        _site.AssessmentAsync(cityId, period, level, "submit", "validate");
}
