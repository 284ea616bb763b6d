using System.Text;
using Dapper;
using Nlc.Storage;

namespace Nlc.Api.Tests;

/// <summary>Every row of every table of the server's SQLite file as text, to prove a refused request changed nothing.</summary>
internal static class DatabaseDump
{
    public static async Task<string> ReadAsync(string databasePath)
    {
        var database = new SqliteDatabase(databasePath);
        return await database.ReadAsync(async connection =>
        {
            var text = new StringBuilder();
            var tables = await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
            foreach (var table in tables)
            {
                text.AppendLine($"## {table}");
                foreach (IDictionary<string, object?> row in await connection.QueryAsync($"SELECT * FROM \"{table}\" ORDER BY rowid"))
                {
                    text.AppendLine(string.Join(" | ", row.Select(c => $"{c.Key}={c.Value}")));
                }
            }

            return text.ToString();
        });
    }

    public static async Task<string?> ScalarTextAsync(string databasePath, string sql)
    {
        var database = new SqliteDatabase(databasePath);
        return await database.ReadAsync(connection => connection.ExecuteScalarAsync<string?>(sql));
    }

    public static async Task<long> ScalarAsync(string databasePath, string sql)
    {
        var database = new SqliteDatabase(databasePath);
        return await database.ReadAsync(connection => connection.ExecuteScalarAsync<long>(sql));
    }
}
