using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Nlc.Api.Tests;

namespace Nlc.Web.Tests;

/// <summary>
/// The hub's pages in a real chromium against the real server seeded with the demo network: the overview filtered to one
/// country, the heat map and its workbook, the review queue (validate one, reopen another with a reason the city then
/// reads), a city's page; every page checked with axe at two widths. The overview and heat map are photographed for the README.
/// </summary>
[TestClass]
[TestCategory(TestCategories.External)]
public sealed class HubTests
{
    private static WebSite _site = null!;

    [ClassInitialize]
    public static async Task StartSite(TestContext context) => _site = await WebSite.StartAsync(null, "--seed-demo");

    [ClassCleanup]
    public static async Task StopSite() => await _site.DisposeAsync();

    [TestMethod]
    public async Task AHubUser_FiltersTheNetworkToOneCountry_AndOpensTheHeatMap()
    {
        var hub = await _site.SignedInAsync($"hub-{Guid.NewGuid():N}@hub.example", "hub");
        await hub.GetByRole(AriaRole.Link, new() { Name = "Network", Exact = true }).ClickAsync();
        await WebSite.CheckAccessibleAsync(hub, "hub-overview");
        await Expect(hub.Locator("#cities-count")).ToContainTextAsync("of 44");

        await hub.GetByLabel("Country").SelectOptionAsync("XK");
        await hub.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(hub).ToHaveURLAsync(new Regex("country=XK"));
        var countries = await hub.Locator(".hub-network tbody tr td:nth-child(2)").AllTextContentsAsync();
        Assert.IsGreaterThan(1, countries.Count, "the demo network has several cities in Kosovo");
        Assert.IsTrue(countries.All(c => c == "XK"), "only Kosovo's cities are left: " + string.Join(", ", countries));
        Assert.IsTrue((await hub.Locator(".hub-counts tbody tr").AllTextContentsAsync()).Count >= 3, "counts for each demo period");
        await hub.GetByRole(AriaRole.Link, new() { Name = "Population" }).ClickAsync();
        var populations = (await hub.Locator(".hub-network tbody tr td:nth-child(4)").AllTextContentsAsync()).Select(p => long.Parse(p.Replace(",", ""))).ToArray();
        CollectionAssert.AreEqual(populations.Order().ToArray(), populations, "sorted by population, smallest first");
        await Expect(hub.Locator("th[aria-sort='ascending']")).ToContainTextAsync("Population");
        await WebSite.CheckAccessibleAsync(hub, "hub-overview-filtered");
        await WebSite.SaveForReadmeAsync(hub, "hub-overview");

        await hub.GetByRole(AriaRole.Link, new() { Name = "Heat map" }).ClickAsync();
        await hub.GetByLabel("Country").SelectOptionAsync("XK");
        await hub.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(hub.Locator(".heat-map tfoot th")).ToHaveTextAsync(["Upper quartile", "Median", "Lower quartile"]);
        var firstRow = await hub.Locator(".heat-map tbody tr").First.Locator("td").AllTextContentsAsync();
        Assert.AreEqual(14, firstRow.Count, "the index and thirteen practices");
        Assert.IsTrue(firstRow.All(cell => cell == "–" || int.TryParse(cell, out var score) && score is >= 0 and <= 100), "every cell shows its number: " + string.Join(" ", firstRow));
        await WebSite.CheckAccessibleAsync(hub, "hub-heat-map");
        await WebSite.SaveForReadmeAsync(hub, "hub-heat-map");

        var download = await hub.RunAndWaitForDownloadAsync(() => hub.GetByRole(AriaRole.Link, new() { Name = "Download as the hub comparison workbook (Excel)" }).ClickAsync());
        StringAssert.EndsWith(download.SuggestedFilename, ".xlsx");
        var workbook = await File.ReadAllBytesAsync((await download.PathAsync())!);
        CollectionAssert.AreEqual("PK"u8.ToArray(), workbook[..2], "a workbook (a zip)");

        await hub.GetByRole(AriaRole.Link, new() { Name = "By pillar" }).ClickAsync();
        var pillars = (await _site.Server.Client.GetFromJsonAsync<JsonElement>("/api/v1/rubrics/nlc")).GetProperty("pillars").GetArrayLength();
        Assert.AreEqual(1 + pillars, await hub.Locator(".heat-map tbody tr").First.Locator("td").CountAsync(), "the index and each pillar");
        await WebSite.CheckAccessibleAsync(hub, "hub-heat-map-pillars");

        await hub.GetByRole(AriaRole.Link, new() { Name = "Trends and benchmarks" }).ClickAsync();
        await Expect(hub.Locator("#trend-caption + thead + tbody tr")).ToHaveCountAsync(3);
        await Expect(hub.Locator(".hub-benchmark tbody tr").First.Locator("td").Nth(0)).ToContainTextAsync("Median");
        await Expect(hub.Locator(".hub-benchmark tbody tr").First.Locator("td").Nth(1)).ToContainTextAsync("Median in");
        await WebSite.CheckAccessibleAsync(hub, "hub-trends");
        await hub.GetByLabel("Country").SelectOptionAsync("XK");
        await hub.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(hub.Locator(".hub-withheld")).ToContainTextAsync("A city or partner would be shown nothing of this group");
        await Expect(hub.Locator(".hub-benchmark tbody tr").First.Locator("td").Nth(0)).ToContainTextAsync("7 cities");
    }

    [TestMethod]
    public async Task AHubUser_ValidatesOneSubmittedAssessment_AndReopensAnotherWithAReasonTheCitySees()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var tivatId = await _site.CreateCityAsync("Tivat " + suffix);
        var barId = await _site.CreateCityAsync("Bar " + suffix);
        var tivat = await _site.AssessmentAsync(tivatId, "2025", 2, "submit");
        var bar = await _site.AssessmentAsync(barId, "2025", 3, "submit");
        var hub = await _site.SignedInAsync($"hub-{suffix}@hub.example", "hub");

        await hub.GetByRole(AriaRole.Link, new() { Name = "Review queue" }).ClickAsync();
        await WebSite.CheckAccessibleAsync(hub, "hub-reviews");
        var queue = (await hub.Locator("tbody th").AllTextContentsAsync()).ToList();
        Assert.IsLessThan(queue.FindIndex(c => c.StartsWith("Bar " + suffix)), queue.FindIndex(c => c.StartsWith("Tivat " + suffix)), "oldest submission first");

        await hub.GetByRole(AriaRole.Link, new() { Name = $"Review Tivat {suffix}, 2025" }).ClickAsync();
        await Expect(hub.Locator("dd").First).ToContainTextAsync("Level 2");
        await Expect(hub.Locator("dd").First).ToContainTextAsync("https://example.org/");
        await WebSite.CheckAccessibleAsync(hub, "hub-review");
        await hub.GetByRole(AriaRole.Button, new() { Name = "Validate this assessment" }).ClickAsync();
        await Expect(hub.Locator(".notice")).ToHaveTextAsync($"The assessment of Tivat {suffix} for 2025 is validated.");
        await Expect(hub.GetByRole(AriaRole.Link, new() { Name = $"Review Tivat {suffix}, 2025" })).ToHaveCountAsync(0);

        await hub.GetByRole(AriaRole.Link, new() { Name = $"Review Bar {suffix}, 2025" }).ClickAsync();
        await hub.GetByRole(AriaRole.Button, new() { Name = "Reopen and send back" }).ClickAsync();
        await Expect(hub.Locator(".error-summary a[href='#Reason']")).ToHaveTextAsync("Enter why the assessment goes back to the city");
        Assert.AreEqual("submitted", await StatusAsync(bar), "nothing changes without a reason");
        await WebSite.CheckAccessibleAsync(hub, "hub-review-errors");
        const string Reason = "GP03: the evidence links point to a draft decision; attach the adopted one.";
        await hub.GetByLabel("Why does this assessment go back to the city?").FillAsync(Reason);
        await hub.GetByRole(AriaRole.Button, new() { Name = "Reopen and send back" }).ClickAsync();
        await Expect(hub.Locator(".notice")).ToHaveTextAsync($"The assessment of Bar {suffix} for 2025 is back with the city as a draft.");

        Assert.AreEqual("validated", await StatusAsync(tivat));
        Assert.AreEqual("draft", await StatusAsync(bar));
        var trail = await _site.Server.Client.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{bar}/audit");
        var reopened = trail.GetProperty("items").EnumerateArray().Last();
        Assert.AreEqual("assessment.reopened", reopened.GetProperty("action").GetString());
        StringAssert.Contains(reopened.GetRawText(), "attach the adopted one", "the reason is in the audit trail");

        var city = await _site.SignedInAsync($"city-{suffix}@bar.example", "city", barId);
        await city.GotoAsync(_site.Url($"/assessments/{bar}"));
        await Expect(city.Locator(".hub-reopened__reason")).ToHaveTextAsync(Reason);
        await WebSite.CheckAccessibleAsync(city, "assessment-reopened");

        await hub.GotoAsync(_site.Url($"/hub/cities/{barId}"));
        await Expect(hub.Locator(".hub-audit tbody tr").First).ToContainTextAsync("reopened");
        await WebSite.CheckAccessibleAsync(hub, "hub-city");
    }

    [TestMethod]
    public async Task HubPages_AreForHubAndAdminUsersOnly()
    {
        var cityId = await _site.CreateCityAsync("Cetinje " + Guid.NewGuid().ToString("N")[..6]);
        var city = await _site.SignedInAsync($"city-{Guid.NewGuid():N}@cetinje.example", "city", cityId);
        var partner = await _site.SignedInAsync($"partner-{Guid.NewGuid():N}@partner.example", "partner");
        foreach (var page in new[] { city, partner })
        {
            foreach (var path in new[] { "/hub", "/hub/reviews", "/hub/heat-map", "/hub/trends", $"/hub/cities/{cityId}" })
            {
                await page.GotoAsync(_site.Url(path));
                StringAssert.Contains(page.Url, "/error/403", path);
            }

            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Network", Exact = true })).ToHaveCountAsync(0);
        }
    }

    private static async Task<string> StatusAsync(string assessmentId) =>
        (await _site.Server.Client.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{assessmentId}")).GetProperty("status").GetString()!;

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
