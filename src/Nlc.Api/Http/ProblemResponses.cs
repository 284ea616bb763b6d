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
public sealed record ProblemError(string Field, string Code, string Message, string? IndicatorId = null);

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

    /// <summary>Each thing wrong, with where, a machine-readable code and a message.</summary>
    public IReadOnlyList<ProblemError>? Errors { get; init; }
}

/// <summary>Problem Details (RFC 9457) for every error, with a machine-readable <c>errors</c> list where there are several.</summary>
public static class ProblemResponses
{
    /// <summary>A problem with a status, a title and a detail, and more members in <paramref name="extensions"/>.</summary>
    public static ProblemHttpResult Problem(
        int status, string title, string detail, IReadOnlyList<ProblemError>? errors = null, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
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
        Problem(StatusCodes.Status400BadRequest, "The request is malformed", detail, errors);

    /// <summary>422: the request was read but its content is not acceptable (an unknown indicator, a level off the scale).</summary>
    public static ProblemHttpResult Invalid(IReadOnlyList<ProblemError> errors) =>
        Problem(
            StatusCodes.Status422UnprocessableEntity,
            "The request has invalid values",
            errors.Count == 1 ? $"{errors[0].Field}: {errors[0].Message}" : $"{errors.Count} problems; see errors.",
            errors);

    /// <summary>404 that does not reveal whether the thing exists for someone else.</summary>
    public static ProblemHttpResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found", detail);

    /// <summary>403: the caller's role may not do this.</summary>
    public static ProblemHttpResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, "Forbidden", detail);

    /// <summary>The problem for a refused guarded write: 404, 412 (stale version) or 409 (conflicting state).</summary>
    public static ProblemHttpResult Refused<T>(WriteResult<T> result)
        where T : class => result.Outcome switch
        {
            WriteOutcome.NotFound => NotFound(result.Reason!),
            WriteOutcome.Stale => Problem(StatusCodes.Status412PreconditionFailed, "The version is stale", result.Reason!),
            _ => Problem(StatusCodes.Status409Conflict, "Conflict", result.Reason!),
        };

    /// <summary>Writes a problem directly, for middleware that runs outside an endpoint (authentication, rate limits).</summary>
    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}
