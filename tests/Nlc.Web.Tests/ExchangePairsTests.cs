using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Nlc.Api.Tests;

namespace Nlc.Web.Tests;

/// <summary>
/// The hub's exchange pairs in a real chromium against the real server, on a small hand-made network in a country of its
/// own: who pairs with whom, what each offers, the order (both gain most first), the country and language filters, and a
/// city official's refusal. Checked with axe at two widths.
/// </summary>
[TestClass]
[TestCategory(TestCategories.External)]
public sealed class ExchangePairsTests
{
    private static WebSite _site = null!;

    [ClassInitialize]
    public static async Task StartSite(TestContext context) => _site = await WebSite.StartAsync();

    [ClassCleanup]
    public static async Task StopSite() => await _site.DisposeAsync();

    [TestMethod]
    public async Task TheHub_SeesPairsWhereEachCityIsStrongWhereTheOtherIsWeak_BothGainingMostFirst_FilteredByCountryAndLanguage()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var practices = (await _site.Server.Client.GetFromJsonAsync<JsonElement>("/api/v1/rubrics/nlc")).GetProperty("practices")
            .EnumerateArray().Select(p => (Id: p.GetProperty("id").GetString()!, Title: p.GetProperty("title").GetString()!)).ToArray();
        var (first, second, third) = (practices[0], practices[1], practices[2]);

        // Alpha and Beta each gain 4 levels from the other; Alpha and Gamma 3 each; Beta and Gamma nothing; Delta is elsewhere.
        var alpha = await CityAsync($"Alpha {suffix}", "LU", new() { [first.Id] = 4, [second.Id] = 0, [third.Id] = 0 }, "sq");
        await CityAsync($"Beta {suffix}", "LU", new() { [first.Id] = 0, [second.Id] = 4 }, "sq", "mk");
        var gamma = await CityAsync($"Gamma {suffix}", "LU", new() { [first.Id] = 1, [third.Id] = 3 }, "mk");
        await CityAsync($"Delta {suffix} <i>x</i>", "LI", new() { [first.Id] = 0, [second.Id] = 4 });

        var hub = await _site.SignedInAsync($"hub-{suffix}@hub.example", "hub");
        await hub.GotoAsync(_site.Url("/"));
        await hub.GetByRole(AriaRole.Link, new() { Name = "Exchange pairs" }).ClickAsync();
        await Assertions.Expect(hub.GetByRole(AriaRole.Heading, new() { Name = "Exchange pairs", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(hub.Locator("tbody")).ToContainTextAsync($"Delta {suffix} <i>x</i>");
        Assert.AreEqual(0, await hub.Locator("tbody i").CountAsync(), "a typed city name stays text");

        await hub.Locator("#filter-country").SelectOptionAsync("LU");
        await hub.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        var rows = hub.Locator("table.exchange-pairs tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(hub.Locator(".exchange-count")).ToHaveTextAsync("Pairs found: 2");
        await Assertions.Expect(hub.Locator("tbody")).Not.ToContainTextAsync($"Delta {suffix}");

        var best = rows.Nth(0);
        await Assertions.Expect(best.Locator("th")).ToContainTextAsync($"Alpha {suffix}");
        await Assertions.Expect(best.Locator("th")).ToContainTextAsync($"Beta {suffix}");
        await Assertions.Expect(best.Locator("td").Nth(0)).ToContainTextAsync($"{first.Title}: level 4, the other city level 0");
        await Assertions.Expect(best.Locator("td").Nth(1)).ToContainTextAsync($"{second.Title}: level 4, the other city level 0");
        await Assertions.Expect(best.Locator("td").Nth(2)).ToHaveTextAsync($"Alpha {suffix}: 4; Beta {suffix}: 4");
        var next = rows.Nth(1);
        await Assertions.Expect(next.Locator("th")).ToContainTextAsync($"Gamma {suffix}");
        await Assertions.Expect(next.Locator("td").Nth(0)).ToContainTextAsync($"{first.Title}: level 4, the other city level 1");
        await Assertions.Expect(next.Locator("td").Nth(1)).ToContainTextAsync($"{third.Title}: level 3, the other city level 0");
        await Assertions.Expect(next.Locator("td").Nth(2)).ToHaveTextAsync($"Alpha {suffix}: 3; Gamma {suffix}: 3");
        await Assertions.Expect(next.Locator("th a").Nth(1)).ToHaveAttributeAsync("href", $"/hub/cities/{gamma}");
        await WebSite.CheckAccessibleAsync(hub, "exchange-pairs");
        await WebSite.SaveForReadmeAsync(hub, "exchange-pairs");

        await hub.GetByRole(AriaRole.Button, new() { Name = "Македонски" }).ClickAsync();
        await Assertions.Expect(hub.GetByRole(AriaRole.Heading, new() { Name = "Парови за размена", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(best.Locator("td").Nth(0)).ToContainTextAsync(": ниво 4, другиот град ниво 0");
        await Assertions.Expect(hub.Locator(".exchange-count")).ToHaveTextAsync("Пронајдени парови: 2");
        await WebSite.CheckAccessibleAsync(hub, "mk-exchange-pairs");
        await hub.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(hub.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await hub.Locator("#filter-language").SelectOptionAsync("sq");
        await hub.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.Nth(0).Locator("th")).ToContainTextAsync($"Beta {suffix}");
        Assert.AreEqual("LU", await hub.Locator("#filter-country").InputValueAsync(), "the filters stay chosen");

        await hub.Locator("#filter-language").SelectOptionAsync("mk");
        await hub.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(0);
        await Assertions.Expect(hub.Locator("main")).ToContainTextAsync("No pair matches.");
        await WebSite.CheckAccessibleAsync(hub, "exchange-pairs-none");

        var official = await _site.SignedInAsync($"lsc-{suffix}@alpha.example", "city", alpha);
        await official.GotoAsync(_site.Url("/hub/exchange-pairs"));
        StringAssert.Contains(official.Url, "/error/403", "the hub's pairs are not for city officials");
        StringAssert.DoesNotMatch(await official.ContentAsync(), new System.Text.RegularExpressions.Regex($"Beta {suffix}"));
        Assert.AreEqual(0, await official.GetByRole(AriaRole.Link, new() { Name = "Exchange pairs" }).CountAsync(), "nor linked for them");
    }

    /// <summary>A city of <paramref name="country"/> with a validated assessment, every practice at level 2 unless <paramref name="levels"/> says otherwise, consenting in <paramref name="languages"/> when any are given.</summary>
    private static async Task<string> CityAsync(string name, string country, Dictionary<string, int> levels, params string[] languages)
    {
        var id = await _site.CreateCityAsync(name, country);
        await _site.AssessmentAsync(id, "2025", practice => levels.GetValueOrDefault(practice, 2), "submit", "validate");
        if (languages.Length > 0)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/cities/{id}/contact-consent") { Content = JsonContent.Create(new { practiceIds = levels.Keys.ToArray(), languages }) };
            request.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
            using var consent = await _site.Server.Client.SendAsync(request);
            Assert.AreEqual(System.Net.HttpStatusCode.OK, consent.StatusCode, await consent.Content.ReadAsStringAsync());
        }

        return id;
    }
}
