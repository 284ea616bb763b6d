using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Dapper;
using Microsoft.Data.Sqlite;
using Nlc.Core.Benchmarking;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;
using Nlc.Storage;

namespace Nlc.Benchmarks;

/// <summary>
/// One peer group's statistics (every pillar and practice) over 10,000 cities × 4 periods in a SQLite file: through the
/// library and through the API, against a bare SQL read of the same rows measured in the same run.
/// </summary>
internal static class PeerStatisticsBenchmark
{
    private const int Cities = 10_000;
    private const int Batches = 15;
    private static readonly string[] Periods = ["2022", "2023", "2024", "2025"];

    public static void Run(Rubric rubric)
    {
        var folder = Directory.CreateTempSubdirectory("nlc-bench-").FullName;
        var database = new SqliteDatabase(Path.Combine(folder, "nlc.db"));
        var seeding = Stopwatch.StartNew();
        BenchData.SeedAsync(database, rubric, Cities, Periods).GetAwaiter().GetResult();
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  seeded {0:N0} cities x {1} periods (answers, scores) in {2:N1} s", Cities, Periods.Length, seeding.Elapsed.TotalSeconds));

        // Seeding leaves a large heap behind; collect it so its garbage is not charged to the first figures measured.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var pillars = rubric.Pillars.Select(p => p.Id).ToArray();
        var practices = rubric.Practices.Select(p => p.Id).ToArray();
        var warmStore = new BenchmarkStore(database);
        PeerBenchmark Statistics(BenchmarkStore store, PeerGroupFilter filter, PeerDisclosure disclosure) => PeerBenchmark.Compute(
            store.EligibleAsync("nlc", 1, "2025", new ScoreSnapshotReader(pillars, practices)).GetAwaiter().GetResult(), filter, pillars, practices, disclosure);

        var bare = Median(() => BareRead(database));
        var cold = Median(() => Statistics(new BenchmarkStore(database), new PeerGroupFilter(), PeerDisclosure.Exact));
        var warm = Median(() => Statistics(warmStore, new PeerGroupFilter(), PeerDisclosure.Exact));
        var restrictedCold = Median(() => Statistics(new BenchmarkStore(database), new PeerGroupFilter(Country: "ME"), PeerDisclosure.Restricted(5)));
        var api = ThroughApi(database.Path);

        var detail = $"bare SQL read of the same {Cities:N0} rows: {bare:N1} ms";
        Report.Figure("benchmarks: group statistics, library, first read", cold, "ms", 100, $"{cold / bare:N1}x bare read (goal <= 3x); {detail}");
        Report.Figure("benchmarks: group statistics, library, read again", warm, "ms", 100, "rows kept until the next write to the database");
        Report.Figure("benchmarks: group statistics, partner, first read", restrictedCold, "ms", 100, $"{restrictedCold / bare:N1}x bare read, with disclosure checks");
        Report.Figure("benchmarks: group statistics, through the API", api, "ms", 100, $"{api / bare:N1}x bare read; GET /api/v1/benchmarks on 127.0.0.1, repeated");
        Report.Figure("benchmarks: first read / bare SQL read", cold / bare, "x", 3, detail);
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>The same query, every column read as it comes, nothing parsed or computed.</summary>
    private static int BareRead(SqliteDatabase database) =>
        database.ReadAsync(async connection =>
        {
            await using var command = ((Microsoft.Data.Sqlite.SqliteConnection)connection).CreateCommand();
            command.CommandText = BenchmarkStore.EligibleSql;
            command.Parameters.AddWithValue("@rubricId", "nlc");
            command.Parameters.AddWithValue("@period", "2025");
            command.Parameters.AddWithValue("@majorPrefix", "1.%");
            await using var reader = await command.ExecuteReaderAsync();
            var rows = 0;
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    _ = reader.GetValue(i);
                }

                rows++;
            }

            return rows;
        }).GetAwaiter().GetResult();

    private static double ThroughApi(string databasePath)
    {
        using var server = ApiProcess.Start(databasePath, 5391);
        using var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiProcess.Key);
        return Median(() =>
        {
            using var response = client.GetAsync("/api/v1/benchmarks?rubricId=nlc&period=2025").GetAwaiter().GetResult();
            response.EnsureSuccessStatusCode();
            return response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult().Length;
        });
    }

    /// <summary>The median time in milliseconds of <see cref="Batches"/> runs after ten warm-up runs (so the JIT has optimised the code).</summary>
    private static double Median<T>(Func<T> run)
    {
        for (var i = 0; i < 10; i++)
        {
            run();
        }

        var times = new double[Batches];
        for (var i = 0; i < Batches; i++)
        {
            var started = Stopwatch.GetTimestamp();
            run();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(times);
        return times[Batches / 2];
    }
}
