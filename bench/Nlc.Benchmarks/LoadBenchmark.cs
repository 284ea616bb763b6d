using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Nlc.Benchmarks.Load;
using Nlc.Core.Rubrics;
using Nlc.Storage;
using Nlc.Testing;

namespace Nlc.Benchmarks;

/// <summary>
/// The real server on 127.0.0.1 over 1,000 cities × 3 periods, on SQLite and on PostgreSQL side by side: score reads at
/// 64 connections against a trivial keyed endpoint and against bare reads of the rows a score comes from, and 16 concurrent
/// writers with If-Match (no lost or phantom updates) against bare transactions writing the same rows on the same engine,
/// measured in the same run. Seconds per load: the program's --load-seconds argument, 15 by default.
/// </summary>
internal static class LoadBenchmark
{
    private static readonly string[] Periods = ["2023", "2024", "2025"];
    private const int Readers = 64;
    private const int Writers = 16;

    public static void Run(Rubric rubric, int seconds = 15)
    {
        var folder = Directory.CreateTempSubdirectory("nlc-load-").FullName;
        try
        {
            var file = Path.Combine(folder, "nlc.db");
            RunOn("SQLite", new SqliteDatabase(file), file, rubric, seconds, 5392);
            var postgres = PostgresCluster.NewDatabaseAsync("load").GetAwaiter().GetResult();
            RunOn("PostgreSQL", new PostgresDatabase(postgres), postgres, rubric, seconds, 5393);
        }
        finally
        {
            PostgresCluster.StopAsync().GetAwaiter().GetResult();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void RunOn(string engine, Database database, string location, Rubric rubric, int seconds, int port)
    {
        var duration = TimeSpan.FromSeconds(seconds);
        var label = $"load: {engine,-10}";
        var assessments = BenchData.SeedAsync(database, rubric, 1_000, Periods).GetAwaiter().GetResult();
                using (var server = ApiProcess.Start(location, port))
        {
            var load = new LoadRun(server.Address, ApiProcess.Key);
            var random = new Random(64);
            var readIds = Enumerable.Range(0, 4096).Select(_ => assessments[random.Next(assessments.Count)]).ToArray();

            var baseline = load.ReadAsync(["/api/v1/rubrics"], Readers, duration).GetAwaiter().GetResult();
            var reads = load.ReadAsync(readIds.Select(id => $"/api/v1/assessments/{id}/score").ToArray(), Readers, duration).GetAwaiter().GetResult();
            var bareReads = BareReadsAsync(database, readIds, duration).GetAwaiter().GetResult();
            Report.Figure($"{label} score reads, errors", reads.Errors, "", 1, $"{reads.Requests:N0} requests at {Readers} connections for {seconds} s");
            Report.Figure($"{label} score reads, p99 latency", reads.P99Milliseconds, "ms", 1000, $"p50 {reads.P50Milliseconds:N1} ms; {reads.RequestsPerSecond:N0} req/s");
            Report.Figure($"{label} baseline / score throughput", baseline.RequestsPerSecond / reads.RequestsPerSecond, "x", 2.0001,
                $"score {reads.RequestsPerSecond:N0} req/s vs GET /api/v1/rubrics {baseline.RequestsPerSecond:N0} req/s (goal: at least half)");
            Report.Info($"{label} bare reads / score throughput", bareReads / reads.RequestsPerSecond, "x",
                $"bare reads of the same assessment and answer rows by {Readers} tasks: {bareReads:N0} a second");

            var drafts = CreateDraftsAsync(server, Writers).GetAwaiter().GetResult();
            var indicators = rubric.Indicators.Select(i => i.Id).ToArray();
            var writes = load.WriteAsync(drafts, indicators, duration).GetAwaiter().GetResult();
            var lost = CountLostUpdates(database, writes.LastWritten, indicators.Length);
            var writesPerSecond = writes.Writes / duration.TotalSeconds;
            Report.Figure($"{label} writes, 5xx responses", writes.ServerErrors, "", 1,
                $"{writes.Writes:N0} batch writes by {Writers} clients ({writesPerSecond:N0} a second), {writes.Retried412:N0} 412s retried, {writes.OtherErrors} other errors");
            foreach (var sample in writes.ErrorSamples)
            {
                Console.WriteLine("    error: " + sample);
            }

            Report.Figure($"{label} writes, lost or phantom updates", lost, "", 1, "every assessment holds its client's last successful write");
            var bareWrites = BareWritesAsync(database, drafts, indicators, duration).GetAwaiter().GetResult();
            Report.Info($"{label} bare transactions / API batch writes", bareWrites / writesPerSecond, "x",
                $"API {writesPerSecond:N0} batch writes a second vs {bareWrites:N0} bare transactions a second of the same rows by {Writers} tasks");
            if (database is SqliteDatabase)
            {
                var integrity = database.ReadAsync(c => c.ExecuteScalarAsync<string>("PRAGMA integrity_check")).GetAwaiter().GetResult();
                Report.Figure($"{label} integrity_check not ok", integrity == "ok" ? 0 : 1, "", 1, $"PRAGMA integrity_check = {integrity}");
            }

            Report.Figure($"{label} server peak resident memory", server.PeakResidentMegabytes(), "MB", 300, "VmHWM of the server process");
        }

        (database as IAsyncDisposable)?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Reads per second, by <see cref="Readers"/> tasks, of an assessment's row and its answers: what a score is computed from.</summary>
    private static async Task<double> BareReadsAsync(Database database, IReadOnlyList<string> ids, TimeSpan duration)
    {
        long reads = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Readers).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; stopwatch.Elapsed < duration; i += Readers)
            {
                await database.ReadAsync(async connection =>
                {
                    var id = ids[i % ids.Count];
                    _ = await connection.QuerySingleAsync("SELECT * FROM assessments WHERE id = @id", new { id });
                    return (await connection.QueryAsync("SELECT * FROM answers WHERE assessment_id = @id", new { id })).Count();
                });
                Interlocked.Increment(ref reads);
            }
        })));
        return reads / stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Transactions per second, by <see cref="Writers"/> tasks each on its own draft, that write what a batch save writes:
    /// every answer, the assessment's version and an audit entry; straight SQL on a connection of the engine's own provider.
    /// </summary>
    private static async Task<double> BareWritesAsync(Database database, IReadOnlyList<string> drafts, IReadOnlyList<string> indicators, TimeSpan duration)
    {
        long transactions = 0;
        var sqlite = database is SqliteDatabase;
        // SQLite has one writer: left to its busy handler, 16 writers starve one another into "database is locked", so
        // they take turns here, as the store's writers do. PostgreSQL's writers take row locks and run side by side.
        using var oneWriter = new SemaphoreSlim(1);
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(drafts.Select((id, n) => Task.Run(async () =>
        {
            var level = n % 5;
            while (stopwatch.Elapsed < duration)
            {
                await using var connection = await database.OpenAsync();
                if (sqlite)
                {
                    await oneWriter.WaitAsync();
                }

                try
                {
                    await BareTransactionAsync(connection, sqlite, id, indicators, level);
                }
                finally
                {
                    if (sqlite)
                    {
                        oneWriter.Release();
                    }
                }

                level = (level + 1) % 5;
                Interlocked.Increment(ref transactions);
            }
        })));
        return transactions / stopwatch.Elapsed.TotalSeconds;
    }

    private static async Task BareTransactionAsync(DbConnection connection, bool sqlite, string id, IReadOnlyList<string> indicators, int level)
    {
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        if (sqlite)
        {
            // SQLite's one writer: take the lock at the start, as the store does, instead of failing to upgrade a read lock.
            await connection.ExecuteAsync("BEGIN IMMEDIATE");
        }

        await using var transaction = sqlite ? null : await connection.BeginTransactionAsync();
        var version = await connection.ExecuteScalarAsync<long>(
            sqlite ? "SELECT row_version FROM assessments WHERE id = @id" : "SELECT row_version FROM assessments WHERE id = @id FOR UPDATE", new { id }, transaction);
        foreach (var indicator in indicators)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO answers (assessment_id, indicator_id, kind, level, evidence, answered_by, answered_at)
                VALUES (@id, @indicator, 'level', @level, '[]', 'bench', @now)
                ON CONFLICT (assessment_id, indicator_id) DO UPDATE SET kind = excluded.kind, level = excluded.level, answered_at = excluded.answered_at
                """,
                new { id, indicator, level, now },
                transaction);
        }

        await connection.ExecuteAsync("UPDATE assessments SET row_version = @next, updated_at = @now WHERE id = @id", new { id, next = version + 1, now }, transaction);
        await connection.ExecuteAsync(
            "INSERT INTO audit_log (at, actor, action, entity_type, entity_id, before, after) VALUES (@now, 'bench', 'bench.write', 'assessment', @id, '[]', '[]')",
            new { id, now },
            transaction);
        if (sqlite)
        {
            await connection.ExecuteAsync("COMMIT");
        }
        else
        {
            await transaction!.CommitAsync();
        }
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

    private static int CountLostUpdates(Database database, IReadOnlyDictionary<string, int> lastWritten, int indicators) =>
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
