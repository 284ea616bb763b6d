using System.Globalization;
using Dapper;
using Nlc.Core.Cities;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;
using Nlc.Storage;

namespace Nlc.Benchmarks;

/// <summary>Fills a new database (SQLite or PostgreSQL) with many validated, scored assessments, straight through SQL in one transaction.</summary>
internal static class BenchData
{
    private static readonly string[] Countries = ["AL", "BA", "ME", "MK", "RS", "XK"];

    /// <summary>Creates <paramref name="cities"/> cities, each with a validated assessment (answers and scores) per period; returns the assessment ids.</summary>
    public static async Task<IReadOnlyList<string>> SeedAsync(Database database, Rubric rubric, int cities, IReadOnlyList<string> periods)
    {
        await Migrator.MigrateAsync(database, TimeProvider.System);
        await new RubricStore(database, TimeProvider.System).SynchronizeAsync(RubricLoader.LoadDirectory(Path.Combine(AppContext.BaseDirectory, "rubrics")));
        var engine = new ScoringEngine(rubric);
        var random = new Random(cities);
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var ids = new List<string>();
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            for (var c = 0; c < cities; c++)
            {
                var cityId = $"city_{c:00000}";
                await connection.ExecuteAsync(
                    "INSERT INTO cities (id, name, country, region, population, tags, created_at, updated_at) VALUES (@cityId, @name, @country, @region, @population, '[\"bench\"]', @now, @now)",
                    new { cityId, name = $"Bench City {c:00000}", country = Countries[c % Countries.Length], region = $"Region {c % 40}", population = random.Next(2_000, 600_000), now },
                    transaction);
                var baseLevel = random.Next(0, 3);
                for (var p = 0; p < periods.Count; p++)
                {
                    var assessmentId = $"asm_{c:00000}_{p}";
                    ids.Add(assessmentId);
                    await connection.ExecuteAsync(
                        """
                        INSERT INTO assessments (id, city_id, rubric_id, rubric_version, period, status, created_at, updated_at, submitted_at, validated_at, change_seq, ever_validated)
                        VALUES (@assessmentId, @cityId, 'nlc', @version, @period, 'validated', @now, @now, @now, @now, @changeSeq, 1)
                        """,
                        new { assessmentId, cityId, version = rubric.Version.ToString(), period = periods[p], now, changeSeq = ids.Count },
                        transaction);
                    var answers = rubric.Indicators.Select(i => Answer.AtLevel(i.Id, Math.Clamp(baseLevel + p + random.Next(-1, 2), 0, 4))).ToArray();
                    var snapshot = ScoreSnapshot.Of(engine.Score(answers));
                    foreach (var answer in answers)
                    {
                        await connection.ExecuteAsync(
                            "INSERT INTO answers (assessment_id, indicator_id, kind, level, answered_by, answered_at) VALUES (@assessmentId, @IndicatorId, 'level', @Level, 'bench', @now)",
                            new { assessmentId, answer.IndicatorId, answer.Level, now },
                            transaction);
                    }

                    await connection.ExecuteAsync(
                        """
                        INSERT INTO assessment_scores (assessment_id, city_id, rubric_id, rubric_version, period, scores, score_record, computed_at)
                        VALUES (@assessmentId, @cityId, 'nlc', @version, @period, @scores, @record, @now)
                        """,
                        new { assessmentId, cityId, version = rubric.Version.ToString(), period = periods[p], scores = snapshot.ToJson(), record = snapshot.ToRecord(), now },
                        transaction);
                }
            }

            return true;
        });
        return ids;
    }
}
