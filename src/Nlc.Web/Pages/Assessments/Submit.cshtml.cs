using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Nlc.Core.Assessments;
using Nlc.Storage;
using Nlc.Web.Accounts;
using Nlc.Web.Assessments;

namespace Nlc.Web.Pages.Assessments;

/// <summary>Check your answers, then submit: the workflow step through <see cref="AssessmentStore.TransitionAsync"/>, which refuses while any indicator is unanswered.</summary>
public sealed class SubmitModel(AssessmentStore assessments, IStringLocalizer<SharedResource> text) : AssessmentPage
{
    /// <summary>The answers saved now, by indicator id.</summary>
    public IReadOnlyDictionary<string, StoredAnswer> Answers { get; private set; } = new Dictionary<string, StoredAnswer>();

    /// <summary>The indicators the workflow says are unanswered (after a refused submit, or found on loading).</summary>
    public IReadOnlyList<string> Unanswered { get; private set; } = [];

    /// <summary>Shows every answer with a link to change it.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        if (!await OpenAsync())
        {
            return NotFound();
        }

        await LoadAnswersAsync();
        return Page();
    }

    /// <summary>Submits the assessment at the version the page showed.</summary>
    public async Task<IActionResult> OnPostAsync([FromForm(Name = "version")] long version)
    {
        if (!await OpenAsync())
        {
            return NotFound();
        }

        if (!Open.Rights.MayAnswer)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var transition = await assessments.TransitionAsync(AssessmentId, version, AssessmentAction.Submit, AccountPrincipal.AccountId(User), Open.Engine, HttpContext.RequestAborted);
        if (transition.Write.Outcome == WriteOutcome.Done)
        {
            return Redirect($"/assessments/{AssessmentId}/results?submitted=true");
        }

        if (transition.Write.Outcome == WriteOutcome.NotFound)
        {
            return NotFound();
        }

        // Shown again as saved now, at the current version: a colleague's save since loading made the submit stale.
        if (!await OpenAsync())
        {
            return NotFound();
        }

        await LoadAnswersAsync();
        ShowErrors(transition.IsIncomplete
            ? transition.Unanswered.Select(id => new PageError($"answer-{id}", text["SubmitErrorUnanswered", id])).ToArray()
            : transition.Write.Outcome == WriteOutcome.Stale
                ? [new PageError("answers", text["SubmitErrorStale"])]
                : [new PageError("answers", text["SubmitErrorNotDraft", text["AsmStatus_" + Open.Assessment.Status]])]);
        return Page();
    }

    private async Task LoadAnswersAsync()
    {
        Answers = (await assessments.AnswersAsync(AssessmentId, HttpContext.RequestAborted)).ToDictionary(a => a.Answer.IndicatorId, StringComparer.Ordinal);
        Unanswered = AssessmentWorkflow.Unanswered(AssessmentAction.Submit, Rubric, Answers.Keys);
    }
}
