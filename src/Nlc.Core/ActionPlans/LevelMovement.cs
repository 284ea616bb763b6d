namespace Nlc.Core.ActionPlans;

/// <summary>How a practice's level changed from the plan's baseline period to the latest later one.</summary>
public enum LevelMovement
{
    /// <summary>No assessed period after the baseline yet (or no level in one of the two).</summary>
    NotYetMeasured,

    /// <summary>The level rose.</summary>
    Up,

    /// <summary>The level stayed the same.</summary>
    Same,

    /// <summary>The level fell.</summary>
    Down,
}
