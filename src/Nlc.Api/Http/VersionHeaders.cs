using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Nlc.Api.Http;

/// <summary>ETags carry a resource's row version (<c>"3"</c>); writes must send the one they read as <c>If-Match</c>.</summary>
public static class VersionHeaders
{
    /// <summary>The ETag for row version <paramref name="version"/>.</summary>
    public static string ETag(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>Sets the response's ETag.</summary>
    public static void SetETag(HttpResponse response, long version) => response.Headers[HeaderNames.ETag] = ETag(version);

    /// <summary>
    /// Whether the request's If-None-Match names the ETag of <paramref name="version"/> (or is <c>*</c>): the client's copy is
    /// current, and a GET can answer 304 Not Modified. Weak tags (W/"3") match too, as RFC 9110 says for If-None-Match.
    /// </summary>
    public static bool IsNotModified(HttpRequest request, long version)
    {
        var current = ETag(version);
        foreach (var header in request.Headers.IfNoneMatch)
        {
            foreach (var tag in (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (tag == "*" || tag == current || (tag.StartsWith("W/", StringComparison.Ordinal) && tag[2..] == current))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The answer to a GET whose client copy is current: 304 with the ETag and no body.</summary>
    public static StatusCodeHttpResult NotModified(HttpResponse response, long version)
    {
        SetETag(response, version);
        return TypedResults.StatusCode(StatusCodes.Status304NotModified);
    }

    /// <summary>The version the write is based on, or a 428 problem when If-Match is missing or unusable (handlers take <see cref="Http.ExpectedVersion"/>).</summary>
    internal static (long Version, ProblemHttpResult? Problem) ExpectedVersion(HttpRequest request)
    {
        string? header = request.Headers.IfMatch;
        if (string.IsNullOrWhiteSpace(header))
        {
            return (0, Required(ApiMessage.Of("IfMatchRequired")));
        }

        return Parse(header);
    }

    /// <summary>The version the write is based on if If-Match was sent (null if not), or a 428 problem when it is unusable (handlers take <see cref="Http.OptionalExpectedVersion"/>).</summary>
    internal static (long? Version, ProblemHttpResult? Problem) OptionalExpectedVersion(HttpRequest request)
    {
        string? header = request.Headers.IfMatch;
        if (string.IsNullOrWhiteSpace(header))
        {
            return (null, null);
        }

        var (version, problem) = Parse(header);
        return (problem is null ? version : null, problem);
    }

    private static (long Version, ProblemHttpResult? Problem) Parse(string header)
    {
        var text = header.Trim();
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"'
            && long.TryParse(text[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return (version, null);
        }

        return (0, Required(ApiMessage.Of("IfMatchMalformed", text)));
    }

    private static ProblemHttpResult Required(ApiMessage detail) =>
        ProblemResponses.Problem(StatusCodes.Status428PreconditionRequired, "Precondition required", detail, [new ProblemError("If-Match", ProblemCodes.Required, detail)]);
}
