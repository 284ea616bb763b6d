using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Nlc.Core.Assessments;
using Nlc.Excel;
using Nlc.Excel.FillIn;
using Nlc.Excel.Import;
using Nlc.Excel.Reports;
using Nlc.Storage;
using Nlc.Web.Accounts;
using Nlc.Web.Assessments;

namespace Nlc.Web.Pages.Assessments;

/// <summary>
/// Excel from the page: the fill-in workbook and the assessment report to download (the writers the API uses), and a
/// filled workbook to upload, read and merged as the API does (<see cref="AssessmentWorkbookReader"/>,
/// <see cref="AssessmentStore.MergeAnswersAsync"/>), with every problem shown by sheet and cell.
/// </summary>
public sealed class WorkbookModel(
    AssessmentStore assessments, ScoreCache scores, ActorNames names, AssessmentWorkbookReader reader, TimeProvider clock, IStringLocalizer<SharedResource> text) : AssessmentPage
{
    private static readonly AssessmentWorkbookWriter Writer = new();

    /// <summary>Indicators changed both in the workbook and by someone else since its download, with both answers.</summary>
    public IReadOnlyList<(string IndicatorId, string Cell, string Yours, string? Saved, string? SavedBy, DateTimeOffset? SavedAt)> Conflicts { get; private set; } = [];

    /// <summary>After an upload (on the redirect): how many answers it changed.</summary>
    [FromQuery(Name = "changed")]
    public int? Changed { get; set; }

    /// <summary>After an upload: how many saved answers were kept although their rows were blank.</summary>
    [FromQuery(Name = "kept")]
    public int Kept { get; set; }

    /// <summary>Shows the downloads and the upload form.</summary>
    public async Task<IActionResult> OnGetAsync() => await OpenAsync() ? Page() : NotFound();

    /// <summary>The fill-in workbook with the answers saved now.</summary>
    public async Task<IActionResult> OnGetFillInAsync()
    {
        if (!await OpenAsync())
        {
            return NotFound();
        }

        var answers = await assessments.AnswersAsync(AssessmentId, HttpContext.RequestAborted);
        var bytes = Writer.Write(Rubric, Open.Assessment, Open.City, answers, Locale, clock.GetUtcNow());
        return File(bytes, XlsxFile.ContentType, $"nlc-{Open.Assessment.Period}-{Open.Assessment.Id}{XlsxFile.Extension}");
    }

    /// <summary>The assessment report.</summary>
    public async Task<IActionResult> OnGetReportAsync()
    {
        if (!await OpenAsync())
        {
            return NotFound();
        }

        var score = await scores.ScoreAsync(Open.Assessment, HttpContext.RequestAborted);
        var bytes = AssessmentReportWriter.Write(Rubric, score, ReportHeading.Of(Open.City, Open.Assessment), Locale);
        return File(bytes, XlsxFile.ContentType, $"nlc-report-{Open.Assessment.Period}-{Open.Assessment.Id}{XlsxFile.Extension}");
    }

    /// <summary>Reads the uploaded workbook whole, then merges its changed answers in one transaction, or shows why not.</summary>
    public async Task<IActionResult> OnPostAsync(IFormFile? workbook)
    {
        if (!await OpenAsync())
        {
            return NotFound();
        }

        if (!Open.Rights.MayAnswer)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (workbook is null || workbook.Length == 0)
        {
            ShowErrors([new PageError("workbook", text["WorkbookErrorNoFile"])]);
            return Page();
        }

        WorkbookImport import;
        try
        {
            await using var stream = workbook.OpenReadStream();
            import = await reader.ReadAsync(stream, HttpContext.RequestAborted);
        }
        catch (WorkbookRejectedException rejected)
        {
            ShowErrors(rejected.Problems.Select(p => new PageError("workbook", p.ToString())).ToArray());
            return Page();
        }

        if (import.MismatchWith(Open.Assessment, Open.City.Name) is { } mismatch)
        {
            ShowErrors([new PageError("workbook", mismatch)]);
            return Page();
        }

        var result = await assessments.MergeAnswersAsync(AssessmentId, null, import.BasedAnswers(), AnswerFingerprint.Of, AccountPrincipal.AccountId(User), HttpContext.RequestAborted);
        if (result is { Outcome: WriteOutcome.Conflict, Value: { } refused })
        {
            var conflicts = new List<(string, string, string, string?, string?, DateTimeOffset?)>();
            foreach (var c in refused.Plan.Conflicts)
            {
                conflicts.Add((
                    c.IndicatorId,
                    import.LevelCells.GetValueOrDefault(c.IndicatorId) ?? "",
                    import.Describe(c.Yours),
                    c.Saved is null ? null : import.Describe(new AnswerInput(c.Saved.Answer, c.Saved.Evidence)),
                    c.Saved is null ? null : await names.NameAsync(c.Saved.AnsweredBy, HttpContext.RequestAborted),
                    c.Saved?.AnsweredAt));
            }

            Conflicts = conflicts;
            ShowErrors(Conflicts.Select(c => new PageError($"conflict-{c.IndicatorId}", text["WorkbookErrorConflict", c.Cell, c.IndicatorId])).ToArray());
            return Page();
        }

        if (result.Outcome != WriteOutcome.Done)
        {
            ShowErrors([new PageError("workbook", result.Outcome == WriteOutcome.NotFound ? text["WorkbookErrorGone"] : text["FillNotDraft", text["AsmStatus_" + Open.Assessment.Status]])]);
            return Page();
        }

        var saved = result.Value!.SavedBefore.Select(a => a.Answer.IndicatorId).ToHashSet(StringComparer.Ordinal);
        var kept = import.BlankIndicators.Count(saved.Contains);
        return Redirect($"/assessments/{AssessmentId}/workbook?changed={result.Value.Plan.Changes.Count}&kept={kept}");
    }
}
