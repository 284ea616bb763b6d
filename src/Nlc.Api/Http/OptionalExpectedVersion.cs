using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;

namespace Nlc.Api.Http;

/// <summary>
/// The version a write is based on if it sent If-Match (null if not). As a handler parameter it declares the optional
/// header in the OpenAPI document, and <see cref="RequestChecks"/> answers 428 when a header sent is not one ETag.
/// </summary>
public sealed class OptionalExpectedVersion : ICheckedRequestPart, IEndpointParameterMetadataProvider
{
    private readonly ProblemHttpResult? _problem;

    private OptionalExpectedVersion(long? version, ProblemHttpResult? problem) => (Version, _problem) = (version, problem);

    /// <summary>The row version the write was based on, or null when If-Match was not sent.</summary>
    public long? Version { get; }

    /// <inheritdoc />
    public CheckOrder Order => CheckOrder.IfMatch;

    /// <summary>Reads If-Match from the request, if sent.</summary>
    public static ValueTask<OptionalExpectedVersion?> BindAsync(HttpContext context)
    {
        var (version, problem) = VersionHeaders.OptionalExpectedVersion(context.Request);
        return ValueTask.FromResult<OptionalExpectedVersion?>(new OptionalExpectedVersion(version, problem));
    }

    /// <inheritdoc />
    public ValueTask<ProblemHttpResult?> CheckAsync(HttpContext context) => ValueTask.FromResult(_problem);

    /// <summary>Declares the optional If-Match header for the OpenAPI document.</summary>
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProblemMetadata.IfMatchHeader(Required: false));
}
