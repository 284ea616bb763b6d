namespace Nlc.Core.Scoring;

/// <summary>How an indicator was answered.</summary>
public enum AnswerKind
{
    /// <summary>Not answered yet: counts neither in scores nor in completeness.</summary>
    Unanswered,

    /// <summary>A level on the scale.</summary>
    Level,

    /// <summary>Does not apply to this city (with a reason): left out of the denominator.</summary>
    NotApplicable,

    /// <summary>Nobody could tell: scores as level 0 and is counted separately.</summary>
    DontKnow,
}
