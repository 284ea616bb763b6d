using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Nlc.Core.Access;
using Nlc.Core.Cities;
using Nlc.Core.PeerLearning;
using Nlc.Core.Rubrics;
using Nlc.Storage;
using Nlc.Web.Accounts;
using Nlc.Web.Plans;

namespace Nlc.Web.Pages.Peers;

/// <summary>
/// One case note in the Hub's own form (Challenge, Approach, Impact, a contact role): the city writes a draft and submits it;
/// the hub publishes it to the network or returns it with a reason the city sees. Every step posts the note's version, so
/// a change made meanwhile is refused, said, and what was typed stays.
/// </summary>
[Authorize]
public sealed class CaseNoteModel(CityStore cities, PeerLearningStore peers, RubricCatalog rubrics, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>The route value for a note not yet written.</summary>
    public const string NewNoteId = "new";

    /// <summary>The city.</summary>
    public City City { get; private set; } = null!;

    /// <summary>The rubric whose practices a note is about.</summary>
    public Rubric Rubric { get; private set; } = null!;

    /// <summary>The note as stored; null for a new one.</summary>
    public CaseNote? Stored { get; private set; }

    /// <summary>Whether this person may write the note now (the city's own people, while it is a draft or returned).</summary>
    public bool MayWrite { get; private set; }

    /// <summary>Whether this person may publish or return the note now (the hub, while it is submitted).</summary>
    public bool MayReview { get; private set; }

    /// <summary>The practice chosen.</summary>
    [BindProperty]
    public string? PracticeId { get; set; }

    /// <summary>The headline.</summary>
    [BindProperty]
    public string? Title { get; set; }

    /// <summary>The problem the city faced.</summary>
    [BindProperty]
    public string? ChallengeText { get; set; }

    /// <summary>What the city did.</summary>
    [BindProperty]
    public string? Approach { get; set; }

    /// <summary>What changed.</summary>
    [BindProperty]
    public string? Impact { get; set; }

    /// <summary>The role a peer can contact.</summary>
    [BindProperty]
    public string? ContactRole { get; set; }

    /// <summary>Why the hub returns the note.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The note's version the page was read at.</summary>
    [BindProperty]
    public long Version { get; set; }

    /// <summary>Says what was just done, after a redirect.</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>Shows the note (or an empty form), or 404.</summary>
    public async Task<IActionResult> OnGetAsync(string cityId, string noteId)
    {
        if (!await LoadAsync(cityId, noteId) || (Stored is null && !MayWrite))
        {
            return NotFound();
        }

        if (Stored is { } note)
        {
            (PracticeId, Title, ChallengeText, Approach, Impact, ContactRole, Version) = (note.PracticeId, note.Title, note.Challenge, note.Approach, note.Impact, note.ContactRole, note.RowVersion);
        }

        return Page();
    }

    /// <summary>Saves the draft (a new one, or changes to a draft or returned note).</summary>
    public async Task<IActionResult> OnPostSaveAsync(string cityId, string noteId)
    {
        if (!await LoadAsync(cityId, noteId))
        {
            return NotFound();
        }

        if (!MayWrite)
        {
            return Forbid();
        }

        var input = new CaseNoteInput(PracticeId, Title, ChallengeText, Approach, Impact, ContactRole);
        if (CaseNoteWorkflow.Check(input, Rubric) is { Count: > 0 } problems)
        {
            return Refuse(problems);
        }

        var actor = AccountPrincipal.AccountId(User);
        if (Stored is null)
        {
            var created = await peers.CreateNoteAsync(cityId, Rubric.Id, input, actor, HttpContext.RequestAborted);
            Notice = text["CaseNoteSavedNotice"];
            return Redirect($"/cities/{cityId}/case-notes/{created.Id}");
        }

        return Written(await peers.UpdateNoteAsync(Stored.Id, input, Version, actor, HttpContext.RequestAborted), cityId, "CaseNoteSavedNotice");
    }

    /// <summary>Submits the note to the hub.</summary>
    public Task<IActionResult> OnPostSubmitAsync(string cityId, string noteId) => StepAsync(cityId, noteId, CaseNoteAction.Submit);

    /// <summary>Publishes the note to the network (the hub).</summary>
    public Task<IActionResult> OnPostApproveAsync(string cityId, string noteId) => StepAsync(cityId, noteId, CaseNoteAction.Approve);

    /// <summary>Returns the note to the city with a reason (the hub).</summary>
    public Task<IActionResult> OnPostReturnAsync(string cityId, string noteId) => StepAsync(cityId, noteId, CaseNoteAction.Return);

    private async Task<IActionResult> StepAsync(string cityId, string noteId, CaseNoteAction action)
    {
        if (!await LoadAsync(cityId, noteId) || Stored is null)
        {
            return NotFound();
        }

        if (action == CaseNoteAction.Submit ? !MayWrite : !MayReview)
        {
            return Forbid();
        }

        (PracticeId, Title, ChallengeText, Approach, Impact, ContactRole) = (Stored.PracticeId, Stored.Title, Stored.Challenge, Stored.Approach, Stored.Impact, Stored.ContactRole);
        if (action == CaseNoteAction.Return && CaseNoteWorkflow.CheckReturnReason(Reason) is { Count: > 0 } problems)
        {
            return Refuse(problems);
        }

        var result = await peers.TransitionNoteAsync(Stored.Id, action, Reason, Version, AccountPrincipal.AccountId(User), HttpContext.RequestAborted);
        var notice = action switch
        {
            CaseNoteAction.Submit => "CaseNoteSubmittedNotice",
            CaseNoteAction.Approve => "CaseNotePublishedNotice",
            _ => "CaseNoteReturnedNotice",
        };
        return Written(result, cityId, notice);
    }

    private IActionResult Written(WriteResult<CaseNote> result, string cityId, string noticeKey)
    {
        if (result.Outcome == WriteOutcome.Done)
        {
            Notice = text[noticeKey];
            return Redirect($"/cities/{cityId}/case-notes/{result.Value!.Id}");
        }

        // Nothing was written; what was typed stays, and the next try is against the note as it is now.
        Version = Stored!.RowVersion;
        ModelState.AddModelError("note", text[result.Outcome == WriteOutcome.Stale ? "CaseNoteStale" : "CaseNoteStateChanged", text["CaseNoteStatus_" + Stored.Status]]);
        return Page();
    }

    private PageResult Refuse(IEnumerable<Core.ActionPlans.ActionProblem> problems)
    {
        foreach (var error in problems.Select(p => ActionProblemText.ForCaseNote(p, text)))
        {
            ModelState.AddModelError(error.FieldId, error.Message);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(string cityId, string noteId)
    {
        var rights = AccountPrincipal.Rights(User);
        if (rights is null || !rights.SeesPeerLearning || !rights.CanSeeCity(cityId) || await cities.FindAsync(cityId, HttpContext.RequestAborted) is not { } city
            || rubrics.FindLatest(ConsentModel.RubricId) is not { } rubric)
        {
            return false;
        }

        City = city;
        Rubric = rubric;
        if (noteId != NewNoteId)
        {
            Stored = await peers.FindNoteAsync(noteId, HttpContext.RequestAborted);
            if (Stored is null || Stored.CityId != cityId)
            {
                return false;
            }
        }

        MayWrite = rights.MayAnswer && (Stored is null || CaseNoteWorkflow.IsEditable(Stored.Status));
        MayReview = rights.CanReview && Stored?.Status == CaseNoteStatus.Submitted;
        return true;
    }
}
