using System.Data;
using System.Text.Json.Serialization;
using System.Text.Json;
using Dapper;

namespace Nlc.Storage;

/// <summary>Writes audit entries inside the caller's transaction, so a change and its record commit together, and reads them back.</summary>
public sealed class AuditLog(Database database)
{
    static AuditLog() => SnakeCaseColumns.Map<Row>();

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The entries about one entity, oldest first.</summary>
    public async Task<Page<AuditEntry>> ListAsync(string entityType, string entityId, int limit, int offset, CancellationToken cancellationToken = default)
    {
        return await database.ReadAsync(async connection =>
        {
            var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT count(*) FROM audit_log WHERE entity_type = @entityType AND entity_id = @entityId",
                new { entityType, entityId },
                cancellationToken: cancellationToken));
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(
                """
                SELECT id, at, actor, action, entity_type, entity_id, city_id, before, after FROM audit_log
                WHERE entity_type = @entityType AND entity_id = @entityId ORDER BY id LIMIT @limit OFFSET @offset
                """,
                new { entityType, entityId, limit, offset },
                cancellationToken: cancellationToken));
            return new Page<AuditEntry>(rows.Select(r => r.ToEntry()).ToArray(), total, limit, offset);
        }, cancellationToken);
    }

    /// <summary>
    /// The newest <paramref name="limit"/> entries about city <paramref name="cityId"/> and its assessments, newest first,
    /// of <paramref name="actor"/> and with <paramref name="action"/> when given.
    /// </summary>
    public async Task<Page<AuditEntry>> ListForCityAsync(
        string cityId, string? actor, string? action, int limit, int offset, CancellationToken cancellationToken = default)
    {
        const string Where = "WHERE city_id = @cityId AND (@actor IS NULL OR actor = @actor) AND (@action IS NULL OR action = @action)";
        var parameters = new { cityId, actor, action, limit, offset };
        return await database.ReadAsync(async connection =>
        {
            var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                $"SELECT count(*) FROM audit_log {Where}", parameters, cancellationToken: cancellationToken));
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(
                $"SELECT id, at, actor, action, entity_type, entity_id, city_id, before, after FROM audit_log {Where} ORDER BY id DESC LIMIT @limit OFFSET @offset",
                parameters,
                cancellationToken: cancellationToken));
            return new Page<AuditEntry>(rows.Select(r => r.ToEntry()).ToArray(), total, limit, offset);
        }, cancellationToken);
    }

    /// <summary>Who has acted on city <paramref name="cityId"/> and what they did, each distinct value once, for filters.</summary>
    public Task<(IReadOnlyList<string> Actors, IReadOnlyList<string> Actions)> FacetsForCityAsync(string cityId, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            var actors = await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT DISTINCT actor FROM audit_log WHERE city_id = @cityId ORDER BY actor", new { cityId }, cancellationToken: cancellationToken));
            var actions = await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT DISTINCT action FROM audit_log WHERE city_id = @cityId ORDER BY action", new { cityId }, cancellationToken: cancellationToken));
            return ((IReadOnlyList<string>)actors.ToArray(), (IReadOnlyList<string>)actions.ToArray());
        }, cancellationToken);

    internal static Task AppendAsync(
        IDbConnection connection, IDbTransaction transaction, DateTimeOffset at, string actor, string action,
        string entityType, string entityId, string? cityId, object? before, object? after,
        CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO audit_log (at, actor, action, entity_type, entity_id, city_id, before, after)
            VALUES (@At, @actor, @action, @entityType, @entityId, @cityId, @Before, @After)
            """,
            new
            {
                At = Timestamps.Format(at),
                actor,
                action,
                entityType,
                entityId,
                cityId,
                Before = before is null ? null : JsonSerializer.Serialize(before, Json),
                After = after is null ? null : JsonSerializer.Serialize(after, Json),
            },
            transaction,
            cancellationToken: cancellationToken));

    private sealed class Row
    {
        public long Id { get; init; }
        public string At { get; init; } = "";
        public string Actor { get; init; } = "";
        public string Action { get; init; } = "";
        public string EntityType { get; init; } = "";
        public string EntityId { get; init; } = "";
        public string? CityId { get; init; }
        public string? Before { get; init; }
        public string? After { get; init; }

        public AuditEntry ToEntry() => new(Id, Timestamps.Parse(At), Actor, Action, EntityType, EntityId, CityId, Before, After);
    }
}
