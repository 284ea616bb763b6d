namespace Nlc.Storage;

/// <summary>How a guarded write ended.</summary>
public enum WriteOutcome
{
    /// <summary>Written.</summary>
    Done,

    /// <summary>The thing to change does not exist.</summary>
    NotFound,

    /// <summary>The caller's version is not the current one: someone else wrote in between.</summary>
    Stale,

    /// <summary>The change conflicts with the current state (a submitted assessment, a duplicate period).</summary>
    Conflict,
}

/// <summary>The outcome of a guarded write, the written value when done, and why not otherwise.</summary>
public sealed record WriteResult<T>(WriteOutcome Outcome, T? Value, string? Reason = null)
    where T : class
{
    /// <summary>A successful write.</summary>
    public static WriteResult<T> Done(T value) => new(WriteOutcome.Done, value);

    /// <summary>A write refused with <paramref name="outcome"/> for <paramref name="reason"/>.</summary>
    public static WriteResult<T> Refused(WriteOutcome outcome, string reason) => new(outcome, null, reason);
}
