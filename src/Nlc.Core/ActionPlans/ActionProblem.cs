namespace Nlc.Core.ActionPlans;

/// <summary>
/// Something wrong with what was written, by field ("title", "targets[0].targetLevel", "dropReason"), of a
/// <paramref name="Kind"/> a caller can word in its own language, with an English <paramref name="Message"/> saying what to do.
/// </summary>
/// <param name="Field">The field, as the API names it.</param>
/// <param name="Kind">What kind of problem it is.</param>
/// <param name="Message">The English message: what is wrong and what to do.</param>
/// <param name="Limit">The limit broken, for <see cref="ActionProblemKind.TooLong"/> (characters), <see cref="ActionProblemKind.TooMany"/> (entries) and <see cref="ActionProblemKind.OutOfRange"/> (the highest level).</param>
public sealed record ActionProblem(string Field, ActionProblemKind Kind, string Message, int? Limit = null);

/// <summary>The kinds of <see cref="ActionProblem"/>.</summary>
public enum ActionProblemKind
{
    /// <summary>A required value is missing or blank.</summary>
    Required,

    /// <summary>A text is longer than its limit.</summary>
    TooLong,

    /// <summary>A list has more entries than its limit.</summary>
    TooMany,

    /// <summary>An id that is not in the rubric, or (in a workbook) not an action the workbook was exported with.</summary>
    Unknown,

    /// <summary>A level off the rubric's scale.</summary>
    OutOfRange,

    /// <summary>A due date before the start date.</summary>
    DueBeforeStart,

    /// <summary>A value given where it does not belong (a drop reason for an action that is not dropped).</summary>
    NotAllowed,

    /// <summary>A workbook row for an action that another row already holds.</summary>
    Duplicate,

    /// <summary>A workbook row changed an action that was also changed, or removed, in the plan since the workbook was exported.</summary>
    Conflict,
}
