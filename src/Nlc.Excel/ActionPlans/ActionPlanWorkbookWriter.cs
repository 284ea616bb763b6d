using System.Globalization;
using System.Resources;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Nlc.Core.ActionPlans;
using Nlc.Core.Languages;
using Nlc.Core.Rubrics;
using Nlc.Excel.Xlsx;

namespace Nlc.Excel.ActionPlans;

/// <summary>
/// Writes a city's action plan as a workbook a council can print and a city can edit and upload again: one landscape
/// sheet, fitted to the page width, its header row repeated on every page, the figures as of a day above the table. The
/// action's fields are editable (status from a drop-down), with empty rows below for new actions; the id and the progress
/// notes are not. A hidden _meta sheet records the city, the plan's version and each action's fingerprint at export, so an
/// upload applies only what was changed in the workbook (<see cref="ActionPlanMerge"/>). Interface text comes from
/// <c>Resources/ActionPlanText.resx</c> through a <see cref="TextCatalog"/>; the rubric's practice names in the same language.
/// </summary>
public static class ActionPlanWorkbookWriter
{
    /// <summary>The interface text of the action-plan workbook.</summary>
    public static TextCatalog Texts { get; } = new(new ResourceManager("Nlc.Excel.Resources.ActionPlanText", typeof(ActionPlanWorkbookWriter).Assembly));

    /// <summary>The language a workbook asked for in <paramref name="requested"/> is written in: that one where every text is translated, English otherwise.</summary>
    public static string Served(string? requested) =>
        SupportedLanguages.Match(requested) is { } language && !Texts.MissingKeys(language).Any() ? language : SupportedLanguages.English;

    /// <summary>The workbook of <paramref name="plan"/> (of <paramref name="cityName"/>, targets in <paramref name="rubric"/>) as of <paramref name="asOf"/>, in <paramref name="language"/>.</summary>
    public static byte[] Write(ActionPlan plan, Rubric rubric, string cityName, DateOnly asOf, string language)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rubric);
        language = SupportedLanguages.Match(language) ?? SupportedLanguages.English;
        var workbook = new WorkbookBuilder { Title = Texts.Format("Title", language, cityName) };
        WritePlanSheet(workbook.AddSheet(Texts.Get("Sheet", language)), plan, rubric, cityName, asOf, language);
        WriteMetaSheet(workbook.AddSheet(WorkbookNames.MetaSheet), plan, cityName, language);
        return workbook.Build();
    }

    /// <summary>
    /// Every action's targets as the workbook writes them, one per line: "GP01 (GP01.1) Title: 3". The reader takes the
    /// practice id and the indicator in brackets from the start and the level after the last colon; the title between is for people.
    /// </summary>
    internal static string TargetLines(IEnumerable<ActionTarget> targets, Rubric rubric, string language)
    {
        var titles = rubric.Practices.ToDictionary(p => p.Id, p => p.Title.Get(language), StringComparer.Ordinal);
        return string.Join("\n", targets.Select(t =>
            $"{t.PracticeId}{(t.IndicatorId is null ? "" : $" ({t.IndicatorId})")}{(titles.TryGetValue(t.PracticeId, out var title) ? " " + title : "")}: {t.TargetLevel}"));
    }

    private static void WritePlanSheet(SheetBuilder sheet, ActionPlan plan, Rubric rubric, string cityName, DateOnly asOf, string language)
    {
        sheet.Protected = true;
        sheet.FrozenRows = ActionPlanSheet.HeaderRow;
        sheet.PrintTitleRow = ActionPlanSheet.HeaderRow;
        var keys = ActionPlanSheet.Keys;
        var last = keys.Count - 1;
        for (var i = 0; i < keys.Count; i++)
        {
            sheet.Width(i, ActionPlanSheet.Widths[i]);
        }

        var progress = PlanProgress.Of(plan.Actions, asOf);
        sheet.Text(0, ActionPlanSheet.TitleRow, Texts.Format("Title", language, cityName), WorkbookStyles.Title);
        sheet.TextAcross(0, last, ActionPlanSheet.AsOfRow, plan.Actions.Count == 0
            ? Texts.Get("Empty", language)
            : Texts.Format("AsOf", language, Date(asOf), progress.Done, progress.Actions, progress.Dropped, progress.Overdue));
        sheet.TextAcross(0, last, ActionPlanSheet.HowToRow, Texts.Format("HowTo", language, ExampleTarget(rubric)), WorkbookStyles.Notice);
        sheet.HideRow(ActionPlanSheet.KeyRow);
        for (var i = 0; i < keys.Count; i++)
        {
            sheet.Text(i, ActionPlanSheet.KeyRow, WorkbookNames.KeyPrefix + keys[i]);
            sheet.Text(i, ActionPlanSheet.HeaderRow, Texts.Get($"Column.{keys[i]}", language), WorkbookStyles.Header);
        }

        var row = ActionPlanSheet.FirstActionRow;
        foreach (var action in plan.Actions)
        {
            var notes = action.Notes.Select(n => $"{Date(n.Date)}: {n.Text}");
            if (action.Due is { } due && action.IsOverdue(asOf))
            {
                notes = notes.Prepend(Texts.Format("Overdue", language, Date(due)));
            }

            string?[] values =
            [
                action.Id, action.Title, action.Description, TargetLines(action.Targets, rubric, language), action.Responsible,
                string.Join("\n", action.Partners), Date(action.Start), Date(action.Due),
                Texts.Get($"Status.{ActionPlanSheet.KeyOf(action.Status)}", language), action.DropReason, string.Join("\n", notes),
            ];
            WriteRow(sheet, row++, values);
        }

        var firstNewRow = row;
        for (; row < firstNewRow + ActionPlanSheet.NewActionRows; row++)
        {
            WriteRow(sheet, row, new string?[keys.Count]);
        }

        var statusColumn = ActionPlanSheet.ColumnOf("status");
        var header = Texts.Get("Column.status", language);
        var labels = ActionPlanSheet.Statuses.Select(s => Texts.Get($"Status.{ActionPlanSheet.KeyOf(s)}", language)).ToArray();
        sheet.Add(new DataValidations(new DataValidation(new Formula1(CellReference.Range(
            WorkbookNames.MetaSheet, ActionPlanSheet.StatusChoicesColumn, 2, ActionPlanSheet.StatusChoicesColumn, 1 + labels.Length)))
        {
            Type = DataValidationValues.List,
            AllowBlank = true,
            ShowErrorMessage = true,
            ErrorStyle = DataValidationErrorStyleValues.Stop,
            ErrorTitle = header,
            Error = Texts.Format("StatusError", language, string.Join(", ", labels)),
            SequenceOfReferences = new ListValue<StringValue>
            {
                InnerText = $"{CellReference.Of(statusColumn, ActionPlanSheet.FirstActionRow)}:{CellReference.Of(statusColumn, row - 1)}",
            },
        })
        { Count = 1 });
    }

    private static void WriteRow(SheetBuilder sheet, int row, string?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var key = ActionPlanSheet.Keys[i];
            sheet.Text(i, row, values[i], ActionPlanSheet.Editable.Contains(key) ? WorkbookStyles.Answer : WorkbookStyles.Cell);
        }
    }

    private static void WriteMetaSheet(SheetBuilder sheet, ActionPlan plan, string cityName, string language)
    {
        sheet.Hidden = true;
        sheet.Protected = true;
        sheet.Width(0, 16);
        sheet.Width(1, 40);
        (string Key, string Value)[] entries =
        [
            (WorkbookNames.Meta.Format, ActionPlanSheet.Format),
            (WorkbookNames.Meta.FormatVersion, ActionPlanSheet.FormatVersion.ToString(CultureInfo.InvariantCulture)),
            (ActionPlanSheet.Meta.CityId, plan.CityId),
            (WorkbookNames.Meta.City, cityName),
            (WorkbookNames.Meta.RubricId, plan.RubricId),
            (WorkbookNames.Meta.Language, language),
            (ActionPlanSheet.Meta.PlanVersion, plan.RowVersion.ToString(CultureInfo.InvariantCulture)),
        ];
        sheet.Text(0, 1, "key", WorkbookStyles.Label);
        sheet.Text(1, 1, "value", WorkbookStyles.Label);
        for (var i = 0; i < entries.Length; i++)
        {
            sheet.Text(0, i + 2, entries[i].Key);
            sheet.Text(1, i + 2, entries[i].Value);
        }

        sheet.Text(ActionPlanSheet.StatusChoicesColumn, 1, ActionPlanSheet.Meta.StatusChoices, WorkbookStyles.Label);
        for (var i = 0; i < ActionPlanSheet.Statuses.Count; i++)
        {
            sheet.Text(ActionPlanSheet.StatusChoicesColumn, i + 2, Texts.Get($"Status.{ActionPlanSheet.KeyOf(ActionPlanSheet.Statuses[i])}", language));
        }

        sheet.Width(ActionPlanSheet.BaselineActionColumn, 16);
        sheet.Width(ActionPlanSheet.BaselineFingerprintColumn, 36);
        sheet.Text(ActionPlanSheet.BaselineActionColumn, 1, ActionPlanSheet.Meta.BaselineAction, WorkbookStyles.Label);
        sheet.Text(ActionPlanSheet.BaselineFingerprintColumn, 1, ActionPlanSheet.Meta.BaselineFingerprint, WorkbookStyles.Label);
        for (var i = 0; i < plan.Actions.Count; i++)
        {
            sheet.Text(ActionPlanSheet.BaselineActionColumn, i + 2, plan.Actions[i].Id);
            sheet.Text(ActionPlanSheet.BaselineFingerprintColumn, i + 2, ActionPlanMerge.Fingerprint(plan.Actions[i]));
        }
    }

    /// <summary>A target line for the instructions, from the rubric's first indicator.</summary>
    private static string ExampleTarget(Rubric rubric) =>
        $"{rubric.Practices[0].Id} ({rubric.Practices[0].Indicators[0].Id}): {Math.Min(3, rubric.Scale.MaxLevel)}";

    private static string? Date(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
