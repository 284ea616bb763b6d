namespace Nlc.Core.PeerLearning;

/// <summary>Where a case note stands: written (draft), sent to the hub (submitted), approved (published), or sent back with a reason (returned).</summary>
public enum CaseNoteStatus
{
    /// <summary>Being written by the city.</summary>
    Draft,

    /// <summary>Sent to the hub for approval; no longer editable.</summary>
    Submitted,

    /// <summary>Approved by the hub and readable by the network.</summary>
    Published,

    /// <summary>Sent back by the hub with a reason; the city edits and submits it again.</summary>
    Returned,
}
