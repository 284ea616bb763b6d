using System.Text.Json;
using Dapper;
using Nlc.Core.Benchmarking;

namespace Nlc.Core.Storage;

/// <summary>Reads the validated, scored assessments that peer groups are drawn from.</summary>
public sealed class BenchmarkStore(SqliteDatabase database)
{
    /// <summary>The SQL that selects, per city, its validated assessment of a rubric major version in a period, with its stored scores.</summary>
    public const string EligibleSql =
        """
        SELECT c.id AS city_id, c.name AS city_name, c.country, c.region, c.population, c.tags,
               a.id AS assessment_id, a.rubric_version, s.scores
        FROM assessments a
        JOIN cities c ON c.id = a.city_id
        JOIN assessment_scores s ON s.assessment_id = a.id
        WHERE a.rubric_id = @rubricId AND a.period = @period AND a.status = 'validated'
          AND (a.rubric_version = @major OR a.rubric_version LIKE @majorPrefix)
        ORDER BY c.id
        """;

    /// <summary>Every city with a validated assessment of rubric <paramref name="rubricId"/> (major <paramref name="major"/>) in <paramref name="period"/>.</summary>
    public Task<IReadOnlyList<PeerCity>> EligibleAsync(string rubricId, int major, string period) =>
        database.ReadAsync<IReadOnlyList<PeerCity>>(async connection =>
        {
            var rows = await connection.QueryAsync<Row>(EligibleSql, Parameters(rubricId, major, period));
            return rows.Select(r => r.ToPeerCity()).ToArray();
        });

    /// <summary>The parameters of <see cref="EligibleSql"/>.</summary>
    public static object Parameters(string rubricId, int major, string period) =>
        new { rubricId, period, major = major.ToString(System.Globalization.CultureInfo.InvariantCulture), majorPrefix = $"{major}.%" };

    private sealed class Row
    {
        public string CityId { get; init; } = "";
        public string CityName { get; init; } = "";
        public string Country { get; init; } = "";
        public string? Region { get; init; }
        public long? Population { get; init; }
        public string Tags { get; init; } = "[]";
        public string AssessmentId { get; init; } = "";
        public string RubricVersion { get; init; } = "";
        public string Scores { get; init; } = "";

        public PeerCity ToPeerCity()
        {
            var snapshot = ScoreSnapshot.FromJson(Scores);
            return new PeerCity(
                Country, Region, Population, JsonSerializer.Deserialize<string[]>(Tags) ?? [],
                new ScoredCity(CityId, CityName, AssessmentId, RubricVersion, snapshot.Overall, snapshot.Pillars, snapshot.Practices));
        }
    }
}
