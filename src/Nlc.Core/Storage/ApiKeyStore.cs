using System.Text.Json;
using Dapper;
using Nlc.Core.Access;

namespace Nlc.Core.Storage;

/// <summary>API keys: stored only as hashes, looked up by the key presented, listed without secrets, revoked for good.</summary>
public sealed class ApiKeyStore(SqliteDatabase database, TimeProvider clock)
{
    private const string Columns = "id, name, role, city_ids, created_at, revoked_at";

    /// <summary>Creates a key and returns it with its secret, which is not kept: this is the only time it is seen.</summary>
    public Task<(ApiKey Key, string Secret)> CreateAsync(string name, ApiRole role, IReadOnlyList<string> cityIds, string actor, string? secret = null)
    {
        secret ??= ApiKeySecret.Generate();
        var now = clock.GetUtcNow();
        var key = new ApiKey(Ids.New("key_"), name, role, cityIds, now, null);
        return database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(
                "INSERT INTO api_keys (id, name, role, key_hash, city_ids, created_at) VALUES (@Id, @Name, @Role, @Hash, @CityIds, @At)",
                new { key.Id, key.Name, Role = RoleText(role), Hash = ApiKeySecret.Hash(secret), CityIds = JsonSerializer.Serialize(cityIds), At = Timestamps.Format(now) },
                transaction);
            await AuditLog.AppendAsync(connection, transaction, now, actor, "key.created", "key", key.Id, null, null, key);
            return (key, secret);
        });
    }

    /// <summary>The live (not revoked) key whose secret is <paramref name="secret"/>, or null.</summary>
    public Task<ApiKey?> FindLiveAsync(string secret) =>
        database.ReadAsync(async connection => (await connection.QuerySingleOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM api_keys WHERE key_hash = @Hash AND revoked_at IS NULL", new { Hash = ApiKeySecret.Hash(secret) }))?.ToKey());

    /// <summary>The name of key <paramref name="id"/>, revoked or not, or null if there is none.</summary>
    public Task<string?> NameAsync(string id) =>
        database.ReadAsync(connection => connection.ExecuteScalarAsync<string?>("SELECT name FROM api_keys WHERE id = @id", new { id }));

    /// <summary>How many keys exist, revoked or not.</summary>
    public Task<int> CountAsync() => database.ReadAsync(connection => connection.ExecuteScalarAsync<int>("SELECT count(*) FROM api_keys"));

    /// <summary>One page of keys, oldest first, without secrets.</summary>
    public Task<Page<ApiKey>> ListAsync(int limit, int offset) =>
        database.ReadAsync(async connection =>
        {
            var total = await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM api_keys");
            var rows = await connection.QueryAsync<Row>($"SELECT {Columns} FROM api_keys ORDER BY created_at, id LIMIT @limit OFFSET @offset", new { limit, offset });
            return new Page<ApiKey>(rows.Select(r => r.ToKey()).ToArray(), total, limit, offset);
        });

    /// <summary>Revokes key <paramref name="id"/>; a revoked key stays listed but no longer authenticates.</summary>
    public Task<WriteResult<ApiKey>> RevokeAsync(string id, string actor) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM api_keys WHERE id = @id", new { id }, transaction);
            if (row is null)
            {
                return WriteResult<ApiKey>.Refused(WriteOutcome.NotFound, $"There is no key '{id}'.");
            }

            var before = row.ToKey();
            if (before.RevokedAt is not null)
            {
                return WriteResult<ApiKey>.Done(before);
            }

            var now = clock.GetUtcNow();
            var after = before with { RevokedAt = now };
            await connection.ExecuteAsync("UPDATE api_keys SET revoked_at = @At WHERE id = @id", new { At = Timestamps.Format(now), id }, transaction);
            await AuditLog.AppendAsync(connection, transaction, now, actor, "key.revoked", "key", id, null, before, after);
            return WriteResult<ApiKey>.Done(after);
        });

    /// <summary>The text of a role: "admin", "hub", "city", "partner".</summary>
    public static string RoleText(ApiRole role) => role.ToString().ToLowerInvariant();

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string Role { get; init; } = "";
        public string CityIds { get; init; } = "[]";
        public string CreatedAt { get; init; } = "";
        public string? RevokedAt { get; init; }

        public ApiKey ToKey() => new(
            Id, Name, Enum.Parse<ApiRole>(Role, ignoreCase: true), JsonSerializer.Deserialize<string[]>(CityIds) ?? [],
            Timestamps.Parse(CreatedAt), Timestamps.ParseOptional(RevokedAt));
    }
}
