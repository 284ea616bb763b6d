using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nlc.Api.Assessments;
using Nlc.Api.Infrastructure;
using Nlc.Core.Scoring;
using Nlc.Core.Storage;
using Nlc.Excel;
using Nlc.Excel.FillIn;
using Nlc.Excel.Import;

namespace Nlc.Api.Workbooks;

/// <summary>One answer the upload changed: what it was and what it is now (null: none).</summary>
public sealed record AnswerChange(string IndicatorId, string? Before, string After);

/// <summary>What an uploaded workbook did: the answers it changed and the assessment now.</summary>
public sealed record WorkbookImportResponse(int AnswersInWorkbook, IReadOnlyList<AnswerChange> Changes, AssessmentResponse Assessment);

/// <summary>
/// The Excel round trip: download an assessment's fill-in workbook, upload it filled in. An upload is checked whole before
/// anything is written, and then applied in one transaction; rows left blank leave the stored answers as they are.
/// </summary>
public static class WorkbooksApi
{
    private static readonly AssessmentWorkbookWriter Writer = new();

    /// <summary>Maps <c>/api/v1/assessments/{assessmentId}/workbook</c>.</summary>
    public static RouteGroupBuilder MapWorkbooksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/assessments/{assessmentId}/workbook").WithTags("Workbooks").Problems(ProblemMetadata.Keyed);
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
                + "problems come back as a list naming sheet, cell, value and what was expected. Rows left blank leave stored answers as they are. "
                + "The workbook must be this assessment's (or a blank one for its rubric version). Needs If-Match.")
            .WithMetadata(new XlsxBody(Response: false))
            .Problems([StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound], ProblemMetadata.Versioned,
                [StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity])
            .RequiresIfMatch();
        return group;
    }

    /// <summary>Endpoint metadata: the request (or response) body is an .xlsx file.</summary>
    public sealed record XlsxBody(bool Response);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(
        string assessmentId, HttpContext context, AssessmentStore assessments, CityStore cities, ScoringEngines engines, [FromQuery] string? lang)
    {
        var assessment = await AssessmentAccess.FindVisibleAsync(assessmentId, Caller.From(context.User), assessments);
        if (assessment is null)
        {
            return ProblemResponses.NotFound($"There is no assessment '{assessmentId}'.");
        }

        var rubric = engines.For(assessment.RubricId, assessment.RubricVersion)!.Rubric;
        var locale = RequestLanguage.ServedLocale(rubric, RequestLanguage.Resolve(context.Request, lang));
        var city = (await cities.FindAsync(assessment.CityId))!;
        var bytes = Writer.Write(rubric, assessment, city, await assessments.AnswersAsync(assessmentId), locale);
        Preconditions.SetETag(context.Response, assessment.RowVersion);
        return TypedResults.File(bytes, XlsxFile.ContentType, $"nlc-{assessment.Period}-{assessment.Id}{XlsxFile.Extension}");
    }

    private static async Task<Results<Ok<WorkbookImportResponse>, ProblemHttpResult>> Upload(
        string assessmentId, HttpContext context, AssessmentStore assessments, AssessmentWorkbookReader reader, ScoringEngines engines)
    {
        var caller = Caller.From(context.User);
        if (!caller.AnswersAssessments)
        {
            return ProblemResponses.Forbidden("Only city keys (for their own cities) and admin keys may upload answers.");
        }

        var assessment = await AssessmentAccess.FindVisibleAsync(assessmentId, caller, assessments);
        if (assessment is null)
        {
            return ProblemResponses.NotFound($"There is no assessment '{assessmentId}'.");
        }

        var (expected, precondition) = Preconditions.ExpectedVersion(context.Request);
        if (precondition is not null)
        {
            return precondition;
        }

        var (file, unreadable) = await ReadFileAsync(context.Request);
        if (unreadable is not null)
        {
            return unreadable;
        }

        WorkbookImport import;
        try
        {
            import = await reader.ReadAsync(file!, context.RequestAborted);
        }
        catch (WorkbookRejectedException rejected)
        {
            var errors = rejected.Problems.Select(p => new ProblemError(string.IsNullOrEmpty(p.Location) ? "workbook" : p.Location, p.Message, p.IndicatorId)).ToArray();
            return ProblemResponses.Problem(
                StatusCodes.Status422UnprocessableEntity,
                "The workbook cannot be imported",
                errors.Length == 1 ? rejected.Problems[0].ToString() : $"{errors.Length} problems; see errors. Nothing was written.",
                errors);
        }

        var metadata = import.Metadata;
        string? mismatch = metadata.AssessmentId is { } forAssessment && forAssessment != assessment.Id
            ? $"The workbook is for assessment '{forAssessment}', not '{assessment.Id}'."
            : metadata.RubricId != assessment.RubricId || metadata.RubricVersion != assessment.RubricVersion
                ? $"The workbook is for rubric {metadata.RubricKey}, but this assessment uses {assessment.RubricId}@{assessment.RubricVersion}: download a new workbook."
                : import.Answers.Count == 0 ? "The workbook has no answers; fill in at least one row." : null;
        if (mismatch is not null)
        {
            return ProblemResponses.Problem(StatusCodes.Status422UnprocessableEntity, "The workbook does not fit this assessment", mismatch, [new ProblemError("_meta", mismatch)]);
        }

        var before = (await assessments.AnswersAsync(assessmentId)).ToDictionary(a => a.Answer.IndicatorId, a => Describe(a.Answer));
        var result = await assessments.SaveAnswersAsync(assessmentId, expected, import.Answers, caller.KeyId);
        if (result.Outcome != WriteOutcome.Done)
        {
            return ProblemResponses.Refused(result);
        }

        var changes = import.Answers
            .Select(a => new AnswerChange(a.Answer.IndicatorId, before.GetValueOrDefault(a.Answer.IndicatorId), Describe(a.Answer)))
            .Where(c => c.Before != c.After)
            .ToArray();
        Preconditions.SetETag(context.Response, result.Value!.RowVersion);
        return TypedResults.Ok(new WorkbookImportResponse(
            import.Answers.Count, changes, AssessmentResponse.From(result.Value, await assessments.AnswersAsync(assessmentId))));
    }

    private static string Describe(Answer answer) => answer.Kind switch
    {
        AnswerKind.Level => $"level {answer.Level}",
        AnswerKind.NotApplicable => $"not applicable: {answer.Reason}",
        _ => "don't know",
    } + (string.IsNullOrEmpty(answer.Note) ? "" : $" ({answer.Note})");

    private static async Task<(Stream? File, ProblemHttpResult? Problem)> ReadFileAsync(HttpRequest request)
    {
        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
                return form.Files.Count == 1
                    ? (await Buffer(form.Files[0].OpenReadStream(), request.HttpContext.RequestAborted), null)
                    : (null, ProblemResponses.BadRequest(
                        $"Send exactly one file in the form; found {form.Files.Count}.",
                        [new ProblemError("file", $"exactly one file is expected; found {form.Files.Count}")]));
            }

            if (request.ContentType is not null
                && !request.ContentType.StartsWith(XlsxFile.ContentType, StringComparison.OrdinalIgnoreCase)
                && !request.ContentType.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase))
            {
                return (null, ProblemResponses.Problem(
                    StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"Send the workbook as {XlsxFile.ContentType} or as a multipart/form-data file."));
            }

            return (await Buffer(request.Body, request.HttpContext.RequestAborted), null);
        }
        catch (BadHttpRequestException error) when (error.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, ProblemResponses.Problem(StatusCodes.Status413PayloadTooLarge, "The workbook is too large", error.Message));
        }
        catch (InvalidDataException error)
        {
            return (null, UnreadableForm(error.Message));
        }
        catch (IOException error) when (!request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The multipart reader meets the end of the body before the form's closing boundary: a truncated form.
            return (null, UnreadableForm($"the body ended before the form did ({error.Message})"));
        }
    }

    private static ProblemHttpResult UnreadableForm(string reason) => ProblemResponses.BadRequest(
        $"The form cannot be read: {reason}. Send the workbook as the one file of a complete multipart/form-data form, or as the raw body with Content-Type {XlsxFile.ContentType}.",
        [new ProblemError("body", $"the form cannot be read: {reason}")]);

    private static async Task<Stream> Buffer(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        return buffer;
    }
}
