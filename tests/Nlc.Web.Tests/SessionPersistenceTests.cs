using Microsoft.Playwright;

namespace Nlc.Web.Tests;

/// <summary>The keys that protect sign-in cookies live in the database, so a restart of the real server signs nobody out.</summary>
[TestClass]
[TestCategory(TestCategories.External)]
[TestCategory(TestCategories.Slow)]
public sealed class SessionPersistenceTests
{
    [TestMethod]
    public async Task ASignIn_SurvivesARestartOfTheServer()
    {
        await using var site = await WebSite.StartAsync();
        var page = await site.SignedInAsync($"stay-{Guid.NewGuid():N}@hub.example", "hub");
        var cookie = await WebSite.SessionCookieAsync(page);

        await site.RestartServerAsync();
        await page.GotoAsync(site.Url("/"));

        Assert.AreEqual(site.Url("/"), page.Url, "still signed in after the restart");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        Assert.AreEqual(cookie, await WebSite.SessionCookieAsync(page), "the same cookie, read with the keys from the database");
    }
}
