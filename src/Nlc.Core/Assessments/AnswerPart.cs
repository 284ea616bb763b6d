namespace Nlc.Core.Assessments;

/// <summary>The part of an answer a rule is about, so each door can point at its own place for it (a JSON field, a sheet cell).</summary>
public enum AnswerPart
{
    /// <summary>The level chosen.</summary>
    Level,

    /// <summary>The reason a Not applicable answer gives.</summary>
    Reason,

    /// <summary>The free-text note.</summary>
    Note,

    /// <summary>The evidence entries (or one of them).</summary>
    Evidence,
}
