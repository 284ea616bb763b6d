namespace Nlc.Storage;

/// <summary>An endpoint registered for one API key, the events it receives, and whether deliveries to it are failing or stopped.</summary>
public sealed record WebhookEndpoint(
    string Id, string KeyId, string Url, IReadOnlyList<string> Events, string CreatedBy, DateTimeOffset CreatedAt,
    DateTimeOffset? FailingSince, DateTimeOffset? DisabledAt, string? DisabledReason);

/// <summary>A delivery that is due: where it goes, the secret that signs it, its body and how often it was tried.</summary>
public sealed record PendingDelivery(string Id, string EndpointId, string Url, string Secret, string Body, int Attempts);

/// <summary>One attempt to deliver an event, as the endpoint's delivery log shows it.</summary>
public sealed record WebhookAttempt(
    long Id, string DeliveryId, string Event, string ResourceId, long ResourceVersion, int Attempt, DateTimeOffset At, int? StatusCode, string? Error,
    bool Succeeded);

/// <summary>
/// When to try a failed delivery again: after <see cref="Base"/>, doubling with each failure up to <see cref="Max"/>; an
/// endpoint failing for <see cref="DisableAfter"/> without a success is disabled and its pending deliveries abandoned.
/// </summary>
public sealed record WebhookRetryPolicy(TimeSpan Base, TimeSpan Max, TimeSpan DisableAfter)
{
    /// <summary>The wait after the <paramref name="failures"/>-th failed attempt (1 for the first).</summary>
    public TimeSpan DelayAfter(int failures)
    {
        var factor = Math.Pow(2, Math.Clamp(failures - 1, 0, 30));
        return TimeSpan.FromTicks((long)Math.Min(Max.Ticks, Base.Ticks * factor));
    }
}
