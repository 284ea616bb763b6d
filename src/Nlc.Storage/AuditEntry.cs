namespace Nlc.Storage;

/// <summary>One change in the append-only audit log: who did what to which entity, and the state before and after (JSON).</summary>
public sealed record AuditEntry(
    long Id,
    DateTimeOffset At,
    string Actor,
    string Action,
    string EntityType,
    string EntityId,
    string? CityId,
    string? Before,
    string? After);
