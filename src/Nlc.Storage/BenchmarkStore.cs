using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Nlc.Core.Benchmarking;

namespace Nlc.Storage;

/// <summary>
/// Reads the validated, scored assessments that peer groups are drawn from. What it read for a rubric and period is kept
/// until the database is next written to, so repeated benchmark questions about one period skip the read.
/// </summary>
public sealed class BenchmarkStore(Database database)
{
    private readonly ConcurrentDictionary<string, (long Generation, IReadOnlyList<PeerCity> Cities)> _eligible = new(StringComparer.Ordinal);

    /// <summary>The SQL that selects, per city, its validated assessment of a rubric major version in a period, with its stored scores (the compact record).</summary>
    public const string EligibleSql =
        """
        SELECT c.id AS city_id, c.name AS city_name, c.country, c.region, c.population, c.tags,
               s.assessment_id, s.rubric_version, s.score_values
        FROM assessment_scores s
        JOIN cities c ON c.id = s.city_id
        WHERE s.rubric_id = @rubricId AND s.period = @period AND s.rubric_version LIKE @majorPrefix
        ORDER BY s.city_id
        """;

    /// <summary>
    /// Every city with a validated assessment of rubric <paramref name="rubricId"/> (major <paramref name="major"/>) in
    /// <paramref name="period"/>, its scores read for the pillars and practices <paramref name="scores"/> knows.
    /// </summary>
    public async Task<IReadOnlyList<PeerCity>> EligibleAsync(
        string rubricId, int major, string period, ScoreSnapshotReader scores, CancellationToken cancellationToken = default)
    {
        var key = $"{rubricId}|{major}|{period}|{scores.Layout}";
        var generation = await database.WriteGenerationAsync(cancellationToken);
        if (_eligible.TryGetValue(key, out var cached) && cached.Generation == generation)
        {
            return cached.Cities;
        }

        var cities = await ReadEligibleAsync(rubricId, major, period, scores, cancellationToken);
        _eligible[key] = (generation, cities);
        return cities;
    }

    /// <summary>One snapshot of a rubric version, whose pillar and practice ids give the order of that version's compact records.</summary>
    private const string LayoutSql =
        "SELECT scores FROM assessment_scores WHERE rubric_id = @rubricId AND rubric_version = @rubricVersion LIMIT 1";

    private Task<IReadOnlyList<PeerCity>> ReadEligibleAsync(
        string rubricId, int major, string period, ScoreSnapshotReader scores, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<PeerCity>>(async connection =>
        {
            var rows = new List<EligibleRow>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = EligibleSql;
                AddParameter(command, "rubricId", rubricId);
                AddParameter(command, "period", period);
                AddParameter(command, "majorPrefix", major.ToString(CultureInfo.InvariantCulture) + ".%");
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                // Most cities share a handful of tag lists: each distinct list is parsed once per read.
                var tagLists = new Dictionary<string, string[]>(StringComparer.Ordinal) { ["[]"] = [] };
                while (await reader.ReadAsync(cancellationToken))
                {
                    var tagsJson = reader.GetString(5);
                    if (!tagLists.TryGetValue(tagsJson, out var tags))
                    {
                        tags = JsonSerializer.Deserialize<string[]>(tagsJson) ?? [];
                        tagLists[tagsJson] = tags;
                    }

                    rows.Add(new EligibleRow(
                        reader.GetString(0),
                        reader.GetString(1),
                        reader.GetString(2),
                        reader.IsDBNull(3) ? null : reader.GetString(3),
                        reader.IsDBNull(4) ? null : reader.GetInt64(4),
                        tags,
                        reader.GetString(6),
                        reader.GetString(7),
                        reader.IsDBNull(8) ? throw new InvalidDataException($"The scores of assessment {reader.GetString(6)} have no compact record (migration 0008 writes it).") : reader.GetFieldValue<byte[]>(8)));
                }
            }

            // A reader is closed before the next command: PostgreSQL runs one command at a time on a connection.
            var layouts = new Dictionary<string, CompactLayout>(StringComparer.Ordinal);
            foreach (var version in rows.Select(r => r.RubricVersion).Distinct(StringComparer.Ordinal))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = LayoutSql;
                AddParameter(command, "rubricId", rubricId);
                AddParameter(command, "rubricVersion", version);
                var json = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
                layouts[version] = scores.LayoutOf(ScoreSnapshot.FromJson(json));
            }

            var cities = new List<PeerCity>(rows.Count);
            foreach (var row in rows)
            {
                var (overall, pillars, practices) = scores.ReadCompact(row.Values, layouts[row.RubricVersion]);
                cities.Add(new PeerCity(
                    row.Country, row.Region, row.Population, row.Tags,
                    new ScoredCity(row.CityId, row.CityName, row.AssessmentId, row.RubricVersion, overall, pillars, practices)));
            }

            return cities;
        }, cancellationToken);

    private sealed record EligibleRow(
        string CityId, string CityName, string Country, string? Region, long? Population, string[] Tags, string AssessmentId, string RubricVersion, byte[] Values);

    private static void AddParameter(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
