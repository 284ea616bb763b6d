using System.Globalization;
using System.Reflection;
using Dapper;

namespace Nlc.Storage;

/// <summary>
/// Applies the embedded, numbered SQL migrations of the database's engine (SQLite: Migrations/NNNN_name.sql, PostgreSQL:
/// Migrations/Postgres/NNNN_name.sql, the same numbers and names) that a database has not had yet, each once and in its
/// own transaction, and records them in <c>schema_migrations</c>. Servers starting together migrate one after the other.
/// </summary>
public static class Migrator
{
    /// <summary>A migration: its number, name and SQL.</summary>
    public sealed record Migration(int Version, string Name, string Sql);

    /// <summary>The SQLite migrations this build knows, in order.</summary>
    internal static IReadOnlyList<Migration> Known { get; } = LoadEmbedded("Sqlite");

    /// <summary>The PostgreSQL migrations this build knows, in order: the same numbers and names as <see cref="Known"/>.</summary>
    internal static IReadOnlyList<Migration> KnownPostgres { get; } = LoadEmbedded("Postgres");

    /// <summary>The migrations this build knows for <paramref name="engine"/>, in order.</summary>
    internal static IReadOnlyList<Migration> KnownFor(DatabaseEngine engine) => engine == DatabaseEngine.Postgres ? KnownPostgres : Known;

    /// <summary>Brings <paramref name="database"/> up to date; returns the migrations applied now (empty when none were due).</summary>
    public static async Task<IReadOnlyList<Migration>> MigrateAsync(Database database, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var migrating = await database.BeginMigrationsAsync(cancellationToken);
        var known = KnownFor(database.Engine);
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
                cancellationToken: cancellationToken));
            var newest = await connection.ExecuteScalarAsync<int?>(
                new CommandDefinition("SELECT max(version) FROM schema_migrations", cancellationToken: cancellationToken)) ?? 0;
            var newestKnown = known.Count == 0 ? 0 : known[^1].Version;
            if (newest > newestKnown)
            {
                throw new DatabaseVersionException(
                    $"The database {database.Description} has schema version {newest}, but this build of the toolkit knows versions up to {newestKnown}. "
                    + "Run a newer toolkit build against it, or restore a backup made for this version.");
            }
        }

        var applied = new List<Migration>();
        foreach (var migration in known)
        {
            var ran = await database.InTransactionAsync(async (connection, transaction) =>
            {
                var done = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                    "SELECT count(*) FROM schema_migrations WHERE version = @Version", new { migration.Version }, transaction, cancellationToken: cancellationToken));
                if (done > 0)
                {
                    return false;
                }

                await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @At)",
                    new { migration.Version, migration.Name, At = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) },
                    transaction,
                    cancellationToken: cancellationToken));
                return true;
            }, cancellationToken);
            if (ran)
            {
                applied.Add(migration);
            }
        }

        return applied;
    }

    private static List<Migration> LoadEmbedded(string folder)
    {
        var assembly = typeof(Migrator).Assembly;
        var prefix = $"Nlc.Storage.Migrations.{folder}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var name = n[prefix.Length..^".sql".Length];
                var version = int.Parse(name[..name.IndexOf('_')], CultureInfo.InvariantCulture);
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return new Migration(version, name, reader.ReadToEnd());
            })
            .OrderBy(m => m.Version)
            .ToList();
    }
}
