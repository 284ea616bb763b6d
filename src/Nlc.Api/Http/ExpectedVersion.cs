using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;

namespace Nlc.Api.Http;

/// <summary>
/// The version a write is based on, from its required If-Match header. As a handler parameter it declares the header in
/// the OpenAPI document, and <see cref="RequestChecks"/> answers 428 when the header is missing or not one ETag.
/// </summary>
public sealed class ExpectedVersion : ICheckedRequestPart, IEndpointParameterMetadataProvider
{
    private readonly long _version;
    private readonly ProblemHttpResult? _problem;

    private ExpectedVersion(long version, ProblemHttpResult? problem) => (_version, _problem) = (version, problem);

    /// <summary>The row version the write was based on.</summary>
    public long Version => _problem is null ? _version : throw new InvalidOperationException("If-Match is unusable; RequestChecks answers before the handler runs.");

    /// <inheritdoc />
    public CheckOrder Order => CheckOrder.IfMatch;

    /// <summary>Reads If-Match from the request.</summary>
    public static ValueTask<ExpectedVersion?> BindAsync(HttpContext context)
    {
        var (version, problem) = VersionHeaders.ExpectedVersion(context.Request);
        return ValueTask.FromResult<ExpectedVersion?>(new ExpectedVersion(version, problem));
    }

    /// <inheritdoc />
    public ValueTask<ProblemHttpResult?> CheckAsync(HttpContext context) => ValueTask.FromResult(_problem);

    /// <summary>Declares the required If-Match header for the OpenAPI document.</summary>
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProblemMetadata.IfMatchHeader(Required: true));
}
