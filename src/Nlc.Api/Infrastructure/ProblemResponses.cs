using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nlc.Core.Storage;

namespace Nlc.Api.Infrastructure;

/// <summary>One thing wrong with a request: the field (JSON path, query parameter or header) and a plain message.</summary>
public sealed record ProblemError(string Field, string Message, string? IndicatorId = null);

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
