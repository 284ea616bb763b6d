namespace Nlc.Api.Http;

/// <summary>
/// The machine-readable <c>code</c> of a whole problem, one per status: a vocabulary whose meanings never change within
/// /api/v1 (codes may be added). Partners act on it, or show their own text for it; <c>title</c> stays English.
/// </summary>
public static class ProblemKinds
{
    /// <summary>The code of a problem with <paramref name="status"/>; "error" for a status without its own.</summary>
    public static string Of(int? status) => status switch
    {
        StatusCodes.Status400BadRequest => "malformedRequest",
        StatusCodes.Status401Unauthorized => "authenticationRequired",
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status404NotFound => "notFound",
        StatusCodes.Status405MethodNotAllowed => "methodNotAllowed",
        StatusCodes.Status409Conflict => "conflict",
        StatusCodes.Status412PreconditionFailed => "staleVersion",
        StatusCodes.Status413PayloadTooLarge => "bodyTooLarge",
        StatusCodes.Status415UnsupportedMediaType => "unsupportedMediaType",
        StatusCodes.Status422UnprocessableEntity => "invalidValues",
        StatusCodes.Status428PreconditionRequired => "versionRequired",
        StatusCodes.Status429TooManyRequests => "tooManyRequests",
        StatusCodes.Status503ServiceUnavailable => "unavailable",
        _ => "error",
    };
}
