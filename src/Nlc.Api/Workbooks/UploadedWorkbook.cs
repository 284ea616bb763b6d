using Microsoft.AspNetCore.Http.HttpResults;
using Nlc.Api.Http;
using Nlc.Excel;

namespace Nlc.Api.Workbooks;

/// <summary>
/// An uploaded .xlsx, as the raw body or as the one file of a multipart/form-data form, as a handler parameter:
/// <see cref="RequestChecks"/> reads it in its turn (a body's) and answers 415, 413 or 400 when it cannot be read.
/// What is inside the workbook is checked later, by the workbook reader (422).
/// </summary>
public sealed class UploadedWorkbook : ICheckedRequestPart
{
    private Stream? _file;

    private UploadedWorkbook()
    {
    }

    /// <summary>The file's bytes, buffered.</summary>
    public Stream File => _file ?? throw new InvalidOperationException("The file is read by RequestChecks before the handler runs.");

    /// <inheritdoc />
    public CheckOrder Order => CheckOrder.Body;

    /// <summary>Binds the body unread: <see cref="RequestChecks"/> reads it when its turn comes.</summary>
    public static ValueTask<UploadedWorkbook?> BindAsync(HttpContext context) => ValueTask.FromResult<UploadedWorkbook?>(new UploadedWorkbook());

    /// <inheritdoc />
    public async ValueTask<ProblemHttpResult?> CheckAsync(HttpContext context)
    {
        var (file, problem) = await ReadFileAsync(context.Request);
        _file = file;
        return problem;
    }

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
                        [new ProblemError("file", ProblemCodes.Length, $"exactly one file is expected; found {form.Files.Count}")]));
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
        [new ProblemError("body", ProblemCodes.Malformed, $"the form cannot be read: {reason}")]);

    private static async Task<Stream> Buffer(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        return buffer;
    }
}
