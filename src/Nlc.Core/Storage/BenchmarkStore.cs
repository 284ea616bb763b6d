using System.Globalization;
using System.Text.Json;
using Nlc.Core.Benchmarking;

namespace Nlc.Core.Storage;

/// <summary>Reads the validated, scored assessments that peer groups are drawn from.</summary>
public sealed class BenchmarkStore(SqliteDatabase database)
{
    /// <summary>The SQL that selects, per city, its validated assessment of a rubric major version in a period, with its stored scores.</summary>
    public const string EligibleSql =
        """
        SELECT c.id AS city_id, c.name AS city_name, c.country, c.region, c.population, c.tags,
               s.assessment_id, s.rubric_version, s.scores
        FROM assessment_scores s
        JOIN cities c ON c.id = s.city_id
        WHERE s.rubric_id = @rubricId AND s.period = @period AND s.rubric_version LIKE @majorPrefix
        ORDER BY s.city_id
        """;

    /// <summary>
    /// Every city with a validated assessment of rubric <paramref name="rubricId"/> (major <paramref name="major"/>) in
    /// <paramref name="period"/>, its scores read for the pillars and practices <paramref name="scores"/> knows.
    /// </summary>
    public Task<IReadOnlyList<PeerCity>> EligibleAsync(string rubricId, int major, string period, ScoreSnapshotReader scores) =>
        database.ReadAsync<IReadOnlyList<PeerCity>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = EligibleSql;
            command.Parameters.AddWithValue("@rubricId", rubricId);
            command.Parameters.AddWithValue("@period", period);
            command.Parameters.AddWithValue("@majorPrefix", major.ToString(CultureInfo.InvariantCulture) + ".%");
            await using var reader = await command.ExecuteReaderAsync();
            var cities = new List<PeerCity>();
            while (await reader.ReadAsync())
            {
                var (overall, pillars, practices) = scores.Read(reader.GetFieldValue<byte[]>(8));
                var tags = reader.GetString(5);
                cities.Add(new PeerCity(
                    reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetInt64(4),
                    tags == "[]" ? [] : JsonSerializer.Deserialize<string[]>(tags) ?? [],
                    new ScoredCity(reader.GetString(0), reader.GetString(1), reader.GetString(6), reader.GetString(7), overall, pillars, practices)));
            }

            return cities;
        });
}
