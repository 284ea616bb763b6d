using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nlc.Core.Assessments;
using Nlc.Storage;

namespace Nlc.Api.Http;

/// <summary>
/// One thing wrong with a request: the field (JSON path, query parameter, header, or a workbook's sheet and cell), a
/// stable machine-readable code, a plain message, and the indicator it is about, if any.
/// </summary>
/// <param name="Field">Where: a JSON path (<c>answers[2].level</c>), a query parameter, a header, or a workbook's sheet and cell (<c>Assessment!F14</c>).</param>
/// <param name="Code">
/// What kind of problem, from a fixed vocabulary whose meanings never change within /api/v1 (codes may be added): required,
/// malformed, unknown, outOfRange, length, notAllowed, duplicate, mismatch, unanswered, conflict, workbook.
/// </param>
/// <param name="Message">What is wrong and what to do, for people; it may be reworded.</param>
/// <param name="IndicatorId">The indicator the problem is about, if any.</param>
public sealed record ProblemError(string Field, string Code, string Message, string? IndicatorId = null)
{
    /// <summary>An error whose message is <paramref name="text"/>, written in the requested language where it is translated.</summary>
    // Internal, so the JSON contract keeps the one public constructor (and with it the required members).
    internal ProblemError(string field, string code, ApiMessage text, string? indicatorId = null)
        : this(field, code, text.English, indicatorId) => Text = text;

    /// <summary>The message as a translatable text; null when it is English only.</summary>
    [JsonIgnore]
    public ApiMessage? Text { get; init; }
}

/// <summary>
/// The shape of every error response (<c>application/problem+json</c>, RFC 9457), as the OpenAPI document describes it:
/// the standard members and, where the request had things wrong that a client can act on, the <c>errors</c> list.
/// Some problems carry more members (e.g. <c>conflicts</c> for a workbook upload).
/// </summary>
public sealed class ApiProblem
{
    /// <summary>A URI that identifies the kind of problem.</summary>
    public string? Type { get; init; }

    /// <summary>A short summary of the kind of problem (always sent; nullable as in earlier versions of this document).</summary>
    public string? Title { get; init; }

    /// <summary>The HTTP status code (always sent; nullable as in earlier versions of this document).</summary>
    public int? Status { get; init; }

    /// <summary>What went wrong with this request, for people.</summary>
    public string? Detail { get; init; }

    /// <summary>A URI of this occurrence, if any.</summary>
    public string? Instance { get; init; }

    /// <summary>
    /// The kind of problem, machine-readable and stable within /api/v1 (kinds may be added), such as <c>invalidValues</c>,
    /// <c>staleVersion</c> or <c>notFound</c>: act on it, or translate it, while <c>title</c> stays English.
    /// </summary>
    public string? Code { get; init; }

    /// <summary>Each thing wrong, with where, a machine-readable code and a message.</summary>
    public IReadOnlyList<ProblemError>? Errors { get; init; }
}

/// <summary>Problem Details whose <c>detail</c> is kept as a translatable text until the response is written (see <see cref="ProblemLanguage"/>).</summary>
public sealed class TranslatableProblemDetails : ProblemDetails
{
    /// <summary>The detail as a translatable text.</summary>
    [JsonIgnore]
    public ApiMessage? DetailText { get; init; }
}

/// <summary>Problem Details (RFC 9457) for every error, with a machine-readable <c>errors</c> list where there are several.</summary>
public static class ProblemResponses
{
    /// <summary>A problem with a status, a title and an English-only detail, and more members in <paramref name="extensions"/>.</summary>
    public static ProblemHttpResult Problem(
        int status, string title, string detail, IReadOnlyList<ProblemError>? errors = null, IReadOnlyDictionary<string, object?>? extensions = null) =>
        Problem(status, title, ApiMessage.Untranslated(detail), errors, extensions);

    /// <summary>
    /// A problem with a status, an English title, a detail written in the requested language where it is translated, and
    /// more members in <paramref name="extensions"/>.
    /// </summary>
    public static ProblemHttpResult Problem(
        int status, string title, ApiMessage detail, IReadOnlyList<ProblemError>? errors = null, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var problem = new TranslatableProblemDetails { Status = status, Title = title, Detail = detail.English, DetailText = detail };
        if (errors is { Count: > 0 })
        {
            problem.Extensions["errors"] = errors;
        }

        foreach (var (name, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[name] = value;
        }

        return TypedResults.Problem(problem);
    }

    /// <summary>400: the request cannot be read (malformed JSON, a wrong type, a bad query parameter).</summary>
    public static ProblemHttpResult BadRequest(string detail, IReadOnlyList<ProblemError>? errors = null) =>
        BadRequest(ApiMessage.Untranslated(detail), errors);

    /// <summary>400: the request cannot be read, with a translatable detail.</summary>
    public static ProblemHttpResult BadRequest(ApiMessage detail, IReadOnlyList<ProblemError>? errors = null) =>
        Problem(StatusCodes.Status400BadRequest, "The request is malformed", detail, errors);

    /// <summary>422: the request was read but its content is not acceptable (an unknown indicator, a level off the scale).</summary>
    public static ProblemHttpResult Invalid(IReadOnlyList<ProblemError> errors) =>
        Problem(
            StatusCodes.Status422UnprocessableEntity,
            "The request has invalid values",
            errors.Count == 1
                ? ApiMessage.Of("ProblemOneError", errors[0].Field, errors[0].Text ?? ApiMessage.Untranslated(errors[0].Message))
                : ApiMessage.Of("ProblemManyErrors", errors.Count, "errors"),
            errors);

    /// <summary>404 that does not reveal whether the thing exists for someone else.</summary>
    public static ProblemHttpResult NotFound(string detail) => NotFound(ApiMessage.Untranslated(detail));

    /// <summary>404 with a translatable detail.</summary>
    public static ProblemHttpResult NotFound(ApiMessage detail) => Problem(StatusCodes.Status404NotFound, "Not found", detail);

    /// <summary>403: the caller's role may not do this.</summary>
    public static ProblemHttpResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, "Forbidden", detail);

    /// <summary>The problem for a refused guarded write: 404, 412 (stale version) or 409 (conflicting state).</summary>
    public static ProblemHttpResult Refused<T>(WriteResult<T> result)
        where T : class => result.Outcome switch
        {
            WriteOutcome.NotFound => NotFound(result.Reason!),
            // The store's reason names the versions; the translations say the same without them.
            WriteOutcome.Stale => Problem(StatusCodes.Status412PreconditionFailed, "The version is stale", ApiMessage.WithEnglish(result.Reason!, "VersionStale")),
            _ => Problem(StatusCodes.Status409Conflict, "Conflict", result.Reason!),
        };

    /// <summary>Writes a problem directly, for middleware that runs outside an endpoint (authentication, rate limits).</summary>
    public static Task WriteAsync(HttpContext context, int status, string title, string detail) =>
        WriteAsync(context, status, title, ApiMessage.Untranslated(detail));

    /// <summary>Writes a problem with a translatable detail directly, for middleware that runs outside an endpoint.</summary>
    public static Task WriteAsync(HttpContext context, int status, string title, ApiMessage detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new TranslatableProblemDetails { Status = status, Title = title, Detail = detail.English, DetailText = detail },
        }).AsTask();
    }
}
