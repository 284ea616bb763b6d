using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Nlc.Api.Tests;

namespace Nlc.Web.Tests;

/// <summary>
/// The real server (its own process on 127.0.0.1, a real SQLite file) and one headless chromium, shared by the tests of
/// one class; each test opens its own browser context (its own cookies). Helpers act as a person would, through the pages.
/// </summary>
internal sealed partial class WebSite : IAsyncDisposable
{
    /// <summary>The password every invited test person chooses.</summary>
    public const string Password = "correct horse battery staple";

    /// <summary>The narrow width every page must work at (WCAG 1.4.10 reflow).</summary>
    public const int NarrowWidth = 320;

    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
    private readonly IPlaywright _playwright;

    private WebSite(ApiServer server, IPlaywright playwright, IBrowser browser)
    {
        Server = server;
        _playwright = playwright;
        Browser = browser;
    }

    /// <summary>The server.</summary>
    public ApiServer Server { get; private set; }

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; }

    /// <summary>Where screenshots go: beside the test binaries.</summary>
    public static string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    /// <summary>Starts a server on <paramref name="databasePath"/> (a new one when null) with <paramref name="arguments"/> and a browser.</summary>
    public static async Task<WebSite> StartAsync(string? databasePath = null, params string[] arguments)
    {
        var executable = await Chromium.PathAsync();
        var server = await ApiServer.StartAsync(databasePath, WithNewHome(), arguments);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // Root cannot use chromium's sandbox; the tests visit only their own server.
            Args = Environment.UserName == "root" ? ["--no-sandbox"] : [],
        });
        return new WebSite(server, playwright, browser);
    }

    /// <summary>
    /// Stops the server and starts it again on the same database (a new port, same host: cookies still apply) with a new
    /// home folder, so nothing but the database carries over (ASP.NET Core would otherwise keep its keys under ~/.aspnet).
    /// </summary>
    public async Task RestartServerAsync()
    {
        var databasePath = Server.DatabasePath;
        await Server.DisposeAsync();
        Server = await ApiServer.StartAsync(databasePath, WithNewHome());
    }

    private static Dictionary<string, string> WithNewHome() => new() { ["HOME"] = TestFolders.New("home") };

    /// <summary>A new page in a new browser context (no cookies) at desktop width.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        return await context.NewPageAsync();
    }

    /// <summary>The absolute address of <paramref name="path"/> on the server.</summary>
    public string Url(string path) => new Uri(Server.Address, path).ToString();

    /// <summary>Adds a city through the API with the admin key; returns its id.</summary>
    public async Task<string> CreateCityAsync(string name, string country = "ME")
    {
        using var response = await Server.Client.PostAsJsonAsync("/api/v1/cities", new { name, country });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>
    /// An assessment of the city for <paramref name="period"/> made through the API with the admin key, every indicator at
    /// <paramref name="level"/> and then taken through <paramref name="steps"/> ("submit", "validate"); returns its id.
    /// </summary>
    public Task<string> AssessmentAsync(string cityId, string period, int level, params string[] steps) =>
        AssessmentAsync(cityId, period, _ => level, steps);

    /// <summary>As <see cref="AssessmentAsync(string, string, int, string[])"/>, each indicator at the level <paramref name="levelOfPractice"/> gives its practice.</summary>
    public async Task<string> AssessmentAsync(string cityId, string period, Func<string, int> levelOfPractice, params string[] steps)
    {
        var client = Server.Client;
        var rubric = await client.GetFromJsonAsync<JsonElement>("/api/v1/rubrics/nlc");
        var ids = rubric.GetProperty("practices").EnumerateArray()
            .SelectMany(p => p.GetProperty("indicators").EnumerateArray().Select(i => (Id: i.GetProperty("id").GetString()!, Practice: p.GetProperty("id").GetString()!)))
            .ToArray();
        using var created = await client.PostAsJsonAsync($"/api/v1/cities/{cityId}/assessments", new { rubricId = "nlc", period });
        Assert.AreEqual(System.Net.HttpStatusCode.Created, created.StatusCode, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var etag = created.Headers.ETag!.Tag;
        var writes = new List<(HttpMethod, string, object?)> { (HttpMethod.Put, "answers", new { answers = ids.Select(i => new { indicatorId = i.Id, level = levelOfPractice(i.Practice), note = $"Note on {i.Id}", evidence = new[] { $"https://example.org/{i.Id}" } }).ToArray() }) };
        writes.AddRange(steps.Select(step => (HttpMethod.Post, step, (object?)null)));
        foreach (var (method, path, body) in writes)
        {
            using var request = new HttpRequestMessage(method, $"/api/v1/assessments/{id}/{path}") { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            using var response = await client.SendAsync(request);
            Assert.AreEqual(System.Net.HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
            etag = response.Headers.ETag!.Tag;
        }

        return id;
    }

    /// <summary>Saves a full-page screenshot of <paramref name="page"/> at desktop width as docs/images/<paramref name="name"/>.png, for the README.</summary>
    public static async Task SaveForReadmeAsync(IPage page, string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(RepositoryPaths.Root, "docs", "images")).FullName;
        await page.SetViewportSizeAsync(1280, 900);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    /// <summary>Invites a person through the API with the admin key; returns their one-time link.</summary>
    public async Task<string> InviteAsync(string email, string role, params string[] cityIds)
    {
        using var response = await Server.Client.PostAsJsonAsync("/api/v1/invitations", new { email, displayName = email.Split('@')[0], role, cityIds });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
    }

    /// <summary>Opens <paramref name="link"/>, chooses <see cref="Password"/>, and lands on the sign-in page.</summary>
    public static async Task SetPasswordAsync(IPage page, string link)
    {
        await page.GotoAsync(link);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirm the new password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/sign-in$"));
    }

    /// <summary>Signs in on the sign-in page with <paramref name="email"/> and <paramref name="password"/>.</summary>
    public async Task SignInAsync(IPage page, string email, string password = Password)
    {
        if (!page.Url.Contains("/sign-in", StringComparison.Ordinal))
        {
            await page.GotoAsync(Url("/sign-in"));
        }

        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    /// <summary>Invites a person, sets their password and signs them in, in a new browser context; returns the page at home.</summary>
    public async Task<IPage> SignedInAsync(string email, string role, params string[] cityIds)
    {
        var page = await NewPageAsync();
        await SetPasswordAsync(page, await InviteAsync(email, role, cityIds));
        await SignInAsync(page, email);
        await Assertions.Expect(page).ToHaveURLAsync(Url("/"));
        return page;
    }

    /// <summary>
    /// Checks the page as it is now with axe (WCAG 2.0, 2.1 and 2.2, A and AA) at desktop width and at 320 px, and saves a
    /// screenshot of each as screenshots/<paramref name="name"/>-1280.png and -320.png.
    /// </summary>
    public static async Task CheckAccessibleAsync(IPage page, string name)
    {
        var problems = new List<string>();
        foreach (var width in new[] { 1280, NarrowWidth })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}-{width}.png"), FullPage = true });
            var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });
            problems.AddRange(result.Violations.Select(v =>
                $"{width} px: {v.Id} ({v.Impact}): {v.Help} at {string.Join("; ", v.Nodes.Select(n => string.Join(" ", n.Target)))}"));
            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            if (scrollWidth > width)
            {
                problems.Add($"{width} px: the page scrolls sideways ({scrollWidth} px wide)");
            }
        }

        await page.SetViewportSizeAsync(1280, 900);
        Assert.AreEqual(0, problems.Count, $"{name} ({page.Url}):\n" + string.Join("\n", problems));
    }

    /// <summary>The sign-in cookie of <paramref name="page"/>'s context.</summary>
    public static async Task<string> SessionCookieAsync(IPage page) =>
        (await page.Context.CookiesAsync()).Single(c => c.Name == "nlc_session").Value;

    /// <summary>The one-time link in the server's console output, printed for the first admin once the server listens.</summary>
    public async Task<string> FirstAdminLinkAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (FirstAdminLinkPattern().Match(Server.Output) is { Success: true } match)
            {
                return match.Value;
            }

            await Task.Delay(100);
        }

        throw new AssertFailedException("No invitation link for the first admin in the server's output:\n" + Server.Output);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await Server.DisposeAsync();
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/invitations/[A-Za-z0-9_-]+")]
    private static partial Regex FirstAdminLinkPattern();
}
