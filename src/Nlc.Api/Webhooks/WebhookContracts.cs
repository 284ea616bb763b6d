using Nlc.Storage;

namespace Nlc.Api.Webhooks;

/// <summary>
/// A new webhook endpoint: the API key whose reading rights bound what it is told, an https URL, and the events to send
/// (<c>assessment.validated</c>, <c>assessment.reopened</c>, <c>city.changed</c>).
/// </summary>
public sealed record CreateWebhookRequest(string? KeyId, string? Url, IReadOnlyList<string>? Events);

/// <summary>A registered endpoint, without its secret; <c>disabledAt</c> is set once it failed for a day without a success.</summary>
public sealed record WebhookResponse(
    string Id, string KeyId, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt, DateTimeOffset? FailingSince,
    DateTimeOffset? DisabledAt, string? DisabledReason)
{
    /// <summary>Shows <paramref name="endpoint"/>.</summary>
    public static WebhookResponse From(WebhookEndpoint endpoint) => new(
        endpoint.Id, endpoint.KeyId, endpoint.Url, endpoint.Events, endpoint.CreatedAt, endpoint.FailingSince, endpoint.DisabledAt, endpoint.DisabledReason);
}

/// <summary>A newly registered endpoint with its signing secret in <c>secret</c> ("whsec_…"): shown this once and never again.</summary>
public sealed record CreatedWebhookResponse(string Id, string KeyId, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt, string Secret);

/// <summary>One attempt in an endpoint's delivery log: which delivery (its webhook-id), the event, and the answer or error.</summary>
public sealed record WebhookDeliveryAttemptResponse(
    string DeliveryId, string Event, string ResourceId, long ResourceVersion, int Attempt, DateTimeOffset At, int? StatusCode, string? Error, bool Succeeded)
{
    /// <summary>Shows <paramref name="attempt"/>.</summary>
    public static WebhookDeliveryAttemptResponse From(WebhookAttempt attempt) => new(
        attempt.DeliveryId, attempt.Event, attempt.ResourceId, attempt.ResourceVersion, attempt.Attempt, attempt.At, attempt.StatusCode, attempt.Error,
        attempt.Succeeded);
}
