using System.Globalization;
using Dapper;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;
using Nlc.Storage;

namespace Nlc.Benchmarks;

/// <summary>
/// Fills a new database of either engine with cities and their validated, scored assessments, without answers (peer
/// statistics read only the stored scores), in multi-row inserts so that 100,000 cities seed in reasonable time.
/// </summary>
internal static class ScoresOnlyData
{
    private const int RowsPerInsert = 400;
    private static readonly string[] Countries = ["AL", "BA", "ME", "MK", "RS", "XK"];

    /// <summary>Creates <paramref name="cities"/> cities, each with a validated assessment and its scores in every period.</summary>
    public static async Task SeedAsync(Database database, Rubric rubric, int cities, IReadOnlyList<string> periods)
    {
        await Migrator.MigrateAsync(database, TimeProvider.System);
        await new RubricStore(database, TimeProvider.System).SynchronizeAsync(RubricLoader.LoadDirectory(Path.Combine(AppContext.BaseDirectory, "rubrics")));
        var engine = new ScoringEngine(rubric);
        var random = new Random(cities);
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var version = rubric.Version.ToString();
        for (var first = 0; first < cities; first += RowsPerInsert)
        {
            var count = Math.Min(RowsPerInsert, cities - first);
            var cityRows = new List<string>();
            var assessmentRows = new List<string>();
            var scoreRows = new List<string>();
            var parameters = new DynamicParameters(new { now, version });
            for (var c = first; c < first + count; c++)
            {
                cityRows.Add($"('city_{c:000000}', 'Bench City {c:000000}', '{Countries[c % Countries.Length]}', 'Region {c % 40}', {random.Next(2_000, 600_000)}, '[\"bench\"]', @now, @now)");
                var baseLevel = random.Next(0, 3);
                for (var p = 0; p < periods.Count; p++)
                {
                    var assessmentId = $"asm_{c:000000}_{p}";
                    var answers = rubric.Indicators.Select(i => Answer.AtLevel(i.Id, Math.Clamp(baseLevel + p + random.Next(-1, 2), 0, 4))).ToArray();
                    var snapshot = ScoreSnapshot.Of(engine.Score(answers));
                    parameters.Add($"s{c}_{p}", snapshot.ToJson());
                    parameters.Add($"v{c}_{p}", snapshot.ToRecord());
                    assessmentRows.Add($"('{assessmentId}', 'city_{c:000000}', 'nlc', @version, '{periods[p]}', 'validated', @now, @now, @now, @now, {(c * periods.Count) + p + 1}, 1)");
                    scoreRows.Add($"('{assessmentId}', 'city_{c:000000}', 'nlc', @version, '{periods[p]}', @s{c}_{p}, @v{c}_{p}, @now)");
                }
            }

            await database.InTransactionAsync(async (connection, transaction) =>
            {
                await connection.ExecuteAsync(
                    "INSERT INTO cities (id, name, country, region, population, tags, created_at, updated_at) VALUES " + string.Join(",", cityRows), parameters, transaction);
                await connection.ExecuteAsync(
                    "INSERT INTO assessments (id, city_id, rubric_id, rubric_version, period, status, created_at, updated_at, submitted_at, validated_at, change_seq, ever_validated) VALUES "
                    + string.Join(",", assessmentRows), parameters, transaction);
                await connection.ExecuteAsync(
                    "INSERT INTO assessment_scores (assessment_id, city_id, rubric_id, rubric_version, period, scores, score_record, computed_at) VALUES " + string.Join(",", scoreRows), parameters, transaction);
                return true;
            });
        }
    }
}
