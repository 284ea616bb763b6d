using System.Data;
using System.Text.Json;
using Dapper;
using Nlc.Core.Access;

namespace Nlc.Storage;

/// <summary>
/// Writes webhook deliveries inside the transaction of the change that causes them (the transactional outbox), so a
/// change and its deliveries commit together or not at all, and a crash between them loses none.
/// </summary>
internal static class WebhookOutbox
{
    static WebhookOutbox() => SnakeCaseColumns.Map<Subscriber>();

    /// <summary>
    /// One delivery of <paramref name="eventType"/> about the resource at <paramref name="link"/> to every live endpoint
    /// subscribed to it whose key <paramref name="mayRead"/> accepts: a delivery never tells a key of what it may not read.
    /// </summary>
    public static async Task EnqueueAsync(
        IDbConnection connection, IDbTransaction transaction, DateTimeOffset now, string eventType, string resourceId, long version, string link,
        Func<AccessRights, bool> mayRead, CancellationToken cancellationToken)
    {
        var subscribers = await connection.QueryAsync<Subscriber>(new CommandDefinition(
            """
            SELECT e.id, e.events, k.role, k.city_ids FROM webhook_endpoints e JOIN api_keys k ON k.id = e.key_id
            WHERE e.disabled_at IS NULL AND k.revoked_at IS NULL
            """,
            transaction: transaction,
            cancellationToken: cancellationToken));
        foreach (var subscriber in subscribers.Where(s => s.Wants(eventType) && mayRead(s.Rights())))
        {
            var id = Ids.New("msg_");
            var body = JsonSerializer.Serialize(new
            {
                type = eventType,
                timestamp = Timestamps.Format(now),
                data = new { id = resourceId, version, link },
            });
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO webhook_deliveries (id, endpoint_id, event, resource_id, resource_version, body, created_at, attempts, next_attempt_at)
                VALUES (@id, @EndpointId, @eventType, @resourceId, @version, @body, @At, 0, @At)
                """,
                new { id, EndpointId = subscriber.Id, eventType, resourceId, version, body, At = Timestamps.Format(now) },
                transaction,
                cancellationToken: cancellationToken));
        }
    }

    private sealed class Subscriber
    {
        public string Id { get; init; } = "";
        public string Events { get; init; } = "[]";
        public string Role { get; init; } = "";
        public string CityIds { get; init; } = "[]";

        public bool Wants(string eventType) => (JsonSerializer.Deserialize<string[]>(Events) ?? []).Contains(eventType, StringComparer.Ordinal);

        public AccessRights Rights() => new(
            Enum.Parse<ApiRole>(Role, ignoreCase: true),
            (JsonSerializer.Deserialize<string[]>(CityIds) ?? []).ToHashSet(StringComparer.Ordinal));
    }
}
