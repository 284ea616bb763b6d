using System.Net;
using System.Text.RegularExpressions;
using Dapper;

namespace Nlc.Api.Tests;

/// <summary>
/// Two real server processes behind one PostgreSQL database, as a hub running several servers behind a load balancer:
/// writes through both lose nothing, what one writes the other reads at once, a sign-in from one works on the other, and
/// killing one in the middle of writes leaves every assessment whole.
/// </summary>
[TestClass]
[TestCategory(TestCategories.External)]
public sealed partial class TwoServersOnPostgresTests
{
    [TestMethod]
    public async Task SixteenWritersOverBothServers_LoseNoUpdate_AndWriteNoPhantom()
    {
        await using var pair = await ServerPair.StartAsync("sixteenwriters");
        var cityId = await Scenario.CreateCityAsync(pair.First, "Nikšić");
        var (assessmentId, _) = await Scenario.CreateAssessmentAsync(pair.First.Client, cityId);
        var indicators = Scenario.IndicatorIds.Take(16).ToArray();

        // Each writer sets its own indicator from the version it last read, and reads again when someone wrote first.
        var refusals = await Task.WhenAll(indicators.Select((indicatorId, writer) => Task.Run(async () =>
        {
            var client = (writer % 2 == 0 ? pair.First : pair.Second).Client;
            for (var stale = 0; ; stale++)
            {
                using var read = await client.GetAsync($"/api/v1/assessments/{assessmentId}");
                var answers = new[] { new { indicatorId, level = 1 + (writer % 4) } };
                using var write = await client.SendAsync(HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/answers", new { answers }, read.ETag());
                if (write.StatusCode == HttpStatusCode.OK)
                {
                    return stale;
                }

                Assert.AreEqual(HttpStatusCode.PreconditionFailed, write.StatusCode, (await write.JsonAsync()).ToString());
            }
        })));

        var after = await pair.Second.Client.SendAsync(HttpMethod.Get, $"/api/v1/assessments/{assessmentId}").ExpectAsync(200);
        var saved = after.GetProperty("answers").EnumerateArray().ToDictionary(a => a.Text("indicatorId"), a => a.GetProperty("level").GetInt32());
        CollectionAssert.AreEquivalent(indicators, saved.Keys.ToArray(), "every writer's answer is there, and no other");
        Assert.IsTrue(indicators.Select((id, writer) => saved[id] == 1 + (writer % 4)).All(same => same), "each answer is its writer's");
        Assert.AreEqual(1 + 16, after.GetProperty("version").GetInt64(), "one version per acknowledged write: none lost, none counted twice");
        Assert.AreEqual(16, await DatabaseDump.ScalarAsync(pair.ConnectionString, $"SELECT count(*) FROM audit_log WHERE entity_id = '{assessmentId}' AND action = 'answers.saved'"));
        Assert.IsTrue(refusals.Sum() > 0, "the writers did collide (otherwise this test proves nothing)");
    }

    [TestMethod]
    public async Task AValidationThroughOneServer_IsCountedAtOnceInPeerStatisticsReadThroughTheOther()
    {
        await using var pair = await ServerPair.StartAsync("peersatonce");
        await Scenario.ValidatedAssessmentAsync(pair.First, "Bosnian city 1", 1, "BA");
        var before = await pair.Second.Client.SendAsync(HttpMethod.Get, "/api/v1/benchmarks?rubricId=nlc&period=2025&country=BA").ExpectAsync(200);

        await Scenario.ValidatedAssessmentAsync(pair.First, "Bosnian city 2", 3, "BA");
        var after = await pair.Second.Client.SendAsync(HttpMethod.Get, "/api/v1/benchmarks?rubricId=nlc&period=2025&country=BA").ExpectAsync(200);

        Assert.AreEqual(1, before.GetProperty("n").GetInt32());
        Assert.AreEqual(2, after.GetProperty("n").GetInt32(), "the second server's cached statistics missed the validation made through the first");
    }

    [TestMethod]
    public async Task ASignInFormFromOneServer_SignsInOnTheOther_AndTheSessionWorksOnTheFirst()
    {
        await using var pair = await ServerPair.StartAsync("sessions");
        const string Email = "hub@example.org";
        const string Password = "a long enough password";
        var invitation = await pair.First.Client.SendAsync(
            HttpMethod.Post, "/api/v1/invitations", new { email = Email, displayName = "Hub", role = "hub", cityIds = Array.Empty<string>() }).ExpectAsync(201);
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false });

        var link = new Uri(invitation.Text("url"));
        var set = await PostFormAsync(browser, pair.First.Address, link.AbsolutePath, pair.First.Address, new() { ["Password"] = Password, ["ConfirmPassword"] = Password });
        Assert.AreEqual(HttpStatusCode.Redirect, set.StatusCode, "setting the password");
        // The form (and its antiforgery token) comes from the first server, the sign-in is posted to the second.
        var signIn = await PostFormAsync(browser, pair.First.Address, "/sign-in", pair.Second.Address, new() { ["Email"] = Email, ["Password"] = Password });
        Assert.AreEqual(HttpStatusCode.Redirect, signIn.StatusCode, "the second server accepts the first server's antiforgery token");
        Assert.AreEqual("/", signIn.Headers.Location?.OriginalString);

        using var home = await browser.GetAsync(new Uri(pair.First.Address, "/"));
        Assert.AreEqual(HttpStatusCode.OK, home.StatusCode, $"the session from the second server works on the first (got {home.Headers.Location})");
    }

    [TestMethod]
    public async Task TwoServersStartingTogetherOnAnEmptyDatabase_ShareOneKey_SoASessionFromEitherWorksOnTheOther()
    {
        await using var pair = await ServerPair.StartTogetherAsync("keysatonce");

        // Two keys mean each server protects with its own: the other reads that cookie only in its first two minutes, while
        // ASP.NET Core still reloads the key ring for an unknown key, and refuses it after that.
        Assert.AreEqual(1, await DatabaseDump.ScalarAsync(pair.ConnectionString, "SELECT count(*) FROM data_protection_keys"), "each server created a data-protection key of its own");
        using var signedInOnFirst = await SignedInBrowserAsync(pair.First, "first@example.org");
        using var signedInOnSecond = await SignedInBrowserAsync(pair.Second, "second@example.org");
        using var onSecond = await signedInOnFirst.GetAsync(new Uri(pair.Second.Address, "/"));
        using var onFirst = await signedInOnSecond.GetAsync(new Uri(pair.First.Address, "/"));
        Assert.AreEqual(HttpStatusCode.OK, onSecond.StatusCode, $"the first server's session on the second (got {onSecond.Headers.Location})");
        Assert.AreEqual(HttpStatusCode.OK, onFirst.StatusCode, $"the second server's session on the first (got {onFirst.Headers.Location})");
    }

    [TestMethod]
    public async Task KillingOneServerInTheMiddleOfWrites_LeavesEveryAssessmentWhole()
    {
        await using var pair = await ServerPair.StartAsync("killone");
        var assessments = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var cityId = await Scenario.CreateCityAsync(pair.First, $"Crash city {i}");
            assessments.Add((await Scenario.CreateAssessmentAsync(pair.First.Client, cityId)).Id);
        }

        using var stop = new CancellationTokenSource();
        var acknowledged = new int[2];
        var writers = assessments.SelectMany(id => new[] { (Server: pair.First, Index: 0), (Server: pair.Second, Index: 1) }.Select(s => Task.Run(async () =>
        {
            var level = 0;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var read = await s.Server.Client.GetAsync($"/api/v1/assessments/{id}");
                    var answers = Scenario.IndicatorIds.Select(indicatorId => new { indicatorId, level }).ToArray();
                    using var write = await s.Server.Client.SendAsync(HttpMethod.Put, $"/api/v1/assessments/{id}/answers", new { answers }, read.ETag());
                    Assert.IsTrue(write.StatusCode is HttpStatusCode.OK or HttpStatusCode.PreconditionFailed, $"{write.StatusCode}: {await write.Content.ReadAsStringAsync()}");
                    if (write.StatusCode == HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref acknowledged[s.Index]);
                    }
                }
                catch (HttpRequestException) when (s.Index == 0)
                {
                    return; // the first server was killed
                }

                level = (level + 1) % 5;
            }
        }))).ToArray();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Volatile.Read(ref acknowledged[0]) < 20 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await pair.First.KillAsync();
        await Task.Delay(500);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.IsTrue(acknowledged[0] >= 20 && acknowledged[1] > 0, $"writes acknowledged: {acknowledged[0]} by the killed server, {acknowledged[1]} by the other");
        var database = DatabaseDump.Open(pair.ConnectionString);
        foreach (var id in assessments)
        {
            var levels = (await database.ReadAsync(c => c.QueryAsync<long>("SELECT level FROM answers WHERE assessment_id = @id", new { id }))).ToList();
            Assert.AreEqual(Scenario.IndicatorIds.Length, levels.Count, $"{id}: {levels.Count} answers, not one whole batch");
            Assert.AreEqual(1, levels.Distinct().Count(), $"{id}: answers from two different batches");
            var version = await database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT row_version FROM assessments WHERE id = @id", new { id }));
            var saves = await database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity_id = @id AND action = 'answers.saved'", new { id }));
            Assert.AreEqual(version - 1, saves, $"{id}: the audit log does not match the writes");
        }

        await Scenario.CreateCityAsync(pair.Second, "Still writing");
    }

    /// <summary>A browser that accepted an invitation for <paramref name="email"/> and signed in, both on <paramref name="server"/>.</summary>
    private static async Task<HttpClient> SignedInBrowserAsync(ApiServer server, string email)
    {
        const string Password = "a long enough password";
        var invitation = await server.Client.SendAsync(
            HttpMethod.Post, "/api/v1/invitations", new { email, displayName = "Hub", role = "hub", cityIds = Array.Empty<string>() }).ExpectAsync(201);
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });
        var link = new Uri(invitation.Text("url"));
        using var set = await PostFormAsync(browser, server.Address, link.AbsolutePath, server.Address, new() { ["Password"] = Password, ["ConfirmPassword"] = Password });
        Assert.AreEqual(HttpStatusCode.Redirect, set.StatusCode, "setting the password");
        using var signIn = await PostFormAsync(browser, server.Address, "/sign-in", server.Address, new() { ["Email"] = email, ["Password"] = Password });
        Assert.AreEqual("/", signIn.Headers.Location?.OriginalString, "signing in");
        return browser;
    }

    /// <summary>GETs the form at <paramref name="formPath"/> from <paramref name="formServer"/> and posts it with <paramref name="fields"/> to <paramref name="postServer"/>.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient browser, Uri formServer, string formPath, Uri postServer, Dictionary<string, string> fields)
    {
        using var form = await browser.GetAsync(new Uri(formServer, formPath));
        var html = await form.Content.ReadAsStringAsync();
        fields["__RequestVerificationToken"] = AntiforgeryField().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new AssertFailedException($"No antiforgery token on {formPath} ({form.StatusCode}).");
        return await browser.PostAsync(new Uri(postServer, formPath), new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>Two servers on one new PostgreSQL database, the second started once the first has prepared it.</summary>
    private sealed class ServerPair : IAsyncDisposable
    {
        private ServerPair(string connectionString, ApiServer first, ApiServer second)
        {
            ConnectionString = connectionString;
            First = first;
            Second = second;
        }

        public string ConnectionString { get; }

        public ApiServer First { get; }

        public ApiServer Second { get; }

        public static async Task<ServerPair> StartAsync(string purpose)
        {
            var connectionString = await PostgresCluster.NewDatabaseAsync(purpose);
            // A home folder each, as on two machines: ASP.NET Core would otherwise share keys through ~/.aspnet.
            var first = await ApiServer.StartAsync(connectionString, SettingsWithNewHome());
            return new ServerPair(connectionString, first, await ApiServer.StartAsync(connectionString, SettingsWithNewHome()));
        }

        /// <summary>Two servers started at the same moment on one new, empty PostgreSQL database.</summary>
        public static async Task<ServerPair> StartTogetherAsync(string purpose)
        {
            var connectionString = await PostgresCluster.NewDatabaseAsync(purpose);
            Task<ApiServer>[] starting = [ApiServer.StartAsync(connectionString, SettingsWithNewHome()), ApiServer.StartAsync(connectionString, SettingsWithNewHome())];
            try
            {
                await Task.WhenAll(starting);
            }
            catch
            {
                foreach (var started in starting.Where(s => s.IsCompletedSuccessfully))
                {
                    await started.Result.DisposeAsync();
                }

                throw;
            }

            return new ServerPair(connectionString, starting[0].Result, starting[1].Result);
        }

        private static Dictionary<string, string> SettingsWithNewHome() =>
            new() { ["Nlc__RequestsPerMinute"] = "1000000", ["HOME"] = TestFolders.New("home") };

        public async ValueTask DisposeAsync()
        {
            await First.DisposeAsync();
            await Second.DisposeAsync();
        }
    }
}
