using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Nlc.Core.Rubrics;

namespace Nlc.Core.ActionPlans;

/// <summary>
/// A row of an action-plan workbook as the city edited it: the action it was exported from (null for a new row), and
/// the fields a workbook carries. Notes are not in a workbook; they stay as the plan has them.
/// </summary>
public sealed record ImportedAction(int Row, string? ActionId, ActionInput Input, ActionStatus Status, string? DropReason);

/// <summary>A problem of one workbook row: its row number and what is wrong, by field as <see cref="ActionRules"/> names them.</summary>
public sealed record ImportedActionProblem(int Row, ActionProblem Problem);

/// <summary>
/// What a workbook does to a plan: the plan's actions after it (null when anything is wrong; then nothing may be
/// written), every problem at once, and how many actions it adds and changes.
/// </summary>
public sealed record ActionPlanMergeResult(IReadOnlyList<PlanAction>? Actions, IReadOnlyList<ImportedActionProblem> Problems, int Added, int Changed);

/// <summary>
/// The baseline merge of an action-plan workbook into the plan as it is now, all or nothing, as the assessment workbook's
/// answers merge: a row the city left as exported changes nothing (whatever was saved since stays); a row it changed is
/// applied, unless the same action was also changed, or removed, on the server since the export, which is a conflict;
/// a row without an action id is a new action. An action missing from the workbook stays in the plan.
/// </summary>
public static class ActionPlanMerge
{
    /// <summary>
    /// The fingerprint of what a workbook carries of <paramref name="action"/> (every field but its id and notes), kept at
    /// export as the baseline and compared at import.
    /// </summary>
    public static string Fingerprint(PlanAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var fields = JsonSerializer.Serialize(new object?[]
        {
            action.Title, action.Description, action.Targets.Select(t => new object?[] { t.PracticeId, t.IndicatorId, t.TargetLevel }),
            action.Responsible, action.Partners, action.Start?.ToString("O"), action.Due?.ToString("O"), action.Status.ToString(), action.DropReason,
        });
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(fields)))[..32];
    }

    /// <summary>
    /// Merges <paramref name="rows"/>, exported when the plan's actions had the fingerprints in <paramref name="baseline"/>
    /// (action id → <see cref="Fingerprint"/>), into <paramref name="current"/>; new actions get ids from <paramref name="newId"/>.
    /// </summary>
    public static ActionPlanMergeResult Merge(
        ActionPlan current, IReadOnlyDictionary<string, string> baseline, IReadOnlyList<ImportedAction> rows, Rubric rubric, Func<string> newId)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(newId);
        var problems = new List<ImportedActionProblem>();
        var actions = current.Actions.ToList();
        var added = new List<PlanAction>();
        var changed = 0;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var rowProblems = ActionRules.Check(row.Input, rubric).Concat(ActionRules.CheckStatus(row.Status, row.DropReason)).ToList();
            if (row.ActionId is { } id)
            {
                if (seen.TryGetValue(id, out var firstRow))
                {
                    rowProblems.Add(new("actionId", ActionProblemKind.Duplicate, $"repeats the action of row {firstRow}; each action has one row (a new action needs an empty id)"));
                }
                else if (!baseline.TryGetValue(id, out _))
                {
                    rowProblems.Add(new("actionId", ActionProblemKind.Unknown, $"'{id}' is not an action this workbook was exported with; leave the id empty for a new action"));
                }

                seen.TryAdd(id, row.Row);
            }

            if (rowProblems.Count > 0)
            {
                problems.AddRange(rowProblems.Select(p => new ImportedActionProblem(row.Row, p)));
                continue;
            }

            if (row.ActionId is null)
            {
                added.Add(Edited(PlanAction.New(newId(), row.Input), row));
                continue;
            }

            var exported = baseline[row.ActionId];
            var index = actions.FindIndex(a => a.Id == row.ActionId);
            var saved = index < 0 ? null : actions[index];
            var edited = Edited(saved ?? PlanAction.New(row.ActionId, row.Input), row);
            if (Fingerprint(edited) == exported)
            {
                continue;
            }

            if (saved is null || Fingerprint(saved) != exported)
            {
                problems.Add(new ImportedActionProblem(row.Row, new ActionProblem(
                    "actionId",
                    ActionProblemKind.Conflict,
                    saved is null
                        ? "was removed from the plan after this workbook was exported; add it again as a new row (empty id) if it is still wanted"
                        : $"was also changed in the plan after this workbook was exported (now \"{saved.Title}\", {saved.Status}); export the plan again and redo this row's change")));
                continue;
            }

            actions[index] = edited;
            changed++;
        }

        return problems.Count > 0
            ? new ActionPlanMergeResult(null, problems, 0, 0)
            : new ActionPlanMergeResult([.. actions, .. added], [], added.Count, changed);
    }

    /// <summary><paramref name="action"/> with the row's fields, status and drop reason (trimmed as the plan stores them); its notes stay.</summary>
    private static PlanAction Edited(PlanAction action, ImportedAction row) =>
        action.With(row.Input) with { Status = row.Status, DropReason = row.Status == ActionStatus.Dropped ? row.DropReason!.Trim() : null };
}
