using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Nlc.Api.Tests;

namespace Nlc.Web.Tests;

/// <summary>
/// A case note's whole workflow in a real chromium against the real server: an official writes a draft and submits it,
/// the hub returns it with a reason the official reads, the official changes and resubmits it, the hub publishes it.
/// Typed markup stays text, another city's official cannot reach it, and each page passes axe at two widths.
/// </summary>
[TestClass]
[TestCategory(TestCategories.External)]
public sealed class CaseNoteTests
{
    private static WebSite _site = null!;

    [ClassInitialize]
    public static async Task StartSite(TestContext context) => _site = await WebSite.StartAsync();

    [ClassCleanup]
    public static async Task StopSite() => await _site.DisposeAsync();

    [TestMethod]
    public async Task ACaseNote_GoesFromDraftToSubmitted_BackWithAReason_AndIsPublishedOnceTheHubApproves()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var cityId = await _site.CreateCityAsync("Kumanovo " + suffix);
        var official = await _site.SignedInAsync($"cat-{suffix}@kumanovo.example", "city", cityId);

        await official.GotoAsync(_site.Url($"/cities/{cityId}"));
        await official.GetByRole(AriaRole.Link, new() { Name = "Case notes", Exact = true }).ClickAsync();
        await official.GetByRole(AriaRole.Link, new() { Name = "Write a case note" }).ClickAsync();
        await official.GetByRole(AriaRole.Button, new() { Name = "Save the draft" }).ClickAsync();
        await Assertions.Expect(official.Locator(".error-summary a[href='#Title']")).ToHaveTextAsync("Headline: this is required");
        await Assertions.Expect(official.Locator(".error-summary a[href='#ChallengeText']")).ToHaveTextAsync("Challenge: this is required");
        await WebSite.CheckAccessibleAsync(official, "case-note-errors");

        await official.GetByLabel("Practice").SelectOptionAsync("GP08");
        await official.GetByLabel("Headline").FillAsync("Community Action Team <b>after an exchange</b>");
        await official.GetByLabel("Challenge").FillAsync("Young people were not heard by the Local Safety Council.");
        await official.GetByLabel("Approach").FillAsync("A Community Action Team, after a city exchange.");
        await official.GetByLabel("Impact").FillAsync("Two projects in the Local CVE Action Plan.");
        await official.GetByLabel("Who to contact").FillAsync("LSC coordinator");
        await official.GetByRole(AriaRole.Button, new() { Name = "Save the draft" }).ClickAsync();
        await Assertions.Expect(official.GetByRole(AriaRole.Status)).ToHaveTextAsync("The draft is saved.");
        await official.GetByRole(AriaRole.Button, new() { Name = "Submit to the hub" }).ClickAsync();
        await Assertions.Expect(official.Locator(".nlc-status")).ToHaveTextAsync("Status: Submitted to the hub");
        await Assertions.Expect(official.GetByRole(AriaRole.Button, new() { Name = "Save the draft" })).ToHaveCountAsync(0);
        var noteUrl = official.Url;

        var hub = await _site.SignedInAsync($"hub-{suffix}@hub.example", "hub");
        await hub.GetByRole(AriaRole.Link, new() { Name = "Case notes", Exact = true }).ClickAsync();
        await WebSite.CheckAccessibleAsync(hub, "hub-case-notes");
        await hub.GetByRole(AriaRole.Link, new() { Name = "Community Action Team <b>after an exchange</b>" }).ClickAsync();
        Assert.AreEqual(0, await hub.Locator("h1 b").CountAsync(), "typed markup stays text");
        await hub.GetByRole(AriaRole.Button, new() { Name = "Return with this reason" }).ClickAsync();
        await Assertions.Expect(hub.Locator(".error-summary a[href='#Reason']")).ToHaveTextAsync("Write why the note goes back to the city, so its officials know what to change.");
        await WebSite.CheckAccessibleAsync(hub, "hub-case-note-review");
        await hub.GetByLabel("Why does the note go back to the city?").FillAsync("Name the two projects, please.");
        await hub.GetByRole(AriaRole.Button, new() { Name = "Return with this reason" }).ClickAsync();
        await Assertions.Expect(hub.GetByRole(AriaRole.Status)).ToHaveTextAsync("The case note is returned to the city.");

        await official.GotoAsync(_site.Url($"/cities/{cityId}/case-notes"));
        await Assertions.Expect(official.Locator("tbody td").Nth(1)).ToContainTextAsync("The hub returned it: Name the two projects, please.");
        await WebSite.CheckAccessibleAsync(official, "case-notes");
        await official.GotoAsync(noteUrl);
        await official.GetByLabel("Impact").FillAsync("Two projects in the Local CVE Action Plan: a youth forum and a school mediation programme.");
        await official.GetByRole(AriaRole.Button, new() { Name = "Save the draft" }).ClickAsync();
        await official.GetByRole(AriaRole.Button, new() { Name = "Submit to the hub" }).ClickAsync();
        await Assertions.Expect(official.Locator(".nlc-status")).ToHaveTextAsync("Status: Submitted to the hub");

        await hub.GotoAsync(noteUrl);
        await hub.GetByRole(AriaRole.Button, new() { Name = "Publish this case note" }).ClickAsync();
        await Assertions.Expect(hub.Locator(".nlc-status")).ToHaveTextAsync("Status: Published to the network");

        var noteId = noteUrl[(noteUrl.LastIndexOf('/') + 1)..];
        var stored = await _site.Server.Client.GetFromJsonAsync<JsonElement>($"/api/v1/case-notes/{noteId}");
        Assert.AreEqual("published", stored.GetProperty("status").GetString());
        StringAssert.Contains(stored.GetProperty("impact").GetString(), "school mediation", "the change made after the return is what was published");

        var otherCity = await _site.CreateCityAsync("Bar " + suffix);
        var stranger = await _site.SignedInAsync($"cat-{suffix}@bar.example", "city", otherCity);
        var response = await stranger.GotoAsync(noteUrl);
        Assert.AreEqual(404, response!.Status, "another city's note is not there for them");
    }
}
