using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Dapper;
using Microsoft.Data.Sqlite;
using Nlc.Core.Benchmarking;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;
using Nlc.Core.Storage;

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
    private static readonly string[] Countries = ["AL", "BA", "ME", "MK", "RS", "XK"];

    public static void Run(Rubric rubric, string apiAssemblyPath)
    {
        var folder = Directory.CreateTempSubdirectory("nlc-bench-").FullName;
        var database = new SqliteDatabase(Path.Combine(folder, "nlc.db"));
        var seeding = Stopwatch.StartNew();
        var catalog = Seed(database, rubric).GetAwaiter().GetResult();
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  seeded {0:N0} cities x {1} periods (answers, scores) in {2:N1} s", Cities, Periods.Length, seeding.Elapsed.TotalSeconds));

        var store = new BenchmarkStore(database);
        var pillars = rubric.Pillars.Select(p => p.Id).ToArray();
        var practices = rubric.Practices.Select(p => p.Id).ToArray();

        var bare = Median(() => BareRead(database));
        var library = Median(() => PeerBenchmark.Compute(
            store.EligibleAsync("nlc", 1, "2025", new ScoreSnapshotReader(pillars, practices)).GetAwaiter().GetResult(), new PeerGroupFilter(), pillars, practices, restricted: false, 5));
        var restricted = Median(() => PeerBenchmark.Compute(
            store.EligibleAsync("nlc", 1, "2025", new ScoreSnapshotReader(pillars, practices)).GetAwaiter().GetResult(), new PeerGroupFilter(Country: "ME"), pillars, practices, restricted: true, 5));
        var api = ThroughApi(apiAssemblyPath, database.Path, catalog);

        var detail = $"bare SQL read of the same {Cities:N0} rows: {bare:N1} ms";
        Report.Figure("benchmarks: group statistics, library (hub)", library, "ms", 100, $"{library / bare:N1}x bare read (goal <= 3x); {detail}");
        Report.Figure("benchmarks: group statistics, library (partner)", restricted, "ms", 100, $"{restricted / bare:N1}x bare read, with disclosure checks");
        Report.Figure("benchmarks: group statistics, through the API", api, "ms", 100, $"{api / bare:N1}x bare read; GET /api/v1/benchmarks on 127.0.0.1");
        Report.Figure("benchmarks: library time / bare SQL read", library / bare, "x", 3, detail);
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<RubricCatalog> Seed(SqliteDatabase database, Rubric rubric)
    {
        await Migrator.MigrateAsync(database, TimeProvider.System);
        var catalog = await new RubricStore(database, TimeProvider.System).SynchronizeAsync(RubricLoader.LoadDirectory(Path.Combine(AppContext.BaseDirectory, "rubrics")));
        var engine = new ScoringEngine(rubric);
        var random = new Random(10_000);
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            for (var c = 0; c < Cities; c++)
            {
                var cityId = $"city_{c:00000}";
                await connection.ExecuteAsync(
                    "INSERT INTO cities (id, name, country, region, population, tags, created_at, updated_at) VALUES (@cityId, @name, @country, @region, @population, '[\"bench\"]', @now, @now)",
                    new { cityId, name = $"Bench City {c:00000}", country = Countries[c % Countries.Length], region = $"Region {c % 40}", population = random.Next(2_000, 600_000), now },
                    transaction);
                var baseLevel = random.Next(0, 3);
                for (var p = 0; p < Periods.Length; p++)
                {
                    var assessmentId = $"asm_{c:00000}_{p}";
                    await connection.ExecuteAsync(
                        """
                        INSERT INTO assessments (id, city_id, rubric_id, rubric_version, period, status, created_at, updated_at, submitted_at, validated_at)
                        VALUES (@assessmentId, @cityId, 'nlc', @version, @period, 'validated', @now, @now, @now, @now)
                        """,
                        new { assessmentId, cityId, version = rubric.Version.ToString(), period = Periods[p], now },
                        transaction);
                    var answers = rubric.Indicators.Select(i => Answer.AtLevel(i.Id, Math.Clamp(baseLevel + p + random.Next(-1, 2), 0, 4))).ToArray();
                    foreach (var answer in answers)
                    {
                        await connection.ExecuteAsync(
                            "INSERT INTO answers (assessment_id, indicator_id, kind, level, answered_by, answered_at) VALUES (@assessmentId, @IndicatorId, 'level', @Level, 'bench', @now)",
                            new { assessmentId, answer.IndicatorId, answer.Level, now },
                            transaction);
                    }

                    await connection.ExecuteAsync(
                        """
                        INSERT INTO assessment_scores (assessment_id, city_id, rubric_id, rubric_version, period, scores, computed_at)
                        VALUES (@assessmentId, @cityId, 'nlc', @version, @period, @scores, @now)
                        """,
                        new { assessmentId, cityId, version = rubric.Version.ToString(), period = Periods[p], scores = ScoreSnapshot.Of(engine.Score(answers)).ToJson(), now },
                        transaction);
                }
            }

            return true;
        });
        return catalog;
    }

    /// <summary>The same query, every column read as it comes, nothing parsed or computed.</summary>
    private static int BareRead(SqliteDatabase database) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
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

    private static double ThroughApi(string apiAssemblyPath, string databasePath, RubricCatalog catalog)
    {
        const string key = "nlc_bench-admin-key";
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { apiAssemblyPath, "--urls", "http://127.0.0.1:5391" })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["Nlc__DatabasePath"] = databasePath;
        info.Environment["NLC_BOOTSTRAP_ADMIN_KEY"] = key;
        info.Environment["Nlc__RequestsPerMinute"] = "100000";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var server = Process.Start(info)!;
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:5391") };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            var started = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    if (client.GetAsync("/health").GetAwaiter().GetResult().IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException) when (started.Elapsed < TimeSpan.FromSeconds(60))
                {
                    Thread.Sleep(200);
                }
            }

            return Median(() =>
            {
                using var response = client.GetAsync("/api/v1/benchmarks?rubricId=nlc&period=2025").GetAwaiter().GetResult();
                response.EnsureSuccessStatusCode();
                return response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult().Length;
            });
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit();
        }
    }

    /// <summary>The median time in milliseconds of <see cref="Batches"/> runs after three warm-up runs.</summary>
    private static double Median<T>(Func<T> run)
    {
        for (var i = 0; i < 3; i++)
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
