using System.Globalization;
using Dapper;

namespace Nlc.Storage;

/// <summary>What a copy wrote: rows per table, in the order they were copied.</summary>
public sealed record CopyReport(IReadOnlyList<(string Table, int Rows)> Tables)
{
    /// <summary>Every row copied.</summary>
    public int Rows => Tables.Sum(t => t.Rows);
}

/// <summary>
/// Copies a SQLite database into an empty PostgreSQL database (to move a hub onto several servers), in one transaction,
/// then reads both back and compares every row of every table. Both are first brought to this build's schema.
/// </summary>
public static class DatabaseCopy
{
    /// <summary>
    /// Copies every row of <paramref name="source"/> into <paramref name="target"/>, which must hold no data yet, and checks
    /// that both now hold the same rows. Throws <see cref="InvalidOperationException"/> saying why when it refuses or the
    /// rows differ; the target is then left as it was (the copy is one transaction) or, after a difference, to be dropped.
    /// </summary>
    public static async Task<CopyReport> CopyAsync(SqliteDatabase source, PostgresDatabase target, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        await Migrator.MigrateAsync(source, clock, cancellationToken);
        await Migrator.MigrateAsync(target, clock, cancellationToken);
        var tables = await TablesInDependencyOrderAsync(source, cancellationToken);
        foreach (var table in tables)
        {
            var rows = await target.ReadAsync(c => c.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT count(*) FROM \"{table}\"", cancellationToken: cancellationToken)), cancellationToken);
            if (rows > 0)
            {
                throw new InvalidOperationException($"The {target.Description} already holds data ({rows} rows in {table}); copy into a new, empty database.");
            }
        }

        var copied = await target.InTransactionAsync(async (connection, transaction) =>
        {
            var report = new List<(string, int)>();
            foreach (var table in tables)
            {
                var rows = await ReadRowsAsync(source, table, cancellationToken);
                if (rows.Count > 0)
                {
                    var columns = rows[0].Keys.ToArray();
                    var insert = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
                    foreach (var row in rows)
                    {
                        var parameters = new DynamicParameters();
                        for (var i = 0; i < columns.Length; i++)
                        {
                            parameters.Add($"p{i}", row[columns[i]]);
                        }

                        await connection.ExecuteAsync(new CommandDefinition(insert, parameters, transaction, cancellationToken: cancellationToken));
                    }

                    // Rows keep their ids (the audit log's order); identity columns continue after the highest.
                    foreach (var column in columns)
                    {
                        var sequence = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                            "SELECT pg_get_serial_sequence(@table, @column)", new { table = $"\"{table}\"", column }, transaction, cancellationToken: cancellationToken));
                        if (sequence is not null)
                        {
                            await connection.ExecuteAsync(new CommandDefinition(
                                $"SELECT setval(@sequence, (SELECT max(\"{column}\") FROM \"{table}\"))", new { sequence }, transaction, cancellationToken: cancellationToken));
                        }
                    }
                }

                report.Add((table, rows.Count));
            }
            return report;
        }, cancellationToken);

        foreach (var table in tables)
        {
            var expected = Canonical(await ReadRowsAsync(source, table, cancellationToken));
            var actual = Canonical(await ReadRowsAsync(target, table, cancellationToken));
            var firstDifference = expected.Zip(actual).Select((pair, index) => (pair, index)).FirstOrDefault(p => p.pair.First != p.pair.Second);
            if (expected.Count != actual.Count || firstDifference.pair.First is not null)
            {
                throw new InvalidOperationException(
                    $"After the copy, table {table} differs: {expected.Count} rows in the SQLite file, {actual.Count} in PostgreSQL"
                    + (firstDifference.pair.First is null ? "." : $"; first difference: {firstDifference.pair.First} <> {firstDifference.pair.Second}.")
                    + " Drop the PostgreSQL database and copy again.");
            }
        }

        return new CopyReport(copied);
    }

    /// <summary>The source's tables (not SQLite's own, not the migration record), each after the tables it refers to.</summary>
    private static async Task<IReadOnlyList<string>> TablesInDependencyOrderAsync(SqliteDatabase source, CancellationToken cancellationToken)
    {
        var references = await source.ReadAsync(async connection =>
        {
            var names = await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name",
                cancellationToken: cancellationToken));
            var map = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var name in names)
            {
                map[name] = (await connection.QueryAsync<string>(new CommandDefinition(
                    "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(@name)", new { name }, cancellationToken: cancellationToken))).ToArray();
            }

            return map;
        }, cancellationToken);

        var ordered = new List<string>();
        void Visit(string table)
        {
            if (ordered.Contains(table))
            {
                return;
            }

            foreach (var referenced in references[table].Where(r => r != table && references.ContainsKey(r)))
            {
                Visit(referenced);
            }

            ordered.Add(table);
        }

        foreach (var table in references.Keys)
        {
            Visit(table);
        }

        return ordered;
    }

    private static Task<List<IDictionary<string, object?>>> ReadRowsAsync(Database database, string table, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async connection => (await connection.QueryAsync(new CommandDefinition($"SELECT * FROM \"{table}\"", cancellationToken: cancellationToken)))
                .Cast<IDictionary<string, object?>>()
                .ToList(),
            cancellationToken);

    /// <summary>Each row as one text (columns by name, values in invariant form), sorted, so two engines' rows compare exactly.</summary>
    private static List<string> Canonical(IEnumerable<IDictionary<string, object?>> rows) =>
        rows.Select(row => string.Join(
                " | ",
                row.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key + "=" + c.Value switch
                {
                    null or DBNull => "\u2205",
                    byte[] bytes => Convert.ToHexString(bytes),
                    IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                    var value => value.ToString(),
                })))
            .Order(StringComparer.Ordinal)
            .ToList();
}
