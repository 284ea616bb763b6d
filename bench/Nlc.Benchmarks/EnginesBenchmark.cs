using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Nlc.Core.Benchmarking;
using Nlc.Core.Rubrics;
using Nlc.Storage;
using Nlc.Testing;

namespace Nlc.Benchmarks;

/// <summary>
/// Peer statistics on both engines side by side: the first read of one group's statistics (every pillar and practice)
/// over 10,000 and 100,000 cities × 4 periods, each against a bare read of the same rows on the same engine measured in
/// the same run. PostgreSQL is a throw-away cluster (tests/Shared/PostgresCluster.cs installs it when missing).
/// </summary>
internal static class EnginesBenchmark
{
    private static readonly string[] Periods = ["2022", "2023", "2024", "2025"];

    public static void Run(Rubric rubric, IReadOnlyList<int> sizes)
    {
        var pillars = rubric.Pillars.Select(p => p.Id).ToArray();
        var practices = rubric.Practices.Select(p => p.Id).ToArray();
        var firstReads = new Dictionary<(string, int), double>();
        var folder = Directory.CreateTempSubdirectory("nlc-bench-engines-").FullName;
        try
        {
            foreach (var size in sizes)
            {
                foreach (var engine in new[] { "SQLite", "PostgreSQL" })
                {
                    Database database = engine == "SQLite"
                        ? new SqliteDatabase(Path.Combine(folder, $"nlc-{size}.db"))
                        : new PostgresDatabase(PostgresCluster.NewDatabaseAsync($"peers{size}").GetAwaiter().GetResult());
                    var seeding = Stopwatch.StartNew();
                    ScoresOnlyData.SeedAsync(database, rubric, size, Periods).GetAwaiter().GetResult();
                    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0}: seeded {1:N0} cities x {2} periods (scores) in {3:N1} s", engine, size, Periods.Length, seeding.Elapsed.TotalSeconds));
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    GC.Collect();

                    var runs = size > 20_000 ? 5 : 15;
                    var bare = Median(() => BareRead(database), runs);
                    var read = Median(() => ReadEligible(database, pillars, practices), runs);
                    var eligible = ReadEligible(database, pillars, practices);
                    var statistics = Median(() => PeerBenchmark.Compute(eligible, new PeerGroupFilter(), pillars, practices, PeerDisclosure.Exact), runs);
                    var first = Median(() => PeerBenchmark.Compute(
                        ReadEligible(database, pillars, practices), new PeerGroupFilter(), pillars, practices, PeerDisclosure.Exact), runs);
                    firstReads[(engine, size)] = first;
                    var allocated = AllocatedMegabytes(() => PeerBenchmark.Compute(
                        ReadEligible(database, pillars, practices), new PeerGroupFilter(), pillars, practices, PeerDisclosure.Exact));
                    var bareAllocated = AllocatedMegabytes(() => BareRead(database));
                    var goal = size <= 10_000 ? 50 : 500;
                    Report.Figure($"engines: {engine,-10} {size,7:N0} cities, peer statistics first read", first, "ms", goal,
                        string.Format(CultureInfo.InvariantCulture, "bare read of the same rows {0:N1} ms; {1:N2}x; of which reading {2:N1} ms, statistics {3:N1} ms; allocated {4:N1} MB (bare {5:N1} MB)",
                            bare, first / bare, read, statistics, allocated, bareAllocated));
                    Report.Figure($"engines: {engine,-10} {size,7:N0} cities, first read / bare read", first / bare, "x", 2, "goal: within 2x of the bare read");
                    (database as IAsyncDisposable)?.DisposeAsync().AsTask().GetAwaiter().GetResult();
                }
            }

            if (sizes.Count >= 2)
            {
                foreach (var engine in new[] { "SQLite", "PostgreSQL" })
                {
                    var (small, large) = (sizes[0], sizes[^1]);
                    var growth = firstReads[(engine, large)] / firstReads[(engine, small)];
                    var scale = (double)large / small;
                    Report.Figure($"engines: {engine,-10} growth {small:N0} -> {large:N0} cities / growth of the data", growth / scale, "x", 1.5,
                        string.Format(CultureInfo.InvariantCulture, "first read {0:N1}x for {1:N0}x the cities (1.0 is linear)", growth, scale));
                }
            }
        }
        finally
        {
            PostgresCluster.StopAsync().GetAwaiter().GetResult();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The peer cities as the server reads them the first time (a new store holds nothing yet).</summary>
    private static IReadOnlyList<PeerCity> ReadEligible(Database database, string[] pillars, string[] practices) =>
        new BenchmarkStore(database).EligibleAsync("nlc", 1, "2025", new ScoreSnapshotReader(pillars, practices)).GetAwaiter().GetResult();

    /// <summary>The same query on the same engine, every column read as it comes, nothing parsed or computed.</summary>
    private static int BareRead(Database database) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = BenchmarkStore.EligibleSql;
            Add(command, "rubricId", "nlc");
            Add(command, "period", "2025");
            Add(command, "majorPrefix", "1.%");
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

    private static void Add(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static double AllocatedMegabytes<T>(Func<T> run)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        run();
        return (GC.GetTotalAllocatedBytes(precise: true) - before) / 1_048_576.0;
    }

    /// <summary>The median time in milliseconds of <paramref name="runs"/> runs after three warm-up runs.</summary>
    private static double Median<T>(Func<T> run, int runs)
    {
        for (var i = 0; i < 3; i++)
        {
            run();
        }

        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            run();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(times);
        return times[runs / 2];
    }
}
