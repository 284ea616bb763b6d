using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Nlc.Api.Tests;

namespace Nlc.Web.Tests;

/// <summary>
/// The results page's suggestions in a real chromium against the real server: a weak city sees a strong city's published
/// case note and, only while that city consents (set and withdrawn on its consent page), the city itself as a contact;
/// a strong city that never consented is named nowhere on the page. Checked with axe at two widths.
/// </summary>
[TestClass]
[TestCategory(TestCategories.External)]
public sealed class PeerSuggestionTests
{
    private static WebSite _site = null!;

    [ClassInitialize]
    public static async Task StartSite(TestContext context) => _site = await WebSite.StartAsync();

    [ClassCleanup]
    public static async Task StopSite() => await _site.DisposeAsync();

    [TestMethod]
    public async Task AConsentSavedByAnotherOfficialMeanwhile_IsNotOverwritten_TheChoicesStay_AndASecondSaveReplacesIt()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var cityId = await _site.CreateCityAsync("Berane " + suffix);
        var first = await _site.SignedInAsync($"ana-{suffix}@berane.example", "city", cityId);
        var second = await _site.SignedInAsync($"edin-{suffix}@berane.example", "city", cityId);
        await first.GotoAsync(_site.Url($"/cities/{cityId}/contact-consent"));
        await second.GotoAsync(_site.Url($"/cities/{cityId}/contact-consent"));

        await first.Locator("#practice-GP01").CheckAsync();
        await first.Locator("#language-sq").CheckAsync();
        await first.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(first.Locator(".notice")).ToContainTextAsync("Practices your city can be contacted about: 1.");

        await second.Locator("#practice-GP05").CheckAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(second.Locator(".error-summary")).ToContainTextAsync("Someone else saved this consent while you were choosing. Nothing was saved.");
        await Assertions.Expect(second.Locator(".notice--warning")).ToContainTextAsync("GP01");
        await Assertions.Expect(second.Locator(".notice--warning")).ToContainTextAsync("Shqip");
        await Assertions.Expect(second.Locator("#practice-GP05")).ToBeCheckedAsync();
        await Assertions.Expect(second.Locator("#practice-GP01")).Not.ToBeCheckedAsync();
        var saved = await _site.Server.Client.GetFromJsonAsync<JsonElement>($"/api/v1/cities/{cityId}/contact-consent");
        CollectionAssert.AreEqual(new[] { "GP01" }, saved.GetProperty("practiceIds").EnumerateArray().Select(p => p.GetString()).ToArray(), "the first save stands");
        await WebSite.CheckAccessibleAsync(second, "contact-consent-stale");

        await second.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(second.Locator(".notice")).ToContainTextAsync("Practices your city can be contacted about: 1.");
        saved = await _site.Server.Client.GetFromJsonAsync<JsonElement>($"/api/v1/cities/{cityId}/contact-consent");
        CollectionAssert.AreEqual(new[] { "GP05" }, saved.GetProperty("practiceIds").EnumerateArray().Select(p => p.GetString()).ToArray(), "the second save, made knowing, replaces it");
    }

    [TestMethod]
    public async Task AWeakCity_SeesAPublishedCaseNote_AndAConsentingCityOnlyWhileItConsents()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var weakId = await _site.CreateCityAsync("Tivat " + suffix);
        var consentingId = await _site.CreateCityAsync("Kumanovo " + suffix);
        var silentId = await _site.CreateCityAsync("Silentgrad " + suffix);
        var weak = await _site.AssessmentAsync(weakId, "2025", 1, "submit", "validate");
        await _site.AssessmentAsync(consentingId, "2025", 4, "submit", "validate");
        await _site.AssessmentAsync(silentId, "2025", 4, "submit", "validate");
        var practices = (await _site.Server.Client.GetFromJsonAsync<JsonElement>("/api/v1/rubrics/nlc")).GetProperty("practices")
            .EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToArray();
        var kumanovo = await _site.SignedInAsync($"lsc-{suffix}@kumanovo.example", "city", consentingId);
        await kumanovo.GotoAsync(_site.Url($"/cities/{consentingId}/contact-consent"));
        foreach (var practice in practices)
        {
            await kumanovo.Locator($"#practice-{practice}").CheckAsync();
        }

        await kumanovo.Locator("#language-mk").CheckAsync();
        await kumanovo.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(kumanovo.Locator(".notice")).ToContainTextAsync($"Practices your city can be contacted about: {practices.Length}.");
        await WebSite.CheckAccessibleAsync(kumanovo, "contact-consent");
        var suggested = (await _site.Server.Client.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{weak}/suggestions"))
            .GetProperty("practices")[0].GetProperty("practiceId").GetString()!;
        const string Title = "Community Action Team <b>after a city exchange</b>";
        await PublishCaseNoteAsync(consentingId, suggested, Title);

        var official = await _site.SignedInAsync($"lsc-{suffix}@tivat.example", "city", weakId);
        await official.GotoAsync(_site.Url($"/assessments/{weak}/results"));
        var section = official.Locator($"section[aria-labelledby='suggestion-{suggested}']");
        await Assertions.Expect(section.Locator(".case-note h4")).ToContainTextAsync(Title);
        await Assertions.Expect(section.Locator(".case-note h4")).ToContainTextAsync("Kumanovo " + suffix);
        Assert.AreEqual(0, await section.Locator(".case-note b").CountAsync(), "typed markup stays text");
        await Assertions.Expect(section.Locator(".peer-contacts li")).ToContainTextAsync("Kumanovo " + suffix);
        StringAssert.DoesNotMatch(await official.ContentAsync(), new System.Text.RegularExpressions.Regex("Silentgrad"), "a city that never consented is named nowhere");
        await WebSite.CheckAccessibleAsync(official, "results-suggestions");
        await WebSite.SaveForReadmeAsync(official, "peer-suggestions");

        foreach (var practice in practices)
        {
            await kumanovo.Locator($"#practice-{practice}").UncheckAsync();
        }

        await kumanovo.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(kumanovo.Locator(".notice")).ToContainTextAsync("not offered as a contact for any practice");
        var consent = await _site.Server.Client.GetFromJsonAsync<JsonElement>($"/api/v1/cities/{consentingId}/contact-consent");
        Assert.AreEqual(0, consent.GetProperty("practiceIds").GetArrayLength(), "withdrawn");
        var stranger = await _site.SignedInAsync($"lsc-{suffix}@tivat2.example", "city", weakId);
        var refused = await stranger.GotoAsync(_site.Url($"/cities/{consentingId}/contact-consent"));
        Assert.AreEqual(404, refused!.Status, "another city's consent page is not there for them");
        await official.ReloadAsync();
        await Assertions.Expect(section.Locator(".peer-contacts li")).ToHaveCountAsync(0);
        await Assertions.Expect(section.Locator(".case-note h4")).ToContainTextAsync(Title, new() { Timeout = 5_000 });
    }

    private static async Task PublishCaseNoteAsync(string cityId, string practiceId, string title)
    {
        var client = _site.Server.Client;
        using var created = await client.PostAsJsonAsync($"/api/v1/cities/{cityId}/case-notes", new
        {
            practiceId, title, challenge = "Young people left out of the LSC.", approach = "A Community Action Team.", impact = "Two projects in the Local CVE Action Plan.", contactRole = "LSC coordinator",
        });
        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var etag = created.Headers.ETag!.Tag;
        foreach (var step in new[] { "submit", "approve" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/case-notes/{id}/{step}");
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            using var response = await client.SendAsync(request);
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
            etag = response.Headers.ETag!.Tag;
        }
    }
}
