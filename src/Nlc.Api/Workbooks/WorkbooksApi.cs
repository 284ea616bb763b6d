using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nlc.Api.Assessments;
using Nlc.Api.Http;
using Nlc.Api.Security;
using Nlc.Core.Assessments;
using Nlc.Core.Cities;
using Nlc.Core.Scoring;
using Nlc.Excel.FillIn;
using Nlc.Excel.Import;
using Nlc.Excel;
using Nlc.Storage;

namespace Nlc.Api.Workbooks;

/// <summary>One answer the upload changed: what it was (null: none) and what it is now, and which of its parts changed.</summary>
public sealed record AnswerChange(string IndicatorId, string? Before, string After, IReadOnlyList<string> Changed);

/// <summary>A saved answer whose row was blank in the workbook: it was kept as saved, and why.</summary>
public sealed record KeptAnswer(string IndicatorId, string Saved, string Reason);

/// <summary>Something in the workbook the user should check, though it did not stop the upload (e.g. an edited question text).</summary>
public sealed record WorkbookWarning(string Cell, string? IndicatorId, string Message);

/// <summary>
/// What an uploaded workbook did: how many answers it held, the answers it changed (only those its user changed since
/// the download), the saved answers it kept although their rows were blank, a one-line summary, the assessment now, and
/// what the user should check.
/// </summary>
public sealed record WorkbookImportResponse(
    int AnswersInWorkbook, IReadOnlyList<AnswerChange> Changes, IReadOnlyList<KeptAnswer> Kept, string Summary, AssessmentResponse Assessment,
    IReadOnlyList<WorkbookWarning> Warnings);

/// <summary>An indicator changed both in the uploaded workbook and by someone else since its download: both answers, and who saved the other when.</summary>
public sealed record WorkbookConflict(string IndicatorId, string Cell, string Yours, string? Saved, string? SavedBy, DateTimeOffset? SavedAt);

/// <summary>
/// The Excel round trip: download an assessment's fill-in workbook, upload it filled in. A workbook records the version
/// and the answers it was downloaded with, so an upload applies only what its user changed and keeps what colleagues
/// saved meanwhile; if both changed the same indicator, nothing is written and the reply names each conflict. An upload
/// is checked whole before anything is written, and then applied in one transaction.
/// </summary>
public static class WorkbooksApi
{
    private static readonly AssessmentWorkbookWriter Writer = new();

    /// <summary>Maps <c>/api/v1/assessments/{assessmentId}/workbook</c>.</summary>
    public static RouteGroupBuilder MapWorkbooksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/assessments/{assessmentId}/workbook").WithTags("Workbooks").Problems(ProblemMetadata.EveryKeyedRoute);
        group.MapGet("/", Download)
            .WithName("downloadWorkbook")
            .WithSummary("Download the fill-in workbook")
            .WithDescription("An .xlsx to fill in offline in Excel or LibreOffice, in `lang`, with the answers given so far.")
            .WithMetadata(new XlsxBody(Response: true))
            .Problems([StatusCodes.Status404NotFound]);
        group.MapPut("/", Upload)
            .WithName("uploadWorkbook")
            .WithSummary("Upload a filled-in workbook")
            .WithDescription(
                "The .xlsx as the raw body, or as the one file of a multipart/form-data form. Every cell is checked before anything is written; "
                + "problems come back as a list naming sheet, cell, value and what was expected. The workbook must be this assessment's (or a blank "
                + "one for its rubric version). The workbook records the version and the answers it was downloaded with: only answers changed in "
                + "it since are applied, merged with what others saved meanwhile. If someone else changed the same indicator since the download, "
                + "nothing is written and the 409 problem lists each one under `conflicts` (your answer, the saved one, who saved it when). "
                + "Rows left blank keep the saved answer, listed under `kept`. An unchanged workbook changes nothing (no new version). "
                + "If-Match is optional; when sent, it must be the current version.")
            .WithMetadata(new XlsxBody(Response: false))
            .AllowOnly(c => c.MayAnswer, "Only city keys (for their own cities) and admin keys may upload answers.")
            .Problems([StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound], ProblemMetadata.Versioned,
                [StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity]);
        return group;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(
        VisibleAssessment visible, HttpContext context, AssessmentStore assessments, CityStore cities, ScoringEngines engines, TimeProvider clock, [FromQuery] string? lang)
    {
        var assessment = visible.Value;
        var rubric = engines.For(assessment.RubricId, assessment.RubricVersion)!.Rubric;
        var locale = RequestLanguage.ServedLocale(rubric, RequestLanguage.Resolve(context.Request, lang));
        var city = (await cities.FindAsync(assessment.CityId, context.RequestAborted))!;
        var bytes = Writer.Write(rubric, assessment, city, await assessments.AnswersAsync(assessment.Id, context.RequestAborted), locale, clock.GetUtcNow());
        VersionHeaders.SetETag(context.Response, assessment.RowVersion);
        return TypedResults.File(bytes, XlsxFile.ContentType, $"nlc-{assessment.Period}-{assessment.Id}{XlsxFile.Extension}");
    }

    private static async Task<Results<Ok<WorkbookImportResponse>, ProblemHttpResult>> Upload(
        VisibleAssessment visible, OptionalExpectedVersion expected, UploadedWorkbook workbook, Caller caller, HttpContext context,
        AssessmentStore assessments, CityStore cities, ApiKeyStore keys, AssessmentWorkbookReader reader)
    {
        var assessment = visible.Value;
        WorkbookImport import;
        try
        {
            import = await reader.ReadAsync(workbook.File, RequestLanguage.Resolve(context.Request, null), context.RequestAborted);
        }
        catch (WorkbookRejectedException rejected)
        {
            return RejectedWorkbook.Problem(rejected);
        }

        var city = (await cities.FindAsync(assessment.CityId, context.RequestAborted))!;
        var mismatch = import.MismatchWith(assessment, city.Name);
        if (mismatch is not null)
        {
            return ProblemResponses.Problem(StatusCodes.Status422UnprocessableEntity, "The workbook does not fit this assessment", mismatch, [new ProblemError("_meta", ProblemCodes.Mismatch, mismatch)]);
        }

        // The store checks these again inside its transaction; here they are answered with what to do, in the one order of checks (412, then 409).
        if (expected.Version is { } version && version != assessment.RowVersion)
        {
            return await StaleAsync(assessment, city, version, assessments, keys, context.RequestAborted);
        }

        if (assessment.Status != AssessmentStatus.Draft)
        {
            var status = AssessmentStore.StatusText(assessment.Status);
            return ProblemResponses.Problem(
                StatusCodes.Status409Conflict,
                $"The assessment is {status}",
                $"The assessment of {city.Name} for {assessment.Period} has been {status}, so its answers can no longer be changed. "
                    + "Ask your regional hub to reopen it; then download a new workbook, enter your changes and upload it.");
        }

        var result = await assessments.MergeAnswersAsync(assessment.Id, expected.Version, import.BasedAnswers(), AnswerFingerprint.Of, caller.KeyId, context.RequestAborted);
        if (result is { Outcome: WriteOutcome.Conflict, Value: { } refused })
        {
            return await ConflictAsync(import, refused.Plan.Conflicts, keys, context.RequestAborted);
        }

        if (result.Outcome != WriteOutcome.Done)
        {
            return ProblemResponses.Refused(result);
        }

        var (after, plan, savedBefore) = result.Value!;
        var before = savedBefore.ToDictionary(a => a.Answer.IndicatorId, a => new AnswerInput(a.Answer, a.Evidence), StringComparer.Ordinal);
        var changes = plan.Changes
            .Select(a => before.GetValueOrDefault(a.Answer.IndicatorId) is { } old
                ? new AnswerChange(a.Answer.IndicatorId, import.Describe(old), import.Describe(a), AnswerFingerprint.ChangedParts(old, a))
                : new AnswerChange(a.Answer.IndicatorId, null, import.Describe(a), ["answer"]))
            .ToArray();
        var kept = import.BlankIndicators
            .Where(before.ContainsKey)
            .Select(id => new KeptAnswer(
                id,
                import.Describe(before[id]),
                "The row is blank in the workbook; a blank row never deletes a saved answer. To change it, choose another level, Not applicable or Don't know."))
            .ToArray();
        var summary = (changes.Length == 0
                ? "No changes: every answer in the workbook is already saved, so nothing was written."
                : $"{changes.Length} answer{(changes.Length == 1 ? "" : "s")} changed.")
            + (kept.Length == 0 ? "" : $" {kept.Length} saved answer{(kept.Length == 1 ? " was" : "s were")} kept where the workbook's row is blank.");
        VersionHeaders.SetETag(context.Response, after.RowVersion);
        return TypedResults.Ok(new WorkbookImportResponse(
            import.Answers.Count, changes, kept, summary, AssessmentResponse.From(after, await assessments.AnswersAsync(assessment.Id, context.RequestAborted)),
            import.Warnings.Select(w => new WorkbookWarning(w.Location, w.IndicatorId, w.Message)).ToArray()));
    }

    /// <summary>An If-Match older than the assessment: what changed since (the answers saved after it) and who saved them.</summary>
    private static async Task<ProblemHttpResult> StaleAsync(
        Assessment assessment, City city, long expected, AssessmentStore assessments, ApiKeyStore keys, CancellationToken cancellationToken)
    {
        var answers = await assessments.AnswersAsync(assessment.Id, cancellationToken);
        var latest = answers.OrderByDescending(a => a.AnsweredAt).FirstOrDefault();
        var who = latest is null ? null : await keys.NameAsync(latest.AnsweredBy, cancellationToken) is { } name ? $"{name} ({latest.AnsweredBy})" : latest.AnsweredBy;
        var what = latest is null
            ? $"it was changed after version {expected}"
            : $"it was changed after version {expected}; the last answer saved was {latest.Answer.IndicatorId}, by {who} on {Time(latest.AnsweredAt)}";
        return ProblemResponses.Problem(
            StatusCodes.Status412PreconditionFailed,
            "The assessment changed since your version",
            $"The assessment of {city.Name} for {assessment.Period} is now at version {assessment.RowVersion}: {what}. "
                + "Upload again without If-Match to save only the answers you changed in this workbook (answers others saved stay as they are), or download a fresh workbook.");
    }

    private static async Task<ProblemHttpResult> ConflictAsync(WorkbookImport import, IReadOnlyList<AnswerConflict> conflicts, ApiKeyStore keys, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var by in conflicts.Select(c => c.Saved?.AnsweredBy).OfType<string>().Distinct())
        {
            names[by] = await keys.NameAsync(by, cancellationToken);
        }

        var downloaded = import.Metadata.DownloadedAt is { } at ? $"since it was downloaded ({Time(at)})" : "since the workbook was made";
        var found = conflicts.Select(c =>
        {
            var cell = import.LevelCells.GetValueOrDefault(c.IndicatorId) ?? "workbook";
            var yours = import.Describe(c.Yours);
            var saved = c.Saved is null ? null : import.Describe(new AnswerInput(c.Saved.Answer, c.Saved.Evidence));
            var by = c.Saved is null ? null : names.GetValueOrDefault(c.Saved.AnsweredBy) is { } name ? $"{name} ({c.Saved.AnsweredBy})" : c.Saved.AnsweredBy;
            var message = c.Saved is null
                ? $"your workbook says \"{yours}\", but the saved answer was removed {downloaded}"
                : $"your workbook says \"{yours}\", but {by} saved \"{saved}\" on {Time(c.Saved.AnsweredAt)}, {downloaded}";
            return (Error: new ProblemError(cell, ProblemCodes.Conflict, message + "; agree which answer is right, then download a fresh workbook and enter it there.", c.IndicatorId),
                Conflict: new WorkbookConflict(c.IndicatorId, cell, yours, saved, by, c.Saved?.AnsweredAt));
        }).ToArray();
        var detail = $"{found.Length} indicator{(found.Length == 1 ? " was" : "s were")} changed both in your workbook and by someone else {downloaded}: "
            + string.Join(", ", found.Select(f => f.Conflict.IndicatorId)) + ". Nothing was written.";
        return ProblemResponses.Problem(
            StatusCodes.Status409Conflict,
            "The workbook conflicts with changes saved since it was downloaded",
            detail,
            found.Select(f => f.Error).ToArray(),
            new Dictionary<string, object?> { ["conflicts"] = found.Select(f => f.Conflict).ToArray() });
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
