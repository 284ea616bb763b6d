using System.Collections.Concurrent;
using System.Text;
using Dapper;
using Nlc.Storage;

namespace Nlc.Api.Tests;

/// <summary>Every row of every table of the server's database (SQLite or PostgreSQL) as text, to prove a refused request changed nothing.</summary>
internal static class DatabaseDump
{
    // One PostgreSQL data source (and its connection pool) per database for the whole run: a new one per dump would open
    // a new connection each time, which makes the fuzz tests' thousands of dumps minutes slower.
    private static readonly ConcurrentDictionary<string, PostgresDatabase> PostgresDatabases = new();

    /// <summary>Opens the database at <paramref name="databasePath"/>: a SQLite path or a PostgreSQL connection string (<see cref="ApiServer.IsPostgres"/>).</summary>
    public static Database Open(string databasePath) =>
        ApiServer.IsPostgres(databasePath) ? PostgresDatabases.GetOrAdd(databasePath, location => new PostgresDatabase(location)) : new SqliteDatabase(databasePath);

    public static async Task<string> ReadAsync(string databasePath)
    {
        var database = Open(databasePath);
        var postgres = database.Engine == DatabaseEngine.Postgres;
        return await database.ReadAsync(async connection =>
        {
            var text = new StringBuilder();
            var tables = await connection.QueryAsync<string>(postgres
                ? "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
                : "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
            foreach (var table in tables)
            {
                text.AppendLine($"## {table}");
                var order = postgres ? $"\"{table}\"::text" : "rowid";
                foreach (IDictionary<string, object?> row in await connection.QueryAsync($"SELECT * FROM \"{table}\" ORDER BY {order}"))
                {
                    text.AppendLine(string.Join(" | ", row.Select(c => $"{c.Key}={(c.Value is byte[] bytes ? Convert.ToHexString(bytes) : c.Value)}")));
                }
            }

            return text.ToString();
        });
    }

    public static async Task<string?> ScalarTextAsync(string databasePath, string sql)
    {
        return await Open(databasePath).ReadAsync(connection => connection.ExecuteScalarAsync<string?>(sql));
    }

    public static async Task<long> ScalarAsync(string databasePath, string sql)
    {
        return await Open(databasePath).ReadAsync(connection => connection.ExecuteScalarAsync<long>(sql));
    }
}
