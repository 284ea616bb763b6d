namespace Nlc.Core.Scoring;

/// <summary>One indicator's answer: a level, Not applicable with a reason, or Don't know; each may carry a note.</summary>
public sealed record Answer(string IndicatorId, AnswerKind Kind, int? Level = null, string? Reason = null, string? Note = null)
{
    /// <summary>An answer at <paramref name="level"/>.</summary>
    public static Answer AtLevel(string indicatorId, int level, string? note = null) => new(indicatorId, AnswerKind.Level, level, Note: note);

    /// <summary>A Not applicable answer; <paramref name="reason"/> says why.</summary>
    public static Answer NotApplicable(string indicatorId, string reason, string? note = null) =>
        new(indicatorId, AnswerKind.NotApplicable, Reason: reason, Note: note);

    /// <summary>A Don't know answer.</summary>
    public static Answer DontKnow(string indicatorId, string? note = null) => new(indicatorId, AnswerKind.DontKnow, Note: note);
}
