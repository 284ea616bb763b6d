using System.Globalization;
using System.Resources;
using Nlc.Core.ActionPlans;
using Nlc.Core.Languages;
using Nlc.Core.Rubrics;
using Nlc.Excel.Xlsx;

namespace Nlc.Excel.ActionPlans;

/// <summary>
/// Writes a city's action plan as a print-friendly workbook for a council: one landscape sheet, fitted to the page width,
/// its header row repeated on every page, the figures as of a day above the table. Interface text comes from
/// <c>Resources/ActionPlanText.resx</c> through a <see cref="TextCatalog"/>; the rubric's practice names in the same language.
/// </summary>
public static class ActionPlanWorkbookWriter
{
    /// <summary>The interface text of the action-plan workbook.</summary>
    public static TextCatalog Texts { get; } = new(new ResourceManager("Nlc.Excel.Resources.ActionPlanText", typeof(ActionPlanWorkbookWriter).Assembly));

    /// <summary>The workbook of <paramref name="plan"/> (of <paramref name="cityName"/>, targets in <paramref name="rubric"/>) as of <paramref name="asOf"/>, in <paramref name="language"/>.</summary>
    public static byte[] Write(ActionPlan plan, Rubric rubric, string cityName, DateOnly asOf, string language)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rubric);
        language = SupportedLanguages.Match(language) ?? SupportedLanguages.English;
        var workbook = new WorkbookBuilder { Title = Texts.Format("Title", language, cityName) };
        var sheet = workbook.AddSheet(Texts.Get("Sheet", language));
        sheet.Protected = true;
        sheet.FrozenRows = 4;
        sheet.PrintTitleRow = 4;

        var progress = PlanProgress.Of(plan.Actions, asOf);
        sheet.Text(0, 1, Texts.Format("Title", language, cityName), WorkbookStyles.Title);
        sheet.Text(0, 2, Texts.Format("AsOf", language, asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), progress.Done, progress.Actions, progress.Dropped, progress.Overdue), WorkbookStyles.Body);
        (string Key, double Width)[] columns = [("Id", 12), ("Action", 34), ("Targets", 30), ("Responsible", 22), ("Partners", 20), ("Start", 11), ("Due", 14), ("Status", 16), ("Notes", 40)];
        for (var i = 0; i < columns.Length; i++)
        {
            sheet.Width(i, columns[i].Width);
            sheet.Text(i, 4, Texts.Get(columns[i].Key, language), WorkbookStyles.Header);
        }

        var practices = rubric.Practices.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var row = 5;
        foreach (var action in plan.Actions)
        {
            var targets = action.Targets.Select(t =>
                $"{(practices.TryGetValue(t.PracticeId, out var practice) ? $"{practice.Id} {practice.Title.Get(language)}" : t.PracticeId)}{(t.IndicatorId is null ? "" : $" ({t.IndicatorId})")}: {t.TargetLevel}");
            var due = action.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            sheet.Text(0, row, action.Id, WorkbookStyles.Cell);
            sheet.Text(1, row, string.IsNullOrEmpty(action.Description) ? action.Title : $"{action.Title}\n{action.Description}", WorkbookStyles.CellBold);
            sheet.Text(2, row, string.Join("\n", targets), WorkbookStyles.Cell);
            sheet.Text(3, row, action.Responsible, WorkbookStyles.Cell);
            sheet.Text(4, row, string.Join("\n", action.Partners), WorkbookStyles.Cell);
            sheet.Text(5, row, action.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), WorkbookStyles.Cell);
            sheet.Text(6, row, due is not null && action.IsOverdue(asOf) ? Texts.Format("Overdue", language, due) : due, WorkbookStyles.Cell);
            sheet.Text(7, row, Texts.Format($"Status.{Name(action.Status)}", language, action.DropReason ?? ""), WorkbookStyles.Cell);
            sheet.Text(8, row, string.Join("\n", action.Notes.Select(n => $"{n.Date:yyyy-MM-dd}: {n.Text}")), WorkbookStyles.Cell);
            row++;
        }

        if (plan.Actions.Count == 0)
        {
            sheet.Text(1, row, Texts.Get("Empty", language), WorkbookStyles.Default);
        }

        return workbook.Build();
    }

    private static string Name(ActionStatus status) => status switch
    {
        ActionStatus.Planned => "planned",
        ActionStatus.InProgress => "inProgress",
        ActionStatus.Done => "done",
        _ => "dropped",
    };
}
