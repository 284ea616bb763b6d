namespace Nlc.Storage.Tests;

/// <summary>New, migrated-or-empty databases for the store tests, on the engine this run tests (<see cref="TestEngine"/>).</summary>
[TestClass]
public static class TestDatabases
{
    /// <summary>A new, empty database named after <paramref name="purpose"/>: a SQLite file, or a PostgreSQL database when the run is on PostgreSQL.</summary>
    public static async Task<Database> NewAsync(string purpose) =>
        TestEngine.IsPostgres ? await NewPostgresAsync(purpose) : NewSqlite(purpose);

    /// <summary>A new, empty SQLite file.</summary>
    public static SqliteDatabase NewSqlite(string purpose) =>
        new(Path.Combine(Directory.CreateTempSubdirectory($"nlc-{purpose}-").FullName, "nlc.db"));

    /// <summary>A new, empty PostgreSQL database in this run's throw-away cluster.</summary>
    public static async Task<PostgresDatabase> NewPostgresAsync(string purpose) => new(await PostgresCluster.NewDatabaseAsync(purpose));

    /// <summary>Stops the PostgreSQL cluster, if a test started one.</summary>
    [AssemblyCleanup]
    public static Task StopPostgres() => PostgresCluster.StopAsync();
}
