using Microsoft.AspNetCore.Http.HttpResults;

namespace Nlc.Api.Http;

/// <summary>
/// A part of a request bound as a handler parameter (the resource in the path, If-Match, the body) and checked by
/// <see cref="RequestChecks"/> before the handler runs, in the one order of checks; the handler receives it checked.
/// </summary>
public interface ICheckedRequestPart
{
    /// <summary>Where this part's check comes in the one order of checks.</summary>
    CheckOrder Order { get; }

    /// <summary>Checks the part, reading it if need be: null when it is fine, else the problem to answer with.</summary>
    ValueTask<ProblemHttpResult?> CheckAsync(HttpContext context);
}
