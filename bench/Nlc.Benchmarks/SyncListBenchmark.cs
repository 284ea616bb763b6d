using System.Diagnostics;
using System.Globalization;
using Nlc.Core.Assessments;
using Nlc.Core.Rubrics;
using Nlc.Storage;

namespace Nlc.Benchmarks;

/// <summary>
/// The network-wide list partners sync from: one page of 200 over 1,000 cities × 3 periods, as a partner sees it (validated
/// only, resuming from a cursor in the middle), against a bare SQL read of the same 200 rows measured in the same run.
/// </summary>
internal static class SyncListBenchmark
{
    private const int Cities = 1_000;
    private const int PageSize = 200;
    private const int Runs = 200;
    private static readonly string[] Periods = ["2023", "2024", "2025"];

    public static void Run(Rubric rubric)
    {
        var folder = Directory.CreateTempSubdirectory("nlc-bench-sync-").FullName;
        var database = new SqliteDatabase(Path.Combine(folder, "nlc.db"));
        BenchData.SeedAsync(database, rubric, Cities, Periods).GetAwaiter().GetResult();
        var store = new AssessmentStore(database, TimeProvider.System);
        var partner = new NetworkAssessmentFilter(Status: AssessmentStatus.Validated);
        const long after = Cities * 3 / 2; // a partner resuming half-way through the network

        var listed = Median(() => store.ListChangesAsync(partner, after, listWithdrawn: true, PageSize).GetAwaiter().GetResult().Items.Count);
        var bare = Median(() => BareRead(database, after));
        var rows = BareRead(database, after);
        Report.Figure(
            "sync: network-wide list, one page of 200", listed, "ms", 20,
            string.Format(CultureInfo.InvariantCulture, "{0:N1}x a bare SQL read of the same {1} rows ({2:N2} ms); {3:N0} cities x {4} periods", listed / bare, rows, bare, Cities, Periods.Length));
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>The same 200 rows by the change-sequence index, every column read as it comes, nothing mapped.</summary>
    private static int BareRead(SqliteDatabase database, long after) =>
        database.ReadAsync(async anyConnection =>
        {
            var connection = (Microsoft.Data.Sqlite.SqliteConnection)anyConnection;
            await using var command = connection.CreateCommand();
            command.CommandText =
                """
                SELECT a.id, a.city_id, a.rubric_id, a.rubric_version, a.period, a.status, a.created_at, a.updated_at, a.submitted_at, a.validated_at,
                       a.row_version, a.change_seq
                FROM assessments a WHERE a.change_seq > @after AND a.status = 'validated' ORDER BY a.change_seq LIMIT 200
                """;
            command.Parameters.AddWithValue("@after", after);
            await using var reader = await command.ExecuteReaderAsync();
            var count = 0;
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    _ = reader.GetValue(i);
                }

                count++;
            }

            return count;
        }).GetAwaiter().GetResult();

    private static double Median(Func<int> run)
    {
        for (var i = 0; i < 20; i++)
        {
            run();
        }

        var times = new double[Runs];
        for (var i = 0; i < Runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            run();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(times);
        return times[Runs / 2];
    }
}
