using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Nlc.Api.Tests;

namespace Nlc.Web.Tests;

/// <summary>
/// The pages in the region's languages, in a real chromium against the real server: the browser's Accept-Language as the
/// first guess, the switch on every page remembered for the person across sign-ins, the draft notice, and pages in
/// Macedonian and Serbian Cyrillic checked with axe at two widths and photographed.
/// </summary>
[TestClass]
[TestCategory(TestCategories.External)]
public sealed class LanguageTests
{
    private static WebSite _site = null!;

    [ClassInitialize]
    public static async Task StartSite(TestContext context) => _site = await WebSite.StartAsync();

    [ClassCleanup]
    public static async Task StopSite() => await _site.DisposeAsync();

    [TestMethod]
    [DataRow("mk-MK,mk;q=0.9", "mk", "Најава")]
    [DataRow("cnr-ME,cnr;q=0.9,en;q=0.5", "sr-Latn", "Prijava")]
    [DataRow("sr-ME", "sr-Latn", "Prijava")]
    [DataRow("de-DE,sq;q=0.8", "sq", "Hyni")]
    [DataRow("xx", "en", "Sign in")]
    public async Task TheBrowsersLanguage_IsTheFirstGuess(string acceptLanguage, string served, string signInHeading)
    {
        var context = await _site.Browser.NewContextAsync(new BrowserNewContextOptions { ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = acceptLanguage } });
        var page = await context.NewPageAsync();

        await page.GotoAsync(_site.Url("/sign-in"));

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", served);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(signInHeading);
        await context.CloseAsync();
    }

    [TestMethod]
    public async Task ABrowserLocale_OfMacedonian_ShowsTheSignInPageInMacedonian_WithTheDraftNotice()
    {
        var context = await _site.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "mk-MK" });
        var page = await context.NewPageAsync();

        await page.GotoAsync(_site.Url("/sign-in"));

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "mk");
        await Expect(page.GetByLabel("Адреса на е-пошта")).ToBeVisibleAsync();
        await Expect(page.Locator(".draft-notice")).ToHaveTextAsync("Нацрт-превод, сè уште непрегледан од мајчин говорител.");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Јазик" })).ToContainTextAsync("Македонски");
        await context.CloseAsync();
    }

    [TestMethod]
    public async Task EnglishPages_HaveNoDraftNotice()
    {
        var page = await _site.NewPageAsync();

        await page.GotoAsync(_site.Url("/sign-in"));

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator(".draft-notice")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [TestMethod]
    public async Task SwitchingTheLanguage_ChangesThePage_AndIsRememberedForThePerson_AfterSigningOutAndInElsewhere()
    {
        var email = $"lena-{Guid.NewGuid():N}@ohrid.example";
        var page = await _site.SignedInAsync(email, "hub");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Where your city stands on national-local cooperation");

        await page.GetByRole(AriaRole.Button, new() { Name = "Српски (ћирилица)" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(_site.Url("/"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sr-Cyrl");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Где се ваша општина налази у сарадњи националног и локалног нивоа");
        await Expect(page.Locator(".draft-notice")).ToHaveTextAsync("Нацрт превода, који још није прегледао изворни говорник.");
        await Expect(page.Locator(".language-switch [aria-current='true']")).ToHaveTextAsync("Српски (ћирилица)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Одјавите се" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/sign-in$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Пријава");
        await page.Context.CloseAsync();

        // Another browser, without the language cookie: the account's language is applied at sign-in.
        var elsewhere = await _site.NewPageAsync();
        await _site.SignInAsync(elsewhere, email);
        await Assertions.Expect(elsewhere).ToHaveURLAsync(_site.Url("/"));
        await Expect(elsewhere.Locator("html")).ToHaveAttributeAsync("lang", "sr-Cyrl");
        await Expect(elsewhere.GetByRole(AriaRole.Button, new() { Name = "Одјавите се" })).ToBeVisibleAsync();
        await elsewhere.Context.CloseAsync();
    }

    [TestMethod]
    public async Task PagesInMacedonian_AndSerbianCyrillic_PassAxe_AtDesktopAnd320Pixels_WithTheRubricInTheirLanguage()
    {
        var cityName = "Струга " + Guid.NewGuid().ToString("N")[..4];
        var cityId = await _site.CreateCityAsync(cityName);
        using var created = await _site.Server.Client.PostAsJsonAsync($"/api/v1/cities/{cityId}/assessments", new { rubricId = "nlc", period = "2025" });
        var assessmentId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var page = await _site.SignedInAsync($"mila-{Guid.NewGuid():N}@struga.example", "city", cityId);

        await page.GetByRole(AriaRole.Button, new() { Name = "Македонски" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "mk");
        await WebSite.CheckAccessibleAsync(page, "mk-home");
        await page.GotoAsync(_site.Url($"/assessments/{assessmentId}"));
        await Expect(page.Locator(".nlc-status")).ToHaveTextAsync("Нацрт, непотврдена: одговорени 0 од 39 индикатори");
        await WebSite.CheckAccessibleAsync(page, "mk-assessment-overview");
        await page.GotoAsync(_site.Url($"/assessments/{assessmentId}/practices/GP01"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Локален мандат и политичко водство");
        await Expect(page.GetByText("Не е применливо").First).ToBeVisibleAsync();
        await WebSite.CheckAccessibleAsync(page, "mk-practice");

        await page.GetByRole(AriaRole.Button, new() { Name = "Српски (ћирилица)" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sr-Cyrl");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Локални мандат и политичко вођство");
        await Expect(page.GetByText("Није применљиво").First).ToBeVisibleAsync();
        await WebSite.CheckAccessibleAsync(page, "sr-Cyrl-practice");
        await page.Context.CloseAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
