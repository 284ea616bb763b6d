using System.Globalization;
using System.Reflection;
using Dapper;

namespace Nlc.Storage;

/// <summary>
/// Applies the embedded, numbered SQL migrations (Migrations/NNNN_name.sql) that a database has not had yet,
/// each once and in its own transaction, and records them in <c>schema_migrations</c>.
/// </summary>
public static class Migrator
{
    /// <summary>A migration: its number, name and SQL.</summary>
    public sealed record Migration(int Version, string Name, string Sql);

    /// <summary>The migrations this build knows, in order.</summary>
    internal static IReadOnlyList<Migration> Known { get; } = LoadEmbedded();

    /// <summary>Brings <paramref name="database"/> up to date; returns the migrations applied now (empty when none were due).</summary>
    public static async Task<IReadOnlyList<Migration>> MigrateAsync(SqliteDatabase database, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = WAL;", cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
                cancellationToken: cancellationToken));
            var newest = await connection.ExecuteScalarAsync<int?>(
                new CommandDefinition("SELECT max(version) FROM schema_migrations", cancellationToken: cancellationToken)) ?? 0;
            var known = Known.Count == 0 ? 0 : Known[^1].Version;
            if (newest > known)
            {
                throw new DatabaseVersionException(
                    $"The database {database.Path} has schema version {newest}, but this build of the toolkit knows versions up to {known}. "
                    + "Run a newer toolkit build against it, or restore a backup made for this version.");
            }
        }

        var applied = new List<Migration>();
        foreach (var migration in Known)
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

    private static List<Migration> LoadEmbedded()
    {
        var assembly = typeof(Migrator).Assembly;
        const string prefix = "Nlc.Storage.Migrations.";
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
