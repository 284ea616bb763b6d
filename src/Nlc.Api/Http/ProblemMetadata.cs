namespace Nlc.Api.Http;

/// <summary>Declares in the OpenAPI document the Problem Details responses an endpoint can give.</summary>
public static class ProblemMetadata
{
    /// <summary>The problems every keyed endpoint can give: no or bad key, and too many requests.</summary>
    public static readonly int[] EveryKeyedRoute = [StatusCodes.Status401Unauthorized, StatusCodes.Status429TooManyRequests];

    /// <summary>The problems of a write with a JSON body: unreadable, too large, not JSON, invalid values.</summary>
    public static readonly int[] JsonBody =
    [
        StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType,
        StatusCodes.Status422UnprocessableEntity,
    ];

    /// <summary>The problems of a write guarded by If-Match: stale or missing version, and a conflicting state.</summary>
    public static readonly int[] Versioned = [StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired];

    /// <summary>Adds <c>application/problem+json</c> responses for <paramref name="statuses"/>.</summary>
    public static TBuilder Problems<TBuilder>(this TBuilder builder, params IEnumerable<int>[] statuses)
        where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statuses.SelectMany(s => s).Distinct().Order())
        {
            builder.WithMetadata(new Microsoft.AspNetCore.Http.ProducesResponseTypeMetadata(status, typeof(ApiProblem), ["application/problem+json"]));
        }

        return builder;
    }

    /// <summary>Endpoint metadata: this write checks an If-Match header, and whether it needs one (added by <see cref="ExpectedVersion"/> and <see cref="OptionalExpectedVersion"/> parameters).</summary>
    public sealed record IfMatchHeader(bool Required);
}
