using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;
using Nlc.Core.Benchmarking;

namespace Nlc.Storage;

/// <summary>
/// Reads the validated, scored assessments that peer groups are drawn from. What it read for a rubric and period is kept
/// until the database is next written to, so repeated benchmark questions about one period skip the read.
/// </summary>
public sealed class BenchmarkStore(Database database)
{
    private readonly ConcurrentDictionary<string, (long Generation, IReadOnlyList<PeerCity> Cities)> _eligible = new(StringComparer.Ordinal);

    /// <summary>The SQL that selects, per city, its validated assessment of a rubric major version in a period, with its stored score record.</summary>
    public const string EligibleSql =
        """
        SELECT c.id AS city_id, c.name AS city_name, c.country, c.region, c.population, c.tags,
               s.assessment_id, s.rubric_version, s.score_record
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

    /// <summary>One snapshot of a rubric version, whose pillar and practice ids give the order of that version's score records.</summary>
    private const string LayoutSql =
        "SELECT scores FROM assessment_scores WHERE rubric_id = @rubricId AND rubric_version = @rubricVersion LIMIT 1";

    private Task<IReadOnlyList<PeerCity>> ReadEligibleAsync(
        string rubricId, int major, string period, ScoreSnapshotReader scores, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<PeerCity>>(async connection =>
        {
            var rows = await ReadRowsAsync(connection, rubricId, major, period, cancellationToken);

            // Each command runs after the previous reader is closed: PostgreSQL runs one at a time on a connection.
            var layouts = new Dictionary<string, RecordLayout>(StringComparer.Ordinal);
            foreach (var version in rows.Select(r => r.RubricVersion).Distinct(StringComparer.Ordinal))
            {
                var json = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
                    LayoutSql, new { rubricId, rubricVersion = version }, cancellationToken: cancellationToken));
                layouts[version] = scores.LayoutOf(ScoreSnapshot.FromJson(json!));
            }

            var cities = new List<PeerCity>(rows.Count);
            var withoutRecord = new List<(int Position, EligibleRow Row)>();
            // One array holds every city's scores: thousands of small arrays would each be an object for the collector.
            var values = new double[rows.Count * scores.Width];
            Array.Fill(values, double.NaN);
            foreach (var row in rows)
            {
                if (row.Record is null || !scores.TryReadRecord(row.Record, layouts[row.RubricVersion], values, cities.Count * scores.Width, out var read))
                {
                    withoutRecord.Add((cities.Count, row));
                    cities.Add(null!);
                    continue;
                }

                cities.Add(row.ToPeerCity(read));
            }

            if (withoutRecord.Count > 0)
            {
                var snapshots = (await connection.QueryAsync<(string AssessmentId, string Scores)>(new CommandDefinition(
                        "SELECT assessment_id, scores FROM assessment_scores WHERE rubric_id = @rubricId AND period = @period",
                        new { rubricId, period },
                        cancellationToken: cancellationToken)))
                    .ToDictionary(s => s.AssessmentId, s => s.Scores, StringComparer.Ordinal);
                foreach (var (position, row) in withoutRecord)
                {
                    cities[position] = row.ToPeerCity(scores.Read(Encoding.UTF8.GetBytes(snapshots[row.AssessmentId])));
                }
            }

            return cities;
        }, cancellationToken);

    private static async Task<List<EligibleRow>> ReadRowsAsync(DbConnection connection, string rubricId, int major, string period, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = EligibleSql;
        AddParameter(command, "rubricId", rubricId);
        AddParameter(command, "period", period);
        AddParameter(command, "majorPrefix", major.ToString(CultureInfo.InvariantCulture) + ".%");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<EligibleRow>();
        // Most cities share a handful of tag lists: each distinct list is parsed once per read. Countries, regions and
        // rubric versions repeat too: the cities of a read share one copy of each, so fewer objects stay alive.
        var tagLists = new Dictionary<string, string[]>(StringComparer.Ordinal) { ["[]"] = [] };
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        string Shared(string text) => shared.TryGetValue(text, out var copy) ? copy : shared[text] = text;
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
                Shared(reader.GetString(2)),
                reader.IsDBNull(3) ? null : Shared(reader.GetString(3)),
                reader.IsDBNull(4) ? null : reader.GetInt64(4),
                tags,
                reader.GetString(6),
                Shared(reader.GetString(7)),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<byte[]>(8)));
        }

        return rows;
    }

    /// <summary>A row of <see cref="EligibleSql"/>; <see cref="Record"/> is null for scores stored before migration 0008 and not yet filled in.</summary>
    private readonly record struct EligibleRow(
        string CityId, string CityName, string Country, string? Region, long? Population, string[] Tags, string AssessmentId, string RubricVersion, byte[]? Record)
    {
        public PeerCity ToPeerCity((double? Overall, MetricScores Pillars, MetricScores Practices) scores) => new(
            Country, Region, Population, Tags,
            new ScoredCity(CityId, CityName, AssessmentId, RubricVersion, scores.Overall, scores.Pillars, scores.Practices));
    }

    private static void AddParameter(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
