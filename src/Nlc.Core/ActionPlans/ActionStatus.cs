namespace Nlc.Core.ActionPlans;

/// <summary>Where an action stands. A dropped action carries the reason it was dropped.</summary>
public enum ActionStatus
{
    /// <summary>Agreed, not started.</summary>
    Planned,

    /// <summary>Started.</summary>
    InProgress,

    /// <summary>Finished.</summary>
    Done,

    /// <summary>Given up, with a reason; no longer part of the plan's share done.</summary>
    Dropped,
}
