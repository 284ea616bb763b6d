using System.Globalization;
using Nlc.Core.ActionPlans;

namespace Nlc.Web.Plans;

/// <summary>
/// The action form as posted: texts as typed, dates as the browser's yyyy-MM-dd, partners one per line, and target rows
/// (a row whose practice is not chosen is left out). Kept as typed so a refused form shows exactly what was entered.
/// </summary>
public sealed class ActionForm
{
    /// <summary>The action's short name.</summary>
    public string? Title { get; set; }

    /// <summary>What the action is.</summary>
    public string? Description { get; set; }

    /// <summary>The person or body responsible.</summary>
    public string? Responsible { get; set; }

    /// <summary>The partners, one per line.</summary>
    public string? Partners { get; set; }

    /// <summary>The start date as typed.</summary>
    public string? Start { get; set; }

    /// <summary>The due date as typed.</summary>
    public string? Due { get; set; }

    /// <summary>The practices (or indicators) to move, with the level to reach.</summary>
    public List<TargetRow> Targets { get; set; } = [];

    /// <summary>The form filled with <paramref name="action"/>'s fields.</summary>
    public static ActionForm From(PlanAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return new ActionForm
        {
            Title = action.Title,
            Description = action.Description,
            Responsible = action.Responsible,
            Partners = string.Join('\n', action.Partners),
            Start = action.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Due = action.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Targets = action.Targets.Select(t => new TargetRow { PracticeId = t.PracticeId, IndicatorId = t.IndicatorId, TargetLevel = t.TargetLevel.ToString(CultureInfo.InvariantCulture) }).ToList(),
        };
    }

    /// <summary>The action input, or the fields whose dates cannot be read ("start", "due").</summary>
    public (ActionInput? Input, IReadOnlyList<string> BadDates) ToInput()
    {
        var badDates = new List<string>();
        var start = ReadDate(Start, "start", badDates);
        var due = ReadDate(Due, "due", badDates);
        var targets = Targets
            .Where(t => !string.IsNullOrWhiteSpace(t.PracticeId))
            .Select(t => new ActionTarget(t.PracticeId!, string.IsNullOrWhiteSpace(t.IndicatorId) ? null : t.IndicatorId, int.TryParse(t.TargetLevel, NumberStyles.None, CultureInfo.InvariantCulture, out var level) ? level : 0))
            .ToArray();
        var partners = (Partners ?? "").Split('\n').Select(p => p.Trim()).Where(p => p.Length > 0).ToArray();
        return badDates.Count > 0 ? (null, badDates) : (new ActionInput(Title, Description, targets, Responsible, partners, start, due), badDates);
    }

    /// <summary>A date typed as yyyy-MM-dd, null when blank; a field that cannot be read is added to <paramref name="badDates"/>.</summary>
    public static DateOnly? ReadDate(string? typed, string field, List<string> badDates)
    {
        ArgumentNullException.ThrowIfNull(badDates);
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        if (DateOnly.TryParseExact(typed.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        badDates.Add(field);
        return null;
    }
}

/// <summary>One target row of the action form.</summary>
public sealed class TargetRow
{
    /// <summary>The practice chosen, or blank.</summary>
    public string? PracticeId { get; set; }

    /// <summary>The indicator chosen, or blank for the whole practice.</summary>
    public string? IndicatorId { get; set; }

    /// <summary>The level to reach, as posted (text, so a tampered value is refused in the person's language).</summary>
    public string? TargetLevel { get; set; }
}
