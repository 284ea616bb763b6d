using Nlc.Core.ActionPlans;
using Nlc.Core.Rubrics;

namespace Nlc.Core.PeerLearning;

/// <summary>
/// The case-note workflow and its input rules: draft → submitted → published, or submitted → returned (with a reason)
/// → submitted again. A city edits a draft or a returned note; a submitted or published note is edited by nobody.
/// Who may take which step is the caller's decision (city: submit; hub: approve, return).
/// </summary>
public static class CaseNoteWorkflow
{
    /// <summary>The longest title and contact role.</summary>
    public const int MaxShort = 200;

    /// <summary>The longest Challenge, Approach, Impact and return reason.</summary>
    public const int MaxSection = 4000;

    /// <summary>The states <paramref name="action"/> may start from.</summary>
    public static IReadOnlyList<CaseNoteStatus> From(CaseNoteAction action) => action switch
    {
        CaseNoteAction.Submit => [CaseNoteStatus.Draft, CaseNoteStatus.Returned],
        CaseNoteAction.Approve => [CaseNoteStatus.Submitted],
        CaseNoteAction.Return => [CaseNoteStatus.Submitted],
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "not a case-note action"),
    };

    /// <summary>The state <paramref name="action"/> leads to.</summary>
    public static CaseNoteStatus To(CaseNoteAction action) => action switch
    {
        CaseNoteAction.Submit => CaseNoteStatus.Submitted,
        CaseNoteAction.Approve => CaseNoteStatus.Published,
        CaseNoteAction.Return => CaseNoteStatus.Returned,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "not a case-note action"),
    };

    /// <summary>The audit trail's name for <paramref name="action"/>: "caseNote.submitted", "caseNote.approved", "caseNote.returned".</summary>
    public static string AuditName(CaseNoteAction action) => action switch
    {
        CaseNoteAction.Submit => "caseNote.submitted",
        CaseNoteAction.Approve => "caseNote.approved",
        CaseNoteAction.Return => "caseNote.returned",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "not a case-note action"),
    };

    /// <summary>A note in <paramref name="status"/> may be edited by its city.</summary>
    public static bool IsEditable(CaseNoteStatus status) => status is CaseNoteStatus.Draft or CaseNoteStatus.Returned;

    /// <summary>
    /// <paramref name="note"/> after <paramref name="action"/> (with <paramref name="reason"/> for a return), or the reason it may not
    /// be taken from the note's state. A return keeps its reason until the note is submitted again.
    /// </summary>
    public static (CaseNote? Note, string? Refusal) Apply(CaseNote note, CaseNoteAction action, string? reason, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(note);
        if (!From(action).Contains(note.Status))
        {
            return (null, $"The case note is {(note.Status == CaseNoteStatus.Draft ? "a draft" : Name(note.Status))}; only a {string.Join(" or ", From(action).Select(Name))} note can be {Name(To(action))}.");
        }

        return (note with
        {
            Status = To(action),
            ReturnReason = action == CaseNoteAction.Return ? reason!.Trim() : null,
            PublishedAt = action == CaseNoteAction.Approve ? at : note.PublishedAt,
            UpdatedAt = at,
            RowVersion = note.RowVersion + 1,
        }, null);
    }

    /// <summary>Every problem of <paramref name="input"/> against <paramref name="rubric"/>; empty when it may be stored.</summary>
    public static IReadOnlyList<ActionProblem> Check(CaseNoteInput input, Rubric rubric)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(rubric);
        var problems = new List<ActionProblem>();
        if (string.IsNullOrWhiteSpace(input.PracticeId))
        {
            problems.Add(new("practiceId", ActionProblemKind.Required, $"is required: the practice the note is about, such as {rubric.Practices[0].Id}"));
        }
        else if (rubric.Practices.All(p => p.Id != input.PracticeId))
        {
            problems.Add(new("practiceId", ActionProblemKind.Unknown, $"'{input.PracticeId}' is not a practice of {rubric.Id} {rubric.Version}; use one of its practice ids, such as {rubric.Practices[0].Id}"));
        }

        Require(problems, "title", input.Title, MaxShort, "a short headline");
        Require(problems, "challenge", input.Challenge, MaxSection, "the problem the city faced");
        Require(problems, "approach", input.Approach, MaxSection, "what the city did");
        Require(problems, "impact", input.Impact, MaxSection, "what changed as a result");
        Require(problems, "contactRole", input.ContactRole, MaxShort, "the role a peer can contact, e.g. \"LSC coordinator\" (a role, not a person's name)");
        return problems;
    }

    /// <summary>Whether <paramref name="reason"/> may return a note: required, at most <see cref="MaxSection"/> characters.</summary>
    public static IReadOnlyList<ActionProblem> CheckReturnReason(string? reason)
    {
        var problems = new List<ActionProblem>();
        Require(problems, "reason", reason, MaxSection, "what the city should change before submitting again");
        return problems;
    }

    private static string Name(CaseNoteStatus status) => status switch
    {
        CaseNoteStatus.Draft => "draft",
        CaseNoteStatus.Submitted => "submitted",
        CaseNoteStatus.Published => "published",
        CaseNoteStatus.Returned => "returned",
        _ => status.ToString(),
    };

    private static void Require(List<ActionProblem> problems, string field, string? text, int maxLength, string what)
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
