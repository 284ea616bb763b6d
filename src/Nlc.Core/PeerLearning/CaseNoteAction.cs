namespace Nlc.Core.PeerLearning;

/// <summary>A step of the case-note workflow.</summary>
public enum CaseNoteAction
{
    /// <summary>The city sends the note to the hub.</summary>
    Submit,

    /// <summary>The hub publishes it to the network.</summary>
    Approve,

    /// <summary>The hub sends it back with a reason.</summary>
    Return,
}
