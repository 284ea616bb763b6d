using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Nlc.Api.Tests;

namespace Nlc.Web.Tests;

/// <summary>
/// An admin's people and keys pages in a real chromium against the real server: a city user invited on the page signs in
/// and sees only their city, then gets a second one; an API key created on the page works against the API until it is
/// revoked on the page. Every page checked with axe at two widths.
/// </summary>
[TestClass]
[TestCategory(TestCategories.External)]
public sealed class PeopleAndKeysTests
{
    private static WebSite _site = null!;

    [ClassInitialize]
    public static async Task StartSite(TestContext context) => _site = await WebSite.StartAsync();

    [ClassCleanup]
    public static async Task StopSite() => await _site.DisposeAsync();

    [TestMethod]
    public async Task AnAdmin_InvitesACityUserOnThePage_WhoSeesOnlyTheirCity_UntilGivenAnother()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var kotor = "Kotor " + suffix;
        var kotorId = await _site.CreateCityAsync(kotor);
        var herceg = "Herceg Novi " + suffix;
        var hercegId = await _site.CreateCityAsync(herceg);
        var admin = await _site.SignedInAsync($"admin-{suffix}@hub.example", "admin");

        await admin.GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
        var email = $"mira-{suffix}@kotor.example";
        await admin.Locator("#Email").FillAsync(email);
        await admin.Locator("#DisplayName").FillAsync("Mira " + suffix);
        await admin.Locator("#Role-city").CheckAsync();
        await admin.Locator("#CityIds").SelectOptionAsync(kotorId);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create invitation link" }).ClickAsync();
        var link = await admin.Locator("#invitation-link").TextContentAsync();

        var mira = await _site.NewPageAsync();
        await WebSite.SetPasswordAsync(mira, link!);
        await _site.SignInAsync(mira, email);
        await Expect(mira.Locator("section.city h2")).ToHaveTextAsync([new Regex(Regex.Escape(kotor))]);
        var other = await mira.GotoAsync(_site.Url($"/cities/{hercegId}"));
        Assert.AreEqual(404, other!.Status, "another city is not found");
        await mira.GotoAsync(_site.Url("/hub"));
        StringAssert.Contains(mira.Url, "/error/403", "the hub's pages are not for city users");

        await admin.GetByRole(AriaRole.Link, new() { Name = $"Change the role and cities of Mira {suffix}" }).ClickAsync();
        await WebSite.CheckAccessibleAsync(admin, "admin-access");
        await admin.Locator("#CityIds").SelectOptionAsync([kotorId, hercegId]);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save the role and cities" }).ClickAsync();
        await Expect(admin.Locator(".notice")).ToHaveTextAsync($"The role and cities of {email} are changed.");

        await mira.GotoAsync(_site.Url("/"));
        await Expect(mira.Locator("section.city h2")).ToHaveCountAsync(2);
        Assert.AreEqual(200, (await mira.GotoAsync(_site.Url($"/cities/{hercegId}")))!.Status, "the new city is visible at once");
    }

    [TestMethod]
    public async Task AKeyCreatedOnThePage_WorksAgainstTheApi_AndStopsWhenRevokedOnThePage()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var admin = await _site.SignedInAsync($"admin-{suffix}@hub.example", "admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = "API keys" }).ClickAsync();
        await WebSite.CheckAccessibleAsync(admin, "admin-keys");

        await admin.GetByRole(AriaRole.Button, new() { Name = "Create the key" }).ClickAsync();
        await Expect(admin.Locator(".error-summary a[href='#Name']")).ToHaveTextAsync("Enter whom the key is for, in 1 to 200 characters");
        await Expect(admin.Locator(".error-summary a[href='#Role']")).ToHaveTextAsync("Choose the key's role");
        await WebSite.CheckAccessibleAsync(admin, "admin-keys-errors");

        var name = "Statistics office " + suffix;
        await admin.GetByLabel("Whom the key is for").FillAsync(name);
        await admin.Locator("#Role-hub").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create the key" }).ClickAsync();
        var secret = (await admin.Locator("#new-key").TextContentAsync())!.Trim();
        await WebSite.CheckAccessibleAsync(admin, "admin-keys-created");

        using var client = _site.Server.ClientFor(secret);
        using (var response = await client.GetAsync("/api/v1/cities"))
        {
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, "the new key works");
        }

        await admin.ReloadAsync();
        await Expect(admin.Locator("#new-key")).ToHaveCountAsync(0);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Revoke " + name }).ClickAsync();
        await Expect(admin.Locator(".notice")).ToHaveTextAsync($"The key {name} is revoked; it no longer works.");
        using (var response = await client.GetAsync("/api/v1/cities"))
        {
            Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode, "the revoked key no longer works");
        }

        var hub = await _site.SignedInAsync($"hub-{suffix}@hub.example", "hub");
        await hub.GotoAsync(_site.Url("/admin/keys"));
        StringAssert.Contains(hub.Url, "/error/403", "keys are for admins only");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
