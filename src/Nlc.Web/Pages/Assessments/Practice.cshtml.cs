using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Nlc.Core.Assessments;
using Nlc.Core.Rubrics;
using Nlc.Excel;
using Nlc.Storage;
using Nlc.Web.Accounts;
using Nlc.Web.Assessments;

namespace Nlc.Web.Pages.Assessments;

/// <summary>
/// Fill in one practice: its indicators, each answered with a level, Not applicable (with a reason) or Don't know, a note
/// and evidence. A save merges with what colleagues saved meanwhile (<see cref="AssessmentStore.MergeAnswersAsync"/>, the
/// same merge as a workbook upload): answers to other indicators are kept; if a colleague saved the same indicator since
/// the page was loaded, both answers are shown and nothing is written until the person chooses.
/// </summary>
public sealed class PracticeModel(AssessmentStore assessments, ActorNames names, IStringLocalizer<SharedResource> text) : AssessmentPage
{
    /// <summary>The practice id from the route.</summary>
    [FromRoute]
    public string PracticeId { get; set; } = "";

    /// <summary>The practice shown.</summary>
    public Practice Practice { get; private set; } = null!;

    /// <summary>The form of each of the practice's indicators, by indicator id.</summary>
    public IReadOnlyDictionary<string, AnswerForm> Forms { get; private set; } = new Dictionary<string, AnswerForm>();

    /// <summary>The answers saved by someone else since the page was loaded, for the indicators in conflict.</summary>
    public IReadOnlyDictionary<string, StoredAnswer?> Conflicts { get; private set; } = new Dictionary<string, StoredAnswer?>();

    /// <summary>Who saved each conflicting answer, by indicator id, in words.</summary>
    public IReadOnlyDictionary<string, string> SavedBy { get; private set; } = new Dictionary<string, string>();

    /// <summary>The assessment's version when the page was loaded.</summary>
    public long LoadedVersion { get; private set; }

    /// <summary>The practice whose answers were just saved (after a redirect), for the confirmation.</summary>
    [FromQuery(Name = "saved")]
    public string? SavedPractice { get; set; }

    /// <summary>Whether that save was merged with changes colleagues saved meanwhile.</summary>
    [FromQuery(Name = "merged")]
    public bool Merged { get; set; }

    /// <summary>The practice before this one, or null for the first.</summary>
    public Practice? Previous => Neighbour(-1);

    /// <summary>The practice after this one, or null for the last.</summary>
    public Practice? Next => Neighbour(1);

    /// <summary>Shows the practice with the answers saved now.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        if (!await OpenPracticeAsync())
        {
            return NotFound();
        }

        var saved = await SavedAsync();
        Forms = Practice.Indicators.ToDictionary(i => i.Id, i => AnswerForm.Of(i.Id, saved.GetValueOrDefault(i.Id), AnswerFingerprint.Of), StringComparer.Ordinal);
        LoadedVersion = Open.Assessment.RowVersion;
        return Page();
    }

    /// <summary>Saves the practice's answers (merged with colleagues' changes), then goes on to the next practice.</summary>
    public async Task<IActionResult> OnPostAsync([FromForm(Name = "version")] long version)
    {
        if (!await OpenPracticeAsync())
        {
            return NotFound();
        }

        if (!Open.Rights.MayAnswer)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        LoadedVersion = version;
        Forms = Practice.Indicators.ToDictionary(i => i.Id, i => AnswerForm.Read(i.Id, Request.Form), StringComparer.Ordinal);
        var (edited, errors) = Check();
        if (errors.Count > 0)
        {
            ShowErrors(errors);
            return Page();
        }

        var result = await assessments.MergeAnswersAsync(
            AssessmentId, expectedVersion: null, edited, AnswerFingerprint.Of, AccountPrincipal.AccountId(User), HttpContext.RequestAborted);
        if (result is { Outcome: WriteOutcome.Conflict, Value: { } refused })
        {
            await ShowConflictsAsync(refused);
            return Page();
        }

        if (result.Outcome == WriteOutcome.NotFound)
        {
            return NotFound();
        }

        if (result.Outcome != WriteOutcome.Done)
        {
            ShowErrors([new PageError("answers", text["FillNotDraft", text["AsmStatus_" + Open.Assessment.Status]])]);
            return Page();
        }

        var after = result.Value!.Assessment;
        var ownWrites = result.Value.Plan.Changes.Count > 0 ? 1 : 0;
        var merged = after.RowVersion != version + ownWrites;
        var target = Next is { } next ? $"/assessments/{AssessmentId}/practices/{next.Id}" : $"/assessments/{AssessmentId}";
        return Redirect($"{target}?saved={Uri.EscapeDataString(PracticeId)}{(merged ? "&merged=true" : "")}");
    }

    private async Task<bool> OpenPracticeAsync()
    {
        if (!await OpenAsync())
        {
            return false;
        }

        Practice = Rubric.Practices.FirstOrDefault(p => p.Id == PracticeId)!;
        return Practice is not null;
    }

    private async Task<Dictionary<string, StoredAnswer>> SavedAsync() =>
        (await assessments.AnswersAsync(AssessmentId, HttpContext.RequestAborted)).ToDictionary(a => a.Answer.IndicatorId, StringComparer.Ordinal);

    /// <summary>The answers to merge (with their baselines) and every problem with the form, in page order.</summary>
    private (List<BasedAnswer> Edited, List<PageError> Errors) Check()
    {
        var edited = new List<BasedAnswer>();
        var errors = new List<PageError>();
        var maxLevel = Rubric.Scale.MaxLevel;
        foreach (var indicator in Practice.Indicators)
        {
            var form = Forms[indicator.Id];
            if (form.InConflict && form.Resolve is null)
            {
                errors.Add(new PageError($"resolve-{indicator.Id}-mine", text["FillErrorResolve", indicator.Id]));
                continue;
            }

            if (form.InConflict && form.Resolve == AnswerForm.KeepSaved)
            {
                continue;
            }

            var input = form.ToInput();
            if (input is null)
            {
                if (!form.IsBlank)
                {
                    errors.Add(new PageError($"choice-{indicator.Id}-0", text["FillError_LevelRequired", indicator.Id, maxLevel]));
                }

                continue;
            }

            var violations = AnswerRules.Check(input, maxLevel);
            errors.AddRange(violations.Select(v => new PageError(FieldOf(v), Message(v, maxLevel))));
            if (violations.Count == 0)
            {
                edited.Add(new BasedAnswer(input, form.Base.Length == 0 ? null : form.Base));
            }
        }

        return (edited, errors);
    }

    private static string FieldOf(AnswerViolation violation) => violation.Part switch
    {
        AnswerPart.Level => $"choice-{violation.IndicatorId}-0",
        AnswerPart.Reason => $"reason-{violation.IndicatorId}",
        AnswerPart.Note => $"note-{violation.IndicatorId}",
        _ => $"evidence-{violation.IndicatorId}",
    };

    private string Message(AnswerViolation violation, int maxLevel) => violation.Rule switch
    {
        AnswerRule.TextTooLong => text[$"FillError_TextTooLong_{violation.Part}", violation.IndicatorId, AnswerRules.MaxTextLength],
        AnswerRule.TooManyEvidence => text["FillError_TooManyEvidence", violation.IndicatorId, AnswerRules.MaxEvidence],
        AnswerRule.EvidenceEntryLength => text["FillError_EvidenceEntryLength", violation.IndicatorId, AnswerRules.MaxEvidenceLength, (violation.EvidenceIndex ?? 0) + 1],
        _ => text[$"FillError_{violation.Rule}", violation.IndicatorId, maxLevel],
    };

    /// <summary>Shows each conflict beside the person's own answer; their other answers stay in the form, unsaved, until they choose.</summary>
    private async Task ShowConflictsAsync(AnswerMergeResult refused)
    {
        var conflicts = refused.Plan.Conflicts.ToDictionary(c => c.IndicatorId, c => c.Saved, StringComparer.Ordinal);
        Conflicts = conflicts;
        var savedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, saved) in conflicts)
        {
            if (saved is not null)
            {
                savedBy[id] = await names.NameAsync(saved.AnsweredBy, HttpContext.RequestAborted);
            }
        }

        SavedBy = savedBy;
        LoadedVersion = refused.Assessment.RowVersion;
        Forms = Forms.ToDictionary(
            f => f.Key,
            f => conflicts.TryGetValue(f.Key, out var saved)
                ? f.Value with
                {
                    Base = saved is null ? "" : AnswerFingerprint.Of(new AnswerInput(saved.Answer, saved.Evidence)),
                    Resolve = null,
                    InConflict = true,
                }
                : f.Value,
            StringComparer.Ordinal);
        ShowErrors(conflicts.Keys.Select(id => new PageError($"resolve-{id}-mine", text["FillConflict", id])).ToArray());
    }

    private Practice? Neighbour(int step)
    {
        var practices = Rubric.Practices;
        var at = practices.ToList().FindIndex(p => p.Id == Practice.Id) + step;
        return at >= 0 && at < practices.Count ? practices[at] : null;
    }
}
