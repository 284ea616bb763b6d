using Nlc.Core.Rubrics;

namespace Nlc.Core.ActionPlans;

/// <summary>
/// The input rules of an action plan, the one home of its limits: every problem comes back at once, each by field with
/// what to do. Texts are trimmed before they are checked and stored.
/// </summary>
public static class ActionRules
{
    /// <summary>The longest title.</summary>
    public const int MaxTitle = 200;

    /// <summary>The longest description.</summary>
    public const int MaxDescription = 4000;

    /// <summary>The longest responsible person or body, partner name, drop reason.</summary>
    public const int MaxName = 200;

    /// <summary>The most partners and the most targets of one action.</summary>
    public const int MaxListItems = 20;

    /// <summary>The longest progress note and drop reason.</summary>
    public const int MaxNote = 2000;

    /// <summary>Every problem of <paramref name="input"/> against <paramref name="rubric"/>; empty when it may be stored.</summary>
    public static IReadOnlyList<ActionProblem> Check(ActionInput input, Rubric rubric)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(rubric);
        var problems = new List<ActionProblem>();
        RequireText(problems, "title", input.Title, MaxTitle, "a short name of the action");
        if (input.Description is { } description && description.Trim().Length > MaxDescription)
        {
            problems.Add(new("description", ActionProblemKind.TooLong, $"is {description.Trim().Length} characters long; shorten it to at most {MaxDescription}", MaxDescription));
        }

        RequireText(problems, "responsible", input.Responsible, MaxName, "the person or body responsible, e.g. \"Local Safety Council secretariat\"");
        CheckPartners(problems, input.Partners);
        CheckTargets(problems, input.Targets, rubric);
        if (input.Start is { } start && input.Due is { } due && due < start)
        {
            problems.Add(new("due", ActionProblemKind.DueBeforeStart, $"{due:yyyy-MM-dd} is before the start date {start:yyyy-MM-dd}; choose a due date on or after the start"));
        }

        return problems;
    }

    /// <summary>Whether an action may go to <paramref name="status"/> with <paramref name="dropReason"/>: a dropped action needs a reason, no other status takes one.</summary>
    public static IReadOnlyList<ActionProblem> CheckStatus(ActionStatus status, string? dropReason)
    {
        var problems = new List<ActionProblem>();
        if (status == ActionStatus.Dropped)
        {
            RequireText(problems, "dropReason", dropReason, MaxNote, "why the action was dropped");
        }
        else if (!string.IsNullOrWhiteSpace(dropReason))
        {
            problems.Add(new("dropReason", ActionProblemKind.NotAllowed, "is only for a dropped action; leave it out, or set the status to dropped"));
        }

        return problems;
    }

    /// <summary>Whether a progress note may be added: a date and a text of at most <see cref="MaxNote"/> characters.</summary>
    public static IReadOnlyList<ActionProblem> CheckNote(DateOnly? date, string? text)
    {
        var problems = new List<ActionProblem>();
        if (date is null)
        {
            problems.Add(new("date", ActionProblemKind.Required, "is required: the day the note is about, as 2026-03-31"));
        }

        RequireText(problems, "text", text, MaxNote, "what happened");
        return problems;
    }

    /// <summary><paramref name="input"/> trimmed, with empty lists for missing ones and no blank partners; call after <see cref="Check"/> found nothing.</summary>
    public static ActionInput Normalize(ActionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new ActionInput(
            input.Title?.Trim() ?? "",
            input.Description?.Trim() ?? "",
            input.Targets ?? [],
            input.Responsible?.Trim() ?? "",
            (input.Partners ?? []).Select(p => p.Trim()).ToArray(),
            input.Start,
            input.Due);
    }

    private static void CheckPartners(List<ActionProblem> problems, IReadOnlyList<string>? partners)
    {
        if (partners is null)
        {
            return;
        }

        if (partners.Count > MaxListItems)
        {
            problems.Add(new("partners", ActionProblemKind.TooMany, $"has {partners.Count} entries; list at most {MaxListItems}", MaxListItems));
        }

        for (var i = 0; i < partners.Count; i++)
        {
            RequireText(problems, $"partners[{i}]", partners[i], MaxName, "a partner's name, or remove the entry");
        }
    }

    private static void CheckTargets(List<ActionProblem> problems, IReadOnlyList<ActionTarget>? targets, Rubric rubric)
    {
        if (targets is null || targets.Count == 0)
        {
            problems.Add(new("targets", ActionProblemKind.Required, "is required: at least one practice (or indicator) the action should move, with the level to reach"));
            return;
        }

        if (targets.Count > MaxListItems)
        {
            problems.Add(new("targets", ActionProblemKind.TooMany, $"has {targets.Count} entries; list at most {MaxListItems}", MaxListItems));
        }

        var maxLevel = rubric.Scale.MaxLevel;
        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            var practice = rubric.Practices.FirstOrDefault(p => p.Id == target.PracticeId);
            if (practice is null)
            {
                problems.Add(new($"targets[{i}].practiceId", ActionProblemKind.Unknown, $"'{target.PracticeId}' is not a practice of {rubric.Id} {rubric.Version}; use one of its practice ids, such as {rubric.Practices[0].Id}"));
            }
            else if (target.IndicatorId is { } indicatorId && practice.Indicators.All(x => x.Id != indicatorId))
            {
                problems.Add(new($"targets[{i}].indicatorId", ActionProblemKind.Unknown, $"'{indicatorId}' is not an indicator of practice {practice.Id}; leave it out or use one of {string.Join(", ", practice.Indicators.Select(x => x.Id))}"));
            }

            if (target.TargetLevel < 1 || target.TargetLevel > maxLevel)
            {
                problems.Add(new($"targets[{i}].targetLevel", ActionProblemKind.OutOfRange, $"{target.TargetLevel} is off the scale; choose a level from 1 to {maxLevel}", maxLevel));
            }
        }
    }

    private static void RequireText(List<ActionProblem> problems, string field, string? text, int maxLength, string what)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            problems.Add(new(field, ActionProblemKind.Required, $"is required: {what}"));
        }
        else if (trimmed.Length > maxLength)
        {
            problems.Add(new(field, ActionProblemKind.TooLong, $"is {trimmed.Length} characters long; shorten it to at most {maxLength}", maxLength));
        }
    }
}
