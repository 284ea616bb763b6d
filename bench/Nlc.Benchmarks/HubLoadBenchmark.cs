using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nlc.Benchmarks.Load;
using Nlc.Core.Rubrics;
using Nlc.Storage;
using Nlc.Storage.Network;

namespace Nlc.Benchmarks;

/// <summary>
/// The hub's network overview and heat map on the real server over 1,000 cities × 3 periods, read by 16 hub staff signed in
/// with their cookies on 16 connections; each against a bare SQL read of the rows the page is drawn from (the network
/// statement for the overview, the period's peer rows for the heat map), run in this process on the same database file
/// by 16 readers at once.
/// </summary>
internal static class HubLoadBenchmark
{
    private const int Sessions = 16;
    private static readonly string[] Periods = ["2023", "2024", "2025"];

    public static void Run(Rubric rubric, int seconds = 15)
    {
        var duration = TimeSpan.FromSeconds(seconds);
        var folder = Directory.CreateTempSubdirectory("nlc-hub-load-").FullName;
        var database = new SqliteDatabase(Path.Combine(folder, "nlc.db"));
        BenchData.SeedAsync(database, rubric, 1_000, Periods).GetAwaiter().GetResult();
        using (var server = ApiProcess.Start(database.Path, 5394))
        {
            var cookies = Enumerable.Range(0, Sessions).Select(i => SignInHubUserAsync(server.Address, i).GetAwaiter().GetResult()).ToArray();
            var overview = cookies.Select((c, i) => ($"/hub?sort={(i % 2 == 0 ? "Index" : "City")}&p={1 + (i % 5)}", c)).ToArray();
            var heatMap = cookies.Select((c, i) => ($"/hub/heat-map?period=2025&p={1 + (i % 5)}", c)).ToArray();
            var load = new LoadRun(server.Address, ApiProcess.Key);
            load.ReadPagesAsync([.. overview, .. heatMap], Sessions, TimeSpan.FromSeconds(2)).GetAwaiter().GetResult();

            var reader = new ScoreSnapshotReader(rubric.Pillars.Select(p => p.Id), rubric.Practices.Select(p => p.Id));
            var pages = new (string Name, (string, string)[] Pages, Func<Task> BareRead)[]
            {
                ("network overview", overview, () => ReadAllAsync(database, NetworkStore.NetworkSql, reader: null)),
                ("heat map", heatMap, () => ReadAllAsync(database, BenchmarkStore.EligibleSql, reader)),
            };
            foreach (var (name, urls, bareRead) in pages)
            {
                var measured = load.ReadPagesAsync(urls, Sessions, duration).GetAwaiter().GetResult();
                var (sqlP50, sqlP99, sqlReads) = MeasureAsync(bareRead, Sessions, duration).GetAwaiter().GetResult();
                Report.Figure($"hub: {name}, errors", measured.Errors, "", 1, $"{measured.Requests:N0} requests at {Sessions} hub sessions");
                Report.Figure($"hub: {name}, p99 latency", measured.P99Milliseconds, "ms", 200, $"p50 {measured.P50Milliseconds:N1} ms; {measured.RequestsPerSecond:N0} req/s; 1,000 cities × 3 periods");
                Report.Figure($"hub: {name} p99 / bare SQL read p99", measured.P99Milliseconds / sqlP99, "x", 10,
                    $"bare SQL read of its rows: p50 {sqlP50:N1} ms, p99 {sqlP99:N1} ms over {sqlReads:N0} reads by {Sessions} readers at once (goal: the same order, under 10x)");
            }
        }

        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Reads every row and column of <paramref name="sql"/> (for period 2025 where it asks), decoding stored scores when <paramref name="reader"/> is given.</summary>
    private static Task ReadAllAsync(SqliteDatabase database, string sql, ScoreSnapshotReader? reader) =>
        database.ReadAsync(async anyConnection =>
        {
            var connection = (Microsoft.Data.Sqlite.SqliteConnection)anyConnection;
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("@rubricId", "nlc");
            command.Parameters.AddWithValue("@period", "2025");
            command.Parameters.AddWithValue("@majorPrefix", "1.%");
            await using var rows = await command.ExecuteReaderAsync();
            var values = new object[rows.FieldCount];
            while (await rows.ReadAsync())
            {
                rows.GetValues(values);
                if (reader is not null)
                {
                    reader.Read(rows.GetFieldValue<byte[]>(rows.FieldCount - 1));
                }
            }

            return true;
        });

    private static async Task<(double P50, double P99, int Reads)> MeasureAsync(Func<Task> read, int readers, TimeSpan duration)
    {
        var stopwatch = Stopwatch.StartNew();
        var latencies = await Task.WhenAll(Enumerable.Range(0, readers).Select(_ => Task.Run(async () =>
        {
            var local = new List<double>();
            while (stopwatch.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                await read();
                local.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return local;
        })));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return (all[all.Length / 2], all[(int)Math.Min(all.Length - 1, Math.Ceiling(all.Length * 0.99) - 1)], all.Length);
    }

    /// <summary>A hub user, invited through the API and signed in through the pages; returns their cookie.</summary>
    private static async Task<string> SignInHubUserAsync(Uri address, int number)
    {
        using var api = new HttpClient { BaseAddress = address };
        api.DefaultRequestHeaders.Authorization = new("Bearer", ApiProcess.Key);
        var email = $"hub{number:00}@hub.example";
        using var invited = await api.PostAsJsonAsync("/api/v1/invitations", new { email, displayName = $"Hub {number:00}", role = "hub" });
        invited.EnsureSuccessStatusCode();
        var link = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = address };
        const string password = "bench password 0123456789";
        await WebLoadBenchmark.PostFormAsync(browser, new Uri(link).PathAndQuery, new() { ["Password"] = password, ["ConfirmPassword"] = password });
        await WebLoadBenchmark.PostFormAsync(browser, "/sign-in", new() { ["Email"] = email, ["Password"] = password });
        var session = cookies.GetCookies(address)["nlc_session"] ?? throw new InvalidOperationException($"Signing in as {email} gave no session cookie.");
        return $"{session.Name}={session.Value}";
    }
}
