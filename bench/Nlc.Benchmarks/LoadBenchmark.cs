using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Nlc.Benchmarks.Load;
using Nlc.Core.Rubrics;
using Nlc.Storage;

namespace Nlc.Benchmarks;

/// <summary>
/// The real server on 127.0.0.1 over 1,000 cities × 3 periods: score reads at 64 connections against a trivial keyed
/// endpoint measured in the same run, 16 concurrent writers with If-Match (no lost or phantom updates), peak memory.
/// Seconds per load: the program's --load-seconds argument, 15 by default.
/// </summary>
internal static class LoadBenchmark
{
    private static readonly string[] Periods = ["2023", "2024", "2025"];

    public static void Run(Rubric rubric, int seconds = 15)
    {
        var duration = TimeSpan.FromSeconds(seconds);
        var folder = Directory.CreateTempSubdirectory("nlc-load-").FullName;
        var database = new SqliteDatabase(Path.Combine(folder, "nlc.db"));
        var assessments = BenchData.SeedAsync(database, rubric, 1_000, Periods).GetAwaiter().GetResult();
        using (var server = ApiProcess.Start(database.Path, 5392))
        {
            var load = new LoadRun(server.Address, ApiProcess.Key);
            var random = new Random(64);
            var scoreUrls = Enumerable.Range(0, 4096).Select(_ => $"/api/v1/assessments/{assessments[random.Next(assessments.Count)]}/score").ToArray();

            var baseline = load.ReadAsync(["/api/v1/rubrics"], 64, duration).GetAwaiter().GetResult();
            var reads = load.ReadAsync(scoreUrls, 64, duration).GetAwaiter().GetResult();
            var ratio = reads.RequestsPerSecond / baseline.RequestsPerSecond;
            Report.Figure("load: score reads, errors", reads.Errors, "", 1, $"{reads.Requests:N0} requests at 64 connections for {seconds} s");
            Report.Figure("load: score reads, p99 latency", reads.P99Milliseconds, "ms", 1000, $"p50 {reads.P50Milliseconds:N1} ms; {reads.RequestsPerSecond:N0} req/s");
            Report.Figure("load: baseline / score throughput", 1 / ratio, "x", 2.0001, $"score {reads.RequestsPerSecond:N0} req/s vs GET /api/v1/rubrics {baseline.RequestsPerSecond:N0} req/s (goal: at least half)");

            var drafts = CreateDraftsAsync(server, 16).GetAwaiter().GetResult();
            var writes = load.WriteAsync(drafts, rubric.Indicators.Select(i => i.Id).ToArray(), duration).GetAwaiter().GetResult();
            var lost = CountLostUpdates(database, writes.LastWritten, rubric.Indicators.Count);
            Report.Figure("load: writes, 5xx responses", writes.ServerErrors, "", 1, $"{writes.Writes:N0} batch writes by 16 clients, {writes.Retried412:N0} 412s retried, {writes.OtherErrors} other errors");
            foreach (var sample in writes.ErrorSamples)
            {
                Console.WriteLine("    error: " + sample);
            }

            Report.Figure("load: writes, lost or phantom updates", lost, "", 1, "every assessment holds its client's last successful write");
            var integrity = database.ReadAsync(c => c.ExecuteScalarAsync<string>("PRAGMA integrity_check")).GetAwaiter().GetResult();
            Report.Figure("load: integrity_check not ok", integrity == "ok" ? 0 : 1, "", 1, $"PRAGMA integrity_check = {integrity}");
            Report.Figure("load: server peak resident memory", server.PeakResidentMegabytes(), "MB", 300, "VmHWM of the server process");
        }

        Directory.Delete(folder, recursive: true);
    }

    private static async Task<IReadOnlyList<string>> CreateDraftsAsync(ApiProcess server, int count)
    {
        using var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", ApiProcess.Key);
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            using var created = await client.PostAsJsonAsync($"/api/v1/cities/city_{i:00000}/assessments", new { rubricId = "nlc", period = "2026" });
            created.EnsureSuccessStatusCode();
            ids.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }

        return ids;
    }

    private static int CountLostUpdates(SqliteDatabase database, IReadOnlyDictionary<string, int> lastWritten, int indicators) =>
        database.ReadAsync(async connection =>
        {
            var lost = 0;
            foreach (var (id, level) in lastWritten)
            {
                var levels = (await connection.QueryAsync<long>("SELECT level FROM answers WHERE assessment_id = @id", new { id })).ToList();
                lost += levels.Count == indicators && levels.All(l => l == level) ? 0 : 1;
            }

            return lost;
        }).GetAwaiter().GetResult();
}
