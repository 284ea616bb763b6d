using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Nlc.Core.Assessments;
using Nlc.Storage;
using Nlc.Web.Accounts;
using Nlc.Web.Assessments;

namespace Nlc.Web.Pages.Hub;

/// <summary>
/// One submitted (or validated) assessment as the hub reviews it: every answer with its note and evidence, then validate
/// it, or reopen it with a reason the city is shown. Both steps go through the store's workflow step the API takes, and are audited there.
/// </summary>
[Authorize(Roles = "admin,hub")]
public sealed class ReviewModel(AssessmentStore assessments, IStringLocalizer<SharedResource> text) : AssessmentPage
{
    /// <summary>The answers given, by indicator id.</summary>
    public IReadOnlyDictionary<string, StoredAnswer> Answers { get; private set; } = new Dictionary<string, StoredAnswer>();

    /// <summary>The version the page was read at, posted back so a change made meanwhile is noticed.</summary>
    [BindProperty]
    public long Version { get; set; }

    /// <summary>Why the assessment goes back to the city.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>Shows the assessment and its answers.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        if (!await OpenAsync())
        {
            return NotFound();
        }

        await LoadAsync();
        Version = Open.Assessment.RowVersion;
        return Page();
    }

    /// <summary>Validates the assessment.</summary>
    public Task<IActionResult> OnPostValidateAsync() => StepAsync(AssessmentAction.Validate);

    /// <summary>Reopens the assessment with the reason given (required: the city is shown it).</summary>
    public Task<IActionResult> OnPostReopenAsync() => StepAsync(AssessmentAction.Reopen);

    private async Task<IActionResult> StepAsync(AssessmentAction action)
    {
        if (!await OpenAsync())
        {
            return NotFound();
        }

        var reason = Reason?.Trim();
        var reasonProblem = AssessmentWorkflow.ReasonProblem(action, reason);
        if (reasonProblem is not null)
        {
            ModelState.AddModelError(nameof(Reason), text["Reason" + reasonProblem, AssessmentWorkflow.MaxReasonLength]);
        }
        else
        {
            var transition = await assessments.TransitionAsync(
                Open.Assessment.Id, Version, action, AccountPrincipal.AccountId(User), Open.Engine, HttpContext.RequestAborted, reason);
            if (transition.Write.Outcome == WriteOutcome.Done)
            {
                TempData["Notice"] = text[action == AssessmentAction.Validate ? "ValidatedNotice" : "ReopenedNotice", Open.City.Name, Open.Assessment.Period].Value;
                return Redirect("/hub/reviews");
            }

            ModelState.AddModelError(action == AssessmentAction.Validate ? "validate" : nameof(Reason),
                text[transition.Write.Outcome == WriteOutcome.Stale ? "ReviewStale" : "ReviewStateChanged", text["Status" + (await assessments.FindAsync(Open.Assessment.Id))!.Status]]);
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() =>
        Answers = (await assessments.AnswersAsync(Open.Assessment.Id, HttpContext.RequestAborted)).ToDictionary(a => a.Answer.IndicatorId, StringComparer.Ordinal);
}
