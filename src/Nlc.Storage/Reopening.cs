namespace Nlc.Storage;

/// <summary>Why an assessment was sent back to draft, by whom (an account or key id) and when.</summary>
public sealed record Reopening(string Reason, string Actor, DateTimeOffset At);
