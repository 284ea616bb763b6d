using System.Security.Cryptography;
using System.Text.Json;
using Dapper;

namespace Nlc.Storage;

/// <summary>
/// Webhook endpoints, their outbox of deliveries (written by the stores in the transaction of each change, see
/// <see cref="WebhookOutbox"/>) and the delivery log. The secret of an endpoint is returned once, when it is registered.
/// </summary>
public sealed class WebhookStore(Database database, TimeProvider clock)
{
    static WebhookStore()
    {
        SnakeCaseColumns.Map<EndpointRow>();
        SnakeCaseColumns.Map<DueRow>();
        SnakeCaseColumns.Map<AttemptRow>();
    }

    private const string EndpointColumns = "id, key_id, url, events, created_by, created_at, failing_since, disabled_at, disabled_reason";

    /// <summary>
    /// Registers <paramref name="url"/> for the live key <paramref name="keyId"/> with <paramref name="events"/>; returns it with
    /// its signing secret ("whsec_" and base64), which is shown this once. Refused as not found when the key is unknown or revoked.
    /// </summary>
    public Task<WriteResult<RegisteredWebhook>> RegisterAsync(
        string keyId, string url, IReadOnlyList<string> events, string actor, CancellationToken cancellationToken = default) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var live = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT count(*) FROM api_keys WHERE id = @keyId AND revoked_at IS NULL", new { keyId }, transaction, cancellationToken: cancellationToken));
            if (live == 0)
            {
                return WriteResult<RegisteredWebhook>.Refused(WriteOutcome.NotFound, $"There is no live API key '{keyId}'.");
            }

            var now = clock.GetUtcNow();
            var secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            var endpoint = new WebhookEndpoint(Ids.New("whk_"), keyId, url, events, actor, now, null, null, null);
            await connection.ExecuteAsync(new CommandDefinition(
                $"INSERT INTO webhook_endpoints ({EndpointColumns}, secret) VALUES (@Id, @KeyId, @Url, @Events, @CreatedBy, @At, NULL, NULL, NULL, @Secret)",
                new { endpoint.Id, KeyId = keyId, Url = url, Events = JsonSerializer.Serialize(events), CreatedBy = actor, At = Timestamps.Format(now), Secret = secret },
                transaction,
                cancellationToken: cancellationToken));
            await AuditLog.AppendAsync(connection, transaction, now, actor, "webhook.registered", "webhook", endpoint.Id, null, null, endpoint, cancellationToken);
            return WriteResult<RegisteredWebhook>.Done(new RegisteredWebhook(endpoint, secret));
        }, cancellationToken);

    /// <summary>One page of the endpoints, oldest first.</summary>
    public Task<Page<WebhookEndpoint>> ListAsync(int limit, int offset, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT count(*) FROM webhook_endpoints", cancellationToken: cancellationToken));
            var rows = await connection.QueryAsync<EndpointRow>(new CommandDefinition(
                $"SELECT {EndpointColumns} FROM webhook_endpoints ORDER BY created_at, id LIMIT @limit OFFSET @offset",
                new { limit, offset },
                cancellationToken: cancellationToken));
            return new Page<WebhookEndpoint>(rows.Select(r => r.ToEndpoint()).ToArray(), total, limit, offset);
        }, cancellationToken);

    /// <summary>The endpoint with <paramref name="id"/>, or null.</summary>
    public Task<WebhookEndpoint?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        database.ReadAsync(
            async connection => (await connection.QuerySingleOrDefaultAsync<EndpointRow>(new CommandDefinition(
                $"SELECT {EndpointColumns} FROM webhook_endpoints WHERE id = @id", new { id }, cancellationToken: cancellationToken)))?.ToEndpoint(),
            cancellationToken);

    /// <summary>The delivery log of endpoint <paramref name="endpointId"/>: every attempt, newest first.</summary>
    public Task<Page<WebhookAttempt>> AttemptsAsync(string endpointId, int limit, int offset, CancellationToken cancellationToken = default) =>
        database.ReadAsync(async connection =>
        {
            var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT count(*) FROM webhook_attempts WHERE endpoint_id = @endpointId", new { endpointId }, cancellationToken: cancellationToken));
            var rows = await connection.QueryAsync<AttemptRow>(new CommandDefinition(
                """
                SELECT t.id, t.delivery_id, d.event, d.resource_id, d.resource_version, t.attempt, t.at, t.status_code, t.error, t.succeeded
                FROM webhook_attempts t JOIN webhook_deliveries d ON d.id = t.delivery_id
                WHERE t.endpoint_id = @endpointId ORDER BY t.id DESC LIMIT @limit OFFSET @offset
                """,
                new { endpointId, limit, offset },
                cancellationToken: cancellationToken));
            return new Page<WebhookAttempt>(rows.Select(r => r.ToAttempt()).ToArray(), total, limit, offset);
        }, cancellationToken);

    /// <summary>Up to <paramref name="limit"/> deliveries due now to endpoints that are not disabled, the longest waiting first.</summary>
    public Task<IReadOnlyList<PendingDelivery>> DueAsync(int limit, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<PendingDelivery>>(
            async connection => (await connection.QueryAsync<DueRow>(new CommandDefinition(
                """
                SELECT d.id, d.endpoint_id, e.url, e.secret, d.body, d.attempts
                FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
                WHERE d.delivered_at IS NULL AND d.abandoned_at IS NULL AND e.disabled_at IS NULL AND d.next_attempt_at <= @now
                ORDER BY d.next_attempt_at, d.created_at, d.id
                LIMIT @limit
                """,
                new { now = Timestamps.Format(clock.GetUtcNow()), limit },
                cancellationToken: cancellationToken))).Select(r => r.ToDelivery()).ToArray(),
            cancellationToken);

    /// <summary>
    /// Logs an attempt at <paramref name="delivery"/>. A success marks it delivered and the endpoint healthy; a failure
    /// schedules the next attempt by <paramref name="policy"/>, and disables the endpoint (abandoning what it still had
    /// pending) once it has failed for <see cref="WebhookRetryPolicy.DisableAfter"/> without a success.
    /// </summary>
    public Task RecordAttemptAsync(
        PendingDelivery delivery, bool succeeded, int? statusCode, string? error, WebhookRetryPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(policy);
        return database.InTransactionAsync(async (connection, transaction) =>
        {
            var now = clock.GetUtcNow();
            var attempt = delivery.Attempts + 1;
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO webhook_attempts (delivery_id, endpoint_id, attempt, at, status_code, error, succeeded)
                VALUES (@Id, @EndpointId, @attempt, @At, @statusCode, @error, @Succeeded)
                """,
                new { delivery.Id, delivery.EndpointId, attempt, At = Timestamps.Format(now), statusCode, error, Succeeded = succeeded ? 1 : 0 },
                transaction,
                cancellationToken: cancellationToken));
            if (succeeded)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE webhook_deliveries SET attempts = @attempt, delivered_at = @At WHERE id = @Id;
                    UPDATE webhook_endpoints SET failing_since = NULL WHERE id = @EndpointId;
                    """,
                    new { delivery.Id, delivery.EndpointId, attempt, At = Timestamps.Format(now) },
                    transaction,
                    cancellationToken: cancellationToken));
                return true;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE webhook_deliveries SET attempts = @attempt, next_attempt_at = @Next WHERE id = @Id;
                UPDATE webhook_endpoints SET failing_since = coalesce(failing_since, @At) WHERE id = @EndpointId;
                """,
                new { delivery.Id, delivery.EndpointId, attempt, At = Timestamps.Format(now), Next = Timestamps.Format(now + policy.DelayAfter(attempt)) },
                transaction,
                cancellationToken: cancellationToken));
            var failingSince = Timestamps.Parse(await connection.ExecuteScalarAsync<string>(new CommandDefinition(
                "SELECT failing_since FROM webhook_endpoints WHERE id = @EndpointId", new { delivery.EndpointId }, transaction, cancellationToken: cancellationToken))
                ?? Timestamps.Format(now));
            if (now - failingSince >= policy.DisableAfter)
            {
                var reason = $"Every delivery failed since {Timestamps.Format(failingSince)}; the last: {error ?? $"HTTP {statusCode}"}.";
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE webhook_endpoints SET disabled_at = @At, disabled_reason = @reason WHERE id = @EndpointId;
                    UPDATE webhook_deliveries SET abandoned_at = @At WHERE endpoint_id = @EndpointId AND delivered_at IS NULL AND abandoned_at IS NULL;
                    """,
                    new { delivery.EndpointId, At = Timestamps.Format(now), reason },
                    transaction,
                    cancellationToken: cancellationToken));
                await AuditLog.AppendAsync(connection, transaction, now, "system", "webhook.disabled", "webhook", delivery.EndpointId, null, null, reason, cancellationToken);
            }

            return true;
        }, cancellationToken);
    }

    private sealed class EndpointRow
    {
        public string Id { get; init; } = "";
        public string KeyId { get; init; } = "";
        public string Url { get; init; } = "";
        public string Events { get; init; } = "[]";
        public string CreatedBy { get; init; } = "";
        public string CreatedAt { get; init; } = "";
        public string? FailingSince { get; init; }
        public string? DisabledAt { get; init; }
        public string? DisabledReason { get; init; }

        public WebhookEndpoint ToEndpoint() => new(
            Id, KeyId, Url, JsonSerializer.Deserialize<string[]>(Events) ?? [], CreatedBy, Timestamps.Parse(CreatedAt),
            Timestamps.ParseOptional(FailingSince), Timestamps.ParseOptional(DisabledAt), DisabledReason);
    }

    private sealed class DueRow
    {
        public string Id { get; init; } = "";
        public string EndpointId { get; init; } = "";
        public string Url { get; init; } = "";
        public string Secret { get; init; } = "";
        public string Body { get; init; } = "";
        public long Attempts { get; init; }

        public PendingDelivery ToDelivery() => new(Id, EndpointId, Url, Secret, Body, (int)Attempts);
    }

    private sealed class AttemptRow
    {
        public long Id { get; init; }
        public string DeliveryId { get; init; } = "";
        public string Event { get; init; } = "";
        public string ResourceId { get; init; } = "";
        public long ResourceVersion { get; init; }
        public long Attempt { get; init; }
        public string At { get; init; } = "";
        public long? StatusCode { get; init; }
        public string? Error { get; init; }
        public long Succeeded { get; init; }

        public WebhookAttempt ToAttempt() => new(
            Id, DeliveryId, Event, ResourceId, ResourceVersion, (int)Attempt, Timestamps.Parse(At), (int?)StatusCode, Error, Succeeded == 1);
    }
}

/// <summary>A newly registered endpoint and its signing secret, shown this once.</summary>
public sealed record RegisteredWebhook(WebhookEndpoint Endpoint, string Secret);
