using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Nlc.Benchmarks.Load;
using Nlc.Core.Rubrics;
using Nlc.Storage;

namespace Nlc.Benchmarks;

/// <summary>
/// The web pages under load on the real server over 1,000 cities × 3 periods: 16 city officials, signed in with their
/// cookies, read the fill-in page of their city's draft and the results page of its latest validated assessment at 32
/// connections; each against a static page of the same server (the change-password form) measured in the same run; and the
/// server's peak memory.
/// </summary>
internal static partial class WebLoadBenchmark
{
    private const int Connections = 32;
    private const int People = 16;

    // A page of fixed content through the same pipeline as the measured pages (cookie, layout, antiforgery token): what the
    // pages' own reads and rendering cost is measured against it.
    private const string StaticPage = "/account/password";
    private static readonly string[] Periods = ["2023", "2024", "2025"];

    public static void Run(Rubric rubric, int seconds = 15)
    {
        var duration = TimeSpan.FromSeconds(seconds);
        var folder = Directory.CreateTempSubdirectory("nlc-web-load-").FullName;
        var database = new SqliteDatabase(Path.Combine(folder, "nlc.db"));
        BenchData.SeedAsync(database, rubric, 1_000, Periods).GetAwaiter().GetResult();
        using (var server = ApiProcess.Start(database.Path, 5393))
        {
            var people = Enumerable.Range(0, People).Select(i => SignInCityOfficialAsync(server.Address, $"city_{i:00000}").GetAwaiter().GetResult()).ToArray();
            var fillIn = people.Select(p => ($"/assessments/{p.DraftId}/practices/{rubric.Practices[0].Id}", p.Cookie)).ToArray();
            var results = people.Select(p => ($"/assessments/{p.LatestValidatedId}/results", p.Cookie)).ToArray();
            var staticPage = people.Select(p => (StaticPage, p.Cookie)).ToArray();
            var load = new LoadRun(server.Address, ApiProcess.Key);

            // Warm both paths first, so neither side of a ratio pays for start-up alone.
            load.ReadPagesAsync([.. fillIn, .. results, .. staticPage], Connections, TimeSpan.FromSeconds(2)).GetAwaiter().GetResult();
            foreach (var (name, pages) in new[] { ("fill-in page", fillIn), ("results page", results) })
            {
                var baseline = load.ReadPagesAsync(staticPage, Connections, duration).GetAwaiter().GetResult();
                var measured = load.ReadPagesAsync(pages, Connections, duration).GetAwaiter().GetResult();
                var ratio = measured.RequestsPerSecond / baseline.RequestsPerSecond;
                Report.Figure($"web: {name}, errors", measured.Errors + baseline.Errors, "", 1, $"{measured.Requests:N0} + {baseline.Requests:N0} requests at {Connections} connections, {People} people signed in");
                Report.Figure($"web: {name}, p99 latency", measured.P99Milliseconds, "ms", 100, $"p50 {measured.P50Milliseconds:N1} ms; {measured.RequestsPerSecond:N0} req/s (change-password page p99 {baseline.P99Milliseconds:N1} ms)");
                Report.Figure($"web: static / {name} throughput", 1 / ratio, "x", 2.0001, $"{ratio:N2}x: {measured.RequestsPerSecond:N0} req/s vs the change-password page {baseline.RequestsPerSecond:N0} req/s (goal: at least half)");
            }

            Report.Figure("web: server peak resident memory", server.PeakResidentMegabytes(), "MB", 300, "VmHWM of the server process");
        }

        Directory.Delete(folder, recursive: true);
    }

    /// <summary>A city official of <paramref name="cityId"/>, invited and signed in through the pages, with a draft to fill in.</summary>
    private static async Task<(string Cookie, string DraftId, string LatestValidatedId)> SignInCityOfficialAsync(Uri address, string cityId)
    {
        using var api = new HttpClient { BaseAddress = address };
        api.DefaultRequestHeaders.Authorization = new("Bearer", ApiProcess.Key);
        var email = $"official@{cityId}.example";
        using var invited = await api.PostAsJsonAsync("/api/v1/invitations", new { email, displayName = cityId, role = "city", cityIds = new[] { cityId } });
        invited.EnsureSuccessStatusCode();
        var link = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        using var draft = await api.PostAsJsonAsync($"/api/v1/cities/{cityId}/assessments", new { rubricId = "nlc", period = "2026" });
        draft.EnsureSuccessStatusCode();
        var draftId = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = address };
        const string password = "bench password 0123456789";
        await PostFormAsync(browser, new Uri(link).PathAndQuery, new() { ["Password"] = password, ["ConfirmPassword"] = password });
        await PostFormAsync(browser, "/sign-in", new() { ["Email"] = email, ["Password"] = password });
        var session = cookies.GetCookies(address)["nlc_session"] ?? throw new InvalidOperationException($"Signing in as {email} gave no session cookie.");
        return ($"{session.Name}={session.Value}", draftId, $"asm_{cityId["city_".Length..]}_{Periods.Length - 1}");
    }

    /// <summary>Opens the form's page, then posts <paramref name="fields"/> with the page's antiforgery token, as a browser does.</summary>
    internal static async Task PostFormAsync(HttpClient browser, string path, Dictionary<string, string> fields)
    {
        var page = await browser.GetStringAsync(path);
        fields["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value;
        using var posted = await browser.PostAsync(path, new FormUrlEncodedContent(fields));
        posted.EnsureSuccessStatusCode();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
