using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Nlc.Core.ActionPlans;
using Nlc.Web.Assessments;

namespace Nlc.Web.Plans;

/// <summary>
/// An action-plan or case-note problem as a page shows it: the id of the form field it is about and a message in the
/// person's language, worded from the problem's kind and the field's own label (never Core's English message).
/// </summary>
public static partial class ActionProblemText
{
    /// <summary>The page error for an action-plan <paramref name="problem"/>.</summary>
    public static PageError For(ActionProblem problem, IStringLocalizer<SharedResource> text)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(text);
        var (fieldId, label) = Field(problem.Field, text);
        return problem is { Field: "dropReason", Kind: ActionProblemKind.Required }
            ? new PageError(fieldId, text["PlanDropReasonRequired"].Value)
            : new PageError(fieldId, Message(problem, label, text));
    }

    /// <summary>The page error for a case-note <paramref name="problem"/>.</summary>
    public static PageError ForCaseNote(ActionProblem problem, IStringLocalizer<SharedResource> text)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(text);
        var (fieldId, labelKey) = problem.Field switch
        {
            "practiceId" => ("PracticeId", "CaseNotePractice"),
            "title" => ("Title", "CaseNoteTitleLabel"),
            "challenge" => ("ChallengeText", "CaseNoteChallenge"),
            "approach" => ("Approach", "CaseNoteApproach"),
            "impact" => ("Impact", "CaseNoteImpact"),
            "contactRole" => ("ContactRole", "CaseNoteContactRole"),
            "reason" => ("Reason", "CaseNoteReturnReason"),
            _ => (problem.Field, "PlanFieldOther"),
        };
        return problem is { Field: "reason", Kind: ActionProblemKind.Required }
            ? new PageError(fieldId, text["CaseNoteReturnReasonRequired"].Value)
            : new PageError(fieldId, Message(problem, text[labelKey], text));
    }

    private static string Message(ActionProblem problem, string label, IStringLocalizer<SharedResource> text) => (problem.Kind switch
    {
        ActionProblemKind.Required => text["PlanProblemRequired", label],
        ActionProblemKind.TooLong => text["PlanProblemTooLong", label, problem.Limit ?? 0],
        ActionProblemKind.TooMany => text["PlanProblemTooMany", label, problem.Limit ?? 0],
        ActionProblemKind.Unknown => text["PlanProblemUnknown", label],
        ActionProblemKind.OutOfRange => text["PlanProblemOutOfRange", label, problem.Limit ?? 0],
        ActionProblemKind.DueBeforeStart => text["PlanProblemDueBeforeStart", label],
        _ => text["PlanProblemNotAllowed", label],
    }).Value;

    /// <summary>The form field's id and label for an API field name such as <c>targets[1].targetLevel</c>.</summary>
    private static (string FieldId, string Label) Field(string field, IStringLocalizer<SharedResource> text)
    {
        if (TargetField().Match(field) is { Success: true } target)
        {
            var index = int.Parse(target.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            return target.Groups[2].Value switch
            {
                "indicatorId" => ($"Targets_{index}__IndicatorId", text["PlanFieldIndicatorN", index + 1]),
                "targetLevel" => ($"Targets_{index}__TargetLevel", text["PlanFieldTargetLevelN", index + 1]),
                _ => ($"Targets_{index}__PracticeId", text["PlanFieldPracticeN", index + 1]),
            };
        }

        var (fieldId, labelKey) = field switch
        {
            "title" => ("Title", "PlanFieldTitle"),
            "description" => ("Description", "PlanFieldDescription"),
            "responsible" => ("Responsible", "PlanFieldResponsible"),
            "start" => ("Start", "PlanFieldStart"),
            "due" => ("Due", "PlanFieldDue"),
            "targets" => ("Targets_0__PracticeId", "PlanFieldPracticeN"),
            "dropReason" => ("DropReason", "PlanFieldDropReason"),
            "date" => ("NoteDate", "PlanFieldNoteDate"),
            "text" => ("NoteText", "PlanFieldNoteText"),
            _ when field.StartsWith("partners", StringComparison.Ordinal) => ("Partners", "PlanFieldPartners"),
            _ => (field, "PlanFieldOther"),
        };
        return (fieldId, text[labelKey, 1]);
    }

    [GeneratedRegex(@"^targets\[(\d+)\]\.(\w+)$")]
    private static partial Regex TargetField();
}
