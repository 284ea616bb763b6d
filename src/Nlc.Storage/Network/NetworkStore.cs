using Dapper;
using System.Text.Json;
using Nlc.Core.Assessments;

namespace Nlc.Storage.Network;

/// <summary>
/// Reads the whole network for the hub's pages in one SQL statement: every city with every assessment, its answer count
/// and its stored validated score. What it read is kept until the database is next written to.
/// </summary>
public sealed class NetworkStore(Database database)
{
    private static readonly ScoreSnapshotReader OverallOnly = new([], []);
    private ((long, long, long) Version, IReadOnlyList<NetworkCity> Cities)? _read;

    // On PostgreSQL, what the network read depends on, as the database (shared by every server) has it: the counter moved by
    // city updates and deletes and by stored scores, the newest change number (every write to an assessment or its answers
    // takes one), and the number of cities (a new city moves neither). One statement, each part read from an index.
    private const string PostgresVersionSql =
        """
        SELECT (SELECT value FROM write_generation WHERE id = 1),
               (SELECT coalesce(max(change_seq), 0) FROM assessments),
               (SELECT count(*) FROM cities)
        """;

    /// <summary>The one statement the network pages read: a row per assessment (or per city without any), cities in id order.</summary>
    public const string NetworkSql =
        """
        SELECT c.id, c.name, c.country, c.region, c.population, c.tags,
               a.id, a.rubric_id, a.rubric_version, a.period, a.status, a.updated_at, a.submitted_at,
               (SELECT count(*) FROM answers n WHERE n.assessment_id = a.id) AS answered,
               s.scores
        FROM cities c
        LEFT JOIN assessments a ON a.city_id = c.id
        LEFT JOIN assessment_scores s ON s.assessment_id = a.id
        ORDER BY c.id
        """;

    /// <summary>Every city with its assessments, as of the last write (through any server).</summary>
    public async Task<IReadOnlyList<NetworkCity>> ReadAsync(CancellationToken cancellationToken = default)
    {
        var version = await VersionAsync(cancellationToken);
        if (_read is { } cached && cached.Version == version)
        {
            return cached.Cities;
        }

        var cities = await database.ReadAsync(connection => ReadAsync(connection, cancellationToken), cancellationToken);
        _read = (version, cities);
        return cities;
    }

    /// <summary>
    /// A value that changes with every write the network read depends on. On SQLite, where this process is the only
    /// writer, its write generation (every write moves it); on PostgreSQL, where another server may have written and the
    /// write generation moves only with peer groups, <see cref="PostgresVersionSql"/>.
    /// </summary>
    private async Task<(long, long, long)> VersionAsync(CancellationToken cancellationToken)
    {
        if (database.Engine == DatabaseEngine.Sqlite)
        {
            return (await database.WriteGenerationAsync(cancellationToken), 0, 0);
        }

        return await database.ReadAsync(
            connection => connection.QuerySingleAsync<(long, long, long)>(new CommandDefinition(PostgresVersionSql, cancellationToken: cancellationToken)),
            cancellationToken);
    }

    private static async Task<IReadOnlyList<NetworkCity>> ReadAsync(System.Data.Common.DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = NetworkSql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var cities = new List<NetworkCity>();
        List<NetworkAssessment>? assessments = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var cityId = reader.GetString(0);
            if (cities.Count == 0 || cities[^1].Id != cityId)
            {
                assessments = [];
                var tags = reader.GetString(5);
                cities.Add(new NetworkCity(
                    cityId,
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetInt64(4),
                    tags == "[]" ? [] : JsonSerializer.Deserialize<string[]>(tags) ?? [],
                    assessments));
            }

            if (reader.IsDBNull(6))
            {
                continue;
            }

            double? overall = reader.IsDBNull(14) ? null : OverallOnly.Read(reader.GetFieldValue<byte[]>(14)).Overall;
            assessments!.Add(new NetworkAssessment(
                reader.GetString(6),
                reader.GetString(7),
                reader.GetString(8),
                reader.GetString(9),
                Enum.Parse<AssessmentStatus>(reader.GetString(10), ignoreCase: true),
                Timestamps.Parse(reader.GetString(11)),
                reader.IsDBNull(12) ? null : Timestamps.Parse(reader.GetString(12)),
                Convert.ToInt32(reader.GetValue(13), System.Globalization.CultureInfo.InvariantCulture),
                overall));
        }

        return cities;
    }
}
