using System.Text.Json;
using Dapper;
using Nlc.Core.Access;

namespace Nlc.Storage;

/// <summary>API keys: stored only as hashes, looked up by the key presented, listed without secrets, revoked for good.</summary>
public sealed class ApiKeyStore(Database database, TimeProvider clock)
{
    static ApiKeyStore() => SnakeCaseColumns.Map<Row>();

    private const string Columns = "id, name, role, city_ids, created_at, revoked_at";

    /// <summary>Creates a key and returns it with its secret, which is not kept: this is the only time it is seen.</summary>
    public Task<(ApiKey Key, string Secret)> CreateAsync(
        string name, ApiRole role, IReadOnlyList<string> cityIds, string actor, string? secret = null, CancellationToken cancellationToken = default)
    {
        secret ??= ApiKeySecret.Generate();
        var now = clock.GetUtcNow();
        var key = new ApiKey(Ids.New("key_"), name, role, cityIds, now, null);
        return database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO api_keys (id, name, role, key_hash, city_ids, created_at) VALUES (@Id, @Name, @Role, @Hash, @CityIds, @At)",
                new { key.Id, key.Name, Role = RoleText(role), Hash = ApiKeySecret.Hash(secret), CityIds = JsonSerializer.Serialize(cityIds), At = Timestamps.Format(now) },
                transaction,
                cancellationToken: cancellationToken));
            await AuditLog.AppendAsync(connection, transaction, now, actor, "key.created", "key", key.Id, null, null, key, cancellationToken);
            return (key, secret);
        }, cancellationToken);
    }

    /// <summary>The live (not revoked) key whose secret is <paramref name="secret"/>, or null.</summary>
    public Task<ApiKey?> FindLiveAsync(string secret, CancellationToken cancellationToken = default) =>
        database.ReadAsync(
            async connection => (await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
                $"SELECT {Columns} FROM api_keys WHERE key_hash = @Hash AND revoked_at IS NULL",
                new { Hash = ApiKeySecret.Hash(secret) },
                cancellationToken: cancellationToken)))?.ToKey(),
            cancellationToken);

    /// <summary>The name of key <paramref name="id"/>, revoked or not, or null if there is none.</summary>
    public Task<string?> NameAsync(string id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(
            connection => connection.ExecuteScalarAsync<string?>(
                new CommandDefinition("SELECT name FROM api_keys WHERE id = @id", new { id }, cancellationToken: cancellationToken)),
            cancellationToken);

    /// <summary>How many keys exist, revoked or not.</summary>
    public Task<int> CountAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync(
            connection => connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT count(*) FROM api_keys", cancellationToken: cancellationToken)),
            cancellationToken);

    /// <summary>One page of keys, oldest first, without secrets.</summary>
    public Task<Page<ApiKey>> ListAsync(int limit, int offset, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT count(*) FROM api_keys", cancellationToken: cancellationToken));
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(
                $"SELECT {Columns} FROM api_keys ORDER BY created_at, id LIMIT @limit OFFSET @offset", new { limit, offset }, cancellationToken: cancellationToken));
            return new Page<ApiKey>(rows.Select(r => r.ToKey()).ToArray(), total, limit, offset);
        }, cancellationToken);

    /// <summary>Revokes key <paramref name="id"/>; a revoked key stays listed but no longer authenticates.</summary>
    public Task<WriteResult<ApiKey>> RevokeAsync(string id, string actor, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<Row>(
                new CommandDefinition($"SELECT {Columns} FROM api_keys WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));
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
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE api_keys SET revoked_at = @At WHERE id = @id", new { At = Timestamps.Format(now), id }, transaction, cancellationToken: cancellationToken));
            await AuditLog.AppendAsync(connection, transaction, now, actor, "key.revoked", "key", id, null, before, after, cancellationToken);
            return WriteResult<ApiKey>.Done(after);
        }, cancellationToken);

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
