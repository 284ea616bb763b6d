using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Nlc.Api.Tests;
using Nlc.Storage;

namespace Nlc.Web.Tests;

/// <summary>
/// People at the door, in a real chromium against the real server: invitations, passwords, sign-in and lockout, sign-out,
/// disabled accounts, cities that are not theirs, cookies and keys kept apart; every page checked with axe at two widths.
/// </summary>
[TestClass]
[TestCategory(TestCategories.External)]
public sealed class SignInTests
{
    private static WebSite _site = null!;

    [ClassInitialize]
    public static async Task StartSite(TestContext context) => _site = await WebSite.StartAsync();

    [ClassCleanup]
    public static async Task StopSite() => await _site.DisposeAsync();

    [TestMethod]
    public async Task AnInvitedCityUser_SetsAPassword_SignsIn_AndStartsAnAssessmentOfTheirCity()
    {
        var cityName = "Budva " + Guid.NewGuid().ToString("N")[..6];
        var cityId = await _site.CreateCityAsync(cityName);
        var email = $"ana-{Guid.NewGuid():N}@budva.example";
        var page = await _site.NewPageAsync();

        await page.GotoAsync(await _site.InviteAsync(email, "city", cityId));
        await WebSite.CheckAccessibleAsync(page, "invitation");
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(WebSite.Password);
        await page.GetByLabel("Confirm the new password").FillAsync("something else entirely");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Expect(page.Locator(".error-summary a[href='#ConfirmPassword']")).ToHaveTextAsync("Enter the same password twice");
        await WebSite.CheckAccessibleAsync(page, "invitation-errors");
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(WebSite.Password);
        await page.GetByLabel("Confirm the new password").FillAsync(WebSite.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/sign-in$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password is set");
        await WebSite.CheckAccessibleAsync(page, "sign-in");

        await _site.SignInAsync(page, email);
        await Assertions.Expect(page).ToHaveURLAsync(_site.Url("/"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = cityName })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await WebSite.CheckAccessibleAsync(page, "home");

        await page.GetByLabel($"Start an assessment of {cityName} for the period").FillAsync("2025-X");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the assessment" }).ClickAsync();
        await Expect(page.Locator(".error-summary a[href='#Period']")).ToContainTextAsync("Enter the period as a year, half-year, quarter or month");
        await Expect(page.GetByLabel($"Start an assessment of {cityName} for the period")).ToHaveValueAsync("2025-X");
        await WebSite.CheckAccessibleAsync(page, "city-errors");
        await page.GetByLabel($"Start an assessment of {cityName} for the period").FillAsync("2025-H1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the assessment" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"The assessment of {cityName} for 2025-H1 has started.");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "2025-H1" })).ToContainTextAsync("Draft");
        await WebSite.CheckAccessibleAsync(page, "city");

        var stored = await new AssessmentStore(new SqliteDatabase(_site.Server.DatabasePath), TimeProvider.System).ListAllAsync(cityId, new AssessmentFilter());
        Assert.AreEqual("2025-H1", stored.Single().Period);
    }

    [TestMethod]
    public async Task TheFirstAdmin_FromTheConsoleLink_InvitesSomeone_WhoseLinkIsShownOnlyOnce()
    {
        var cityName = "Kotor " + Guid.NewGuid().ToString("N")[..6];
        await _site.CreateCityAsync(cityName);
        var page = await _site.NewPageAsync();
        await WebSite.SetPasswordAsync(page, await _site.FirstAdminLinkAsync());
        await _site.SignInAsync(page, "admin@localhost");

        await page.GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
        await WebSite.CheckAccessibleAsync(page, "users");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create invitation link" }).ClickAsync();
        await Expect(page.Locator(".error-summary li")).ToHaveCountAsync(3);
        await WebSite.CheckAccessibleAsync(page, "users-errors");
        var email = $"mila-{Guid.NewGuid():N}@kotor.example";
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Mila");
        await page.GetByLabel("City – fills in the assessments of their cities").CheckAsync();
        await page.GetByLabel("Cities (city users only)").SelectOptionAsync(new SelectOptionValue { Label = $"{cityName} (ME)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Create invitation link" }).ClickAsync();
        var link = await page.Locator("#invitation-link").TextContentAsync();
        StringAssert.StartsWith(link, _site.Url("/invitations/"));
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = email })).ToContainTextAsync("Invited");
        await WebSite.CheckAccessibleAsync(page, "users-invited");
        // The README's picture of this step (docs/web-invitation-link.png is a copy of it).
        await page.ScreenshotAsync(new() { Path = Path.Combine(WebSite.ScreenshotFolder, "readme-invitation-link.png"), Clip = new() { X = 0, Y = 0, Width = 1280, Height = 420 } });

        await page.ReloadAsync();
        await Expect(page.Locator("#invitation-link")).ToHaveCountAsync(0);

        var invited = await _site.NewPageAsync();
        await WebSite.SetPasswordAsync(invited, link!);
        await _site.SignInAsync(invited, email);
        await Expect(invited.GetByRole(AriaRole.Heading, new() { Name = cityName })).ToBeVisibleAsync();
        await invited.GotoAsync(link!);
        await Expect(invited.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This invitation link does not work");
        await WebSite.CheckAccessibleAsync(invited, "invitation-used");
    }

    [TestMethod]
    public async Task FiveWrongPasswords_LockTheAccount_AndAnUnknownEmailGetsTheSameMessage()
    {
        var email = $"lock-{Guid.NewGuid():N}@city.example";
        var page = await _site.NewPageAsync();
        await WebSite.SetPasswordAsync(page, await _site.InviteAsync(email, "hub"));

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await _site.SignInAsync(page, email, "wrong password " + attempt);
            await Expect(page.Locator(".error-summary")).ToContainTextAsync("The email address or password is not right");
        }

        await WebSite.CheckAccessibleAsync(page, "sign-in-failed");
        await _site.SignInAsync(page, email, "wrong password 5");
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("blocked for 15 minutes after 5 failed attempts");
        await _site.SignInAsync(page, email);
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("blocked for 15 minutes", new() { Timeout = 5000 });
        Assert.IsTrue(page.Url.Contains("/sign-in", StringComparison.Ordinal), "the right password does not open a locked account");
        await WebSite.CheckAccessibleAsync(page, "sign-in-locked");

        var nobody = $"nobody-{Guid.NewGuid():N}@city.example";
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await _site.SignInAsync(page, nobody, "any password");
        }

        await Expect(page.Locator(".error-summary")).ToContainTextAsync("blocked for 15 minutes after 5 failed attempts");
    }

    [TestMethod]
    public async Task SigningOut_EndsTheSignIn()
    {
        var page = await _site.SignedInAsync($"out-{Guid.NewGuid():N}@city.example", "hub");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You have signed out.");
        await page.GotoAsync(_site.Url("/"));

        StringAssert.StartsWith(page.Url, _site.Url("/sign-in"));
        Assert.AreEqual(0, (await page.Context.CookiesAsync()).Count(c => c.Name == "nlc_session"));
    }

    [TestMethod]
    public async Task ACityUser_GetsNotFound_ForAnotherCitysPage_AndCannotStartAnAssessmentThere()
    {
        var ownName = "Tivat " + Guid.NewGuid().ToString("N")[..6];
        var otherName = "Bar " + Guid.NewGuid().ToString("N")[..6];
        var own = await _site.CreateCityAsync(ownName);
        var other = await _site.CreateCityAsync(otherName);
        var page = await _site.SignedInAsync($"tivat-{Guid.NewGuid():N}@city.example", "city", own);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = ownName })).ToBeVisibleAsync();
        await Expect(page.GetByText(otherName)).ToHaveCountAsync(0);
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");

        var response = await page.GotoAsync(_site.Url($"/cities/{other}"));
        var start = await page.Context.APIRequest.PostAsync(_site.Url($"/cities/{other}?handler=Start"), new()
        {
            Form = MakeForm(page, ("Period", "2025"), ("__RequestVerificationToken", token!)),
            MaxRedirects = 0,
        });

        Assert.AreEqual(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
        await WebSite.CheckAccessibleAsync(page, "not-found");
        Assert.AreEqual(404, start.Status);
        var stored = await new AssessmentStore(new SqliteDatabase(_site.Server.DatabasePath), TimeProvider.System).ListAllAsync(other, new AssessmentFilter());
        Assert.AreEqual(0, stored.Count);
        Assert.AreEqual(200, (await page.GotoAsync(_site.Url($"/cities/{own}")))!.Status);
    }

    [TestMethod]
    public async Task DisablingAnAccount_SignsItOutAtItsNextRequest()
    {
        var email = $"gone-{Guid.NewGuid():N}@city.example";
        var person = await _site.SignedInAsync(email, "partner");
        var admin = await _site.SignedInAsync($"admin-{Guid.NewGuid():N}@hub.example", "admin");

        await admin.GotoAsync(_site.Url("/admin/users"));
        var name = email.Split('@')[0];
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Disable {name}" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"{email} is disabled and signed out.");
        await WebSite.CheckAccessibleAsync(admin, "users-disabled");
        await person.GotoAsync(_site.Url("/"));

        StringAssert.StartsWith(person.Url, _site.Url("/sign-in"));
        await _site.SignInAsync(person, email);
        await Expect(person.Locator(".error-summary")).ToContainTextAsync("The email address or password is not right");
    }

    [TestMethod]
    public async Task ACookieDoesNotAuthoriseTheApi_AndAKeyDoesNotAuthoriseAPage()
    {
        var page = await _site.SignedInAsync($"both-{Guid.NewGuid():N}@hub.example", "admin");
        var cookie = await WebSite.SessionCookieAsync(page);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _site.Server.Address };

        using var pageWithCookie = await SendAsync(client, "/", cookie: cookie);
        using var apiWithCookie = await SendAsync(client, "/api/v1/cities", cookie: cookie);
        using var apiWithKey = await SendAsync(client, "/api/v1/cities", key: ApiServer.AdminKey);
        using var pageWithKey = await SendAsync(client, "/", key: ApiServer.AdminKey);
        using var pageWithBoth = await SendAsync(client, "/api/v1/cities", cookie: cookie, key: "nlc_not-a-key");

        Assert.AreEqual(HttpStatusCode.OK, pageWithCookie.StatusCode, "the cookie works for pages");
        Assert.AreEqual(HttpStatusCode.Unauthorized, apiWithCookie.StatusCode, "a cookie never authorises the API");
        Assert.AreEqual(HttpStatusCode.OK, apiWithKey.StatusCode, "the key works for the API");
        Assert.AreEqual(HttpStatusCode.Redirect, pageWithKey.StatusCode, "a key never authorises a page");
        StringAssert.StartsWith(pageWithKey.Headers.Location?.ToString(), _site.Url("/sign-in"));
        Assert.AreEqual(HttpStatusCode.Unauthorized, pageWithBoth.StatusCode, "a wrong key is not rescued by a cookie");
    }

    [TestMethod]
    public async Task ChangingThePassword_KeepsThisSignIn_AndEndsTheOthers()
    {
        var email = $"change-{Guid.NewGuid():N}@city.example";
        var here = await _site.SignedInAsync(email, "hub");
        var elsewhere = await _site.NewPageAsync();
        await _site.SignInAsync(elsewhere, email);
        await Assertions.Expect(elsewhere).ToHaveURLAsync(_site.Url("/"));

        await here.GetByRole(AriaRole.Link, new() { Name = "Change password" }).ClickAsync();
        await WebSite.CheckAccessibleAsync(here, "change-password");
        await here.GetByLabel("Current password").FillAsync("not my password");
        await here.GetByLabel("New password", new() { Exact = true }).FillAsync("short");
        await here.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(here.Locator(".error-summary li")).ToHaveCountAsync(2);
        await WebSite.CheckAccessibleAsync(here, "change-password-errors");
        await here.GetByLabel("Current password").FillAsync(WebSite.Password);
        await here.GetByLabel("New password", new() { Exact = true }).FillAsync("a brand new passphrase");
        await here.GetByLabel("Confirm the new password").FillAsync("a brand new passphrase");
        await here.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(here.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password is changed");

        await here.GotoAsync(_site.Url("/"));
        await elsewhere.GotoAsync(_site.Url("/"));
        await Assertions.Expect(here).ToHaveURLAsync(_site.Url("/"));
        StringAssert.StartsWith(elsewhere.Url, _site.Url("/sign-in"), "the other sign-in ended");
    }

    [TestMethod]
    public async Task AnUnknownInvitationLink_SaysItDoesNotWork()
    {
        var page = await _site.NewPageAsync();

        var response = await page.GotoAsync(_site.Url("/invitations/not-a-real-token"));

        Assert.AreEqual(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This invitation link does not work");
        await Expect(page.GetByLabel("New password", new() { Exact = true })).ToHaveCountAsync(0);
    }

    private static IFormData MakeForm(IPage page, params (string Name, string Value)[] fields)
    {
        var form = page.Context.APIRequest.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return form;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string? cookie = null, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", "nlc_session=" + cookie);
        }

        if (key is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }

        return client.SendAsync(request);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
