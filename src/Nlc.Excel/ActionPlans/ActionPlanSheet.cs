using Nlc.Core.ActionPlans;

namespace Nlc.Excel.ActionPlans;

/// <summary>
/// The layout the action-plan workbook is written in and read back by: its format, its columns by key (in a hidden row,
/// so the reader finds them in any language), the rows around the table, the _meta keys, and the words for statuses.
/// </summary>
internal static class ActionPlanSheet
{
    /// <summary>What the _meta sheet's "format" entry says, so an assessment workbook uploaded here (or this one there) is recognised.</summary>
    public const string Format = "nlc-action-plan-workbook";

    /// <summary>The layout version; a reader refuses newer ones.</summary>
    public const int FormatVersion = 1;

    /// <summary>The keys of the columns, in order; their headers are "Column.{key}" in ActionPlanText.</summary>
    public static readonly IReadOnlyList<string> Keys =
        ["id", "title", "description", "targets", "responsible", "partners", "start", "due", "status", "dropReason", "notes"];

    /// <summary>The column (0-based) the workbook writes the column with <paramref name="key"/> in.</summary>
    public static int ColumnOf(string key) => Keys.ToList().IndexOf(key);

    /// <summary>The columns a person may edit; the id and the progress notes are the plan's.</summary>
    public static readonly IReadOnlySet<string> Editable =
        new HashSet<string>(["title", "description", "targets", "responsible", "partners", "start", "due", "status", "dropReason"], StringComparer.Ordinal);

    /// <summary>Column widths in characters, together narrow enough to print fitted to a landscape page at 9 pt or more.</summary>
    public static readonly double[] Widths = [8, 19, 21, 22, 14, 13, 10, 10, 11, 14, 22];

    /// <summary>Rows (1-based): title, figures as of a day, how to edit, the hidden keys, the headers; actions from <see cref="FirstActionRow"/>.</summary>
    public const int TitleRow = 1;
    public const int AsOfRow = 2;
    public const int HowToRow = 3;
    public const int KeyRow = 4;
    public const int HeaderRow = 5;
    public const int FirstActionRow = 6;

    /// <summary>Empty editable rows below the actions, for new ones.</summary>
    public const int NewActionRows = 15;

    /// <summary>The keys of the _meta sheet (column A; values in column B).</summary>
    public static class Meta
    {
        public const string CityId = "cityId";
        public const string PlanVersion = "planVersion";
        public const string StatusChoices = "statusChoices";
        public const string BaselineAction = "baselineAction";
        public const string BaselineFingerprint = "baselineFingerprint";
    }

    /// <summary>The _meta columns: the status choices the drop-down draws from (D), and the baseline of action ids (F) and fingerprints (G).</summary>
    public const int StatusChoicesColumn = 3;
    public const int BaselineActionColumn = 5;
    public const int BaselineFingerprintColumn = 6;

    /// <summary>Every status in the order of the drop-down.</summary>
    public static readonly IReadOnlyList<ActionStatus> Statuses = [ActionStatus.Planned, ActionStatus.InProgress, ActionStatus.Done, ActionStatus.Dropped];

    /// <summary>The key of <paramref name="status"/>, as the API names it; its label is "Status.{key}" in ActionPlanText.</summary>
    public static string KeyOf(ActionStatus status) => status switch
    {
        ActionStatus.Planned => "planned",
        ActionStatus.InProgress => "inProgress",
        ActionStatus.Done => "done",
        _ => "dropped",
    };

    /// <summary>The column key of an action field as <see cref="ActionRules"/> names it ("targets[1].targetLevel" → "targets", "actionId" → "id").</summary>
    public static string KeyOfField(string field)
    {
        var name = field.Split('[', '.')[0];
        return name == "actionId" ? "id" : name;
    }
}
