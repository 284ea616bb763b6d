using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Nlc.Api.Tests;

/// <summary>
/// The OWASP Secure Headers on every kind of response (success, every error, the health check, the OpenAPI document,
/// the reference page and its files), and unknown keys refused per address before the database is asked about them.
/// </summary>
[TestClass]
public sealed partial class SecurityHeadersTests
{
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    [TestMethod]
    public async Task EveryKindOfResponse_CarriesTheSecureHeaders_AndNoServerHeader()
    {
        await using var server = await ApiServer.StartAsync(settings: new Dictionary<string, string>
        {
            ["Nlc__MaxRequestBodyBytes"] = "4096",
            ["Nlc__FailedAuthenticationsPerMinute"] = "1",
        });
        var cityId = await Scenario.CreateCityAsync(server, "Headerville");
        var anonymous = server.ClientFor(null);
        var badKey = server.ClientFor("nlc_wrong");
        var responses = new List<(string What, HttpResponseMessage Response)>
        {
            ("200 a city", await server.Client.GetAsync($"/api/v1/cities/{cityId}")),
            ("201 a new city", await server.Client.SendAsync(HttpMethod.Post, "/api/v1/cities", new { name = "Headertown", country = "ME" })),
            ("401 no key", await anonymous.GetAsync("/api/v1/cities")),
            ("401 a wrong key", await badKey.GetAsync("/api/v1/cities")),
            ("429 wrong keys from one address", await badKey.GetAsync("/api/v1/cities")),
            ("200 a key that works, from the same address", await server.Client.GetAsync($"/api/v1/cities/{cityId}")),
            ("404 an unknown city", await server.Client.GetAsync("/api/v1/cities/city_unknown")),
            ("404 an unknown route", await server.Client.GetAsync("/api/v1/nothing-here")),
            ("400 bad JSON", await server.Client.SendAsync(HttpMethod.Post, "/api/v1/cities", "{")),
            ("413 a body over the limit", await server.Client.SendAsync(HttpMethod.Post, "/api/v1/cities", $"{{\"name\":\"{new string('x', 10_000)}\"}}")),
            ("200 health", await anonymous.GetAsync("/health")),
            ("200 the OpenAPI document", await anonymous.GetAsync("/openapi/v1.json")),
        };
        var docs = new List<(string What, HttpResponseMessage Response)>
        {
            ("200 the reference page", await anonymous.GetAsync("/docs/index.html")),
            ("200 the reference page's script", await anonymous.GetAsync("/docs/index.js")),
        };

        var statuses = responses.Concat(docs).Select(r => $"{r.What}: {(int)r.Response.StatusCode}").ToArray();
        CollectionAssert.AreEqual(
            responses.Concat(docs).Select(r => int.Parse(r.What[..3], System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            responses.Concat(docs).Select(r => (int)r.Response.StatusCode).ToArray(),
            string.Join(", ", statuses));
        var failures = responses.SelectMany(r => MissingHeaders(r.What, r.Response, ApiPolicy))
            .Concat(docs.SelectMany(r => MissingHeaders(r.What, r.Response, "frame-ancestors 'none'")))
            .ToList();
        Assert.AreEqual(0, failures.Count, string.Join(Environment.NewLine, failures));
    }

    [TestMethod]
    public async Task TheReferencePage_LoadsItsOwnScriptsAndStyles_WhichItsPolicyAllows_AndHasNoInlineScript()
    {
        await using var server = await ApiServer.StartAsync();
        using var client = server.ClientFor(null);

        using var page = await client.GetAsync("/docs/index.html");
        var html = await page.Content.ReadAsStringAsync();
        var policy = Directives(page.Headers.GetValues("Content-Security-Policy").Single());
        var scripts = ScriptSource().Matches(html).Select(m => m.Groups[1].Value).ToArray();
        var styles = StyleSheet().Matches(html).Select(m => m.Groups[1].Value).ToArray();

        Assert.IsTrue(scripts.Length >= 2 && styles.Length >= 1, html);
        Assert.AreEqual(0, InlineScript().Matches(html).Count, "an inline script would be blocked by script-src 'self'");
        Assert.AreEqual(0, StyleElement().Matches(html).Count + StyleAttribute().Matches(html).Count, "inline styles would be blocked");
        Assert.AreEqual("'self'", policy["script-src"]);
        StringAssert.StartsWith(policy["style-src"], "'self'");
        Assert.AreEqual("'self'", policy["connect-src"], "the page reads /openapi/v1.json from this server");
        Assert.AreEqual("'none'", policy["frame-ancestors"]);
        Assert.AreEqual("'none'", policy["default-src"]);
        foreach (var file in scripts.Concat(styles))
        {
            Assert.IsFalse(Uri.TryCreate(file, UriKind.Absolute, out _), $"{file} is not on this server, and 'self' does not allow it");
            using var loaded = await client.GetAsync(new Uri(new Uri(server.Address, "/docs/"), file));
            Assert.AreEqual(HttpStatusCode.OK, loaded.StatusCode, file);
            Assert.IsTrue((await loaded.Content.ReadAsByteArrayAsync()).Length > 100, file);
            Assert.AreEqual("nosniff", loaded.Headers.GetValues("X-Content-Type-Options").Single(), file);
            var type = loaded.Content.Headers.ContentType?.MediaType;
            Assert.IsTrue(
                file.EndsWith(".css", StringComparison.Ordinal) ? type == "text/css" : type is "text/javascript" or "application/javascript",
                $"{file} is served as {type}: with nosniff a browser loads it only with its right type");
        }
    }

    [TestMethod]
    public async Task WrongKeysFromOneAddress_AreRefusedWith429BeforeTheDatabaseIsAsked_WhileWorkingKeysGoOn()
    {
        await using var server = await ApiServer.StartAsync(settings: new Dictionary<string, string> { ["Nlc__FailedAuthenticationsPerMinute"] = "3" });
        using var wrong = server.ClientFor("nlc_guessed-key");
        await server.Client.SendAsync(HttpMethod.Get, "/api/v1/rubrics").ExpectAsync(200);

        // While the keys table is unreadable, a key that is looked up fails on the server: that is how a lookup shows.
        await HideKeysTableAsync(server.DatabasePath, hidden: true);
        using (var lookedUp = await wrong.GetAsync("/api/v1/cities"))
        {
            Assert.IsTrue((int)lookedUp.StatusCode >= 500, $"a looked-up key fails while the table is hidden, not {lookedUp.StatusCode}");
        }

        await HideKeysTableAsync(server.DatabasePath, hidden: false);
        for (var i = 0; i < 3; i++)
        {
            using var refused = await wrong.GetAsync("/api/v1/cities");
            Assert.AreEqual(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        await HideKeysTableAsync(server.DatabasePath, hidden: true);
        using var limited = await wrong.GetAsync("/api/v1/cities");
        var problem = await limited.JsonAsync();
        await HideKeysTableAsync(server.DatabasePath, hidden: false);

        Assert.AreEqual(HttpStatusCode.TooManyRequests, limited.StatusCode, $"the key was looked up: {problem}");
        Assert.AreEqual("application/problem+json", limited.ContentType()?.MediaType);
        Assert.IsTrue(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After");
        StringAssert.Contains(problem.Text("detail"), "unknown or revoked keys");
        await server.Client.SendAsync(HttpMethod.Get, "/api/v1/rubrics").ExpectAsync(200);
    }

    private static IEnumerable<string> MissingHeaders(string what, HttpResponseMessage response, string policy)
    {
        string? Header(string name) =>
            response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;

        var expected = new Dictionary<string, string>
        {
            ["X-Content-Type-Options"] = "nosniff",
            ["X-Frame-Options"] = "DENY",
            ["Referrer-Policy"] = "no-referrer",
            ["Cross-Origin-Resource-Policy"] = "same-origin",
        };
        foreach (var (name, value) in expected)
        {
            if (Header(name) != value)
            {
                yield return $"{what}: {name} is '{Header(name)}', expected '{value}'";
            }
        }

        if (response.Headers.CacheControl?.NoStore != true)
        {
            yield return $"{what}: Cache-Control is '{response.Headers.CacheControl}', expected no-store";
        }

        if (Header("Content-Security-Policy") is not { } csp || !csp.Contains(policy, StringComparison.Ordinal))
        {
            yield return $"{what}: Content-Security-Policy is '{Header("Content-Security-Policy")}', expected it to contain \"{policy}\"";
        }

        if (Header("Server") is { } serverHeader)
        {
            yield return $"{what}: a Server header '{serverHeader}'";
        }
    }

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d[(d.IndexOf(' ', StringComparison.Ordinal) + 1)..]);

    /// <summary>Renames the keys table away (or back), so that any key lookup fails: SQLite itself shows whether the server asked.</summary>
    private static async Task HideKeysTableAsync(string databasePath, bool hidden)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await connection.ExecuteAsync(hidden ? "ALTER TABLE api_keys RENAME TO api_keys_hidden" : "ALTER TABLE api_keys_hidden RENAME TO api_keys");
    }

    [GeneratedRegex("<script[^>]*\\bsrc=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();

    [GeneratedRegex("<link[^>]*rel=\"stylesheet\"[^>]*href=\"([^\"]+)\"")]
    private static partial Regex StyleSheet();

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>")]
    private static partial Regex InlineScript();

    [GeneratedRegex("<style[\\s>]")]
    private static partial Regex StyleElement();

    [GeneratedRegex("\\sstyle=\"")]
    private static partial Regex StyleAttribute();
}
