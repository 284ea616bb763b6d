using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;

namespace Nlc.Api.Http;

/// <summary>
/// A JSON request body of type <typeparamref name="T"/>, the one way a handler takes one. As a handler parameter it declares
/// the body in the OpenAPI document; <see cref="RequestChecks"/> reads it strictly (<see cref="JsonBody.ReadAsync{T}"/>) in
/// its turn and answers 415, 413 or 400 when it cannot be read, so the handler receives <see cref="Value"/> read.
/// </summary>
/// <typeparam name="T">The request's contract.</typeparam>
public sealed class JsonBody<T> : ICheckedRequestPart, IEndpointParameterMetadataProvider
    where T : class
{
    private T? _value;

    private JsonBody()
    {
    }

    /// <summary>The body as read.</summary>
    public T Value => _value ?? throw new InvalidOperationException("The body is read by RequestChecks before the handler runs.");

    /// <inheritdoc />
    public CheckOrder Order => CheckOrder.Body;

    /// <summary>Binds the body unread: <see cref="RequestChecks"/> reads it when its turn comes.</summary>
    public static ValueTask<JsonBody<T>?> BindAsync(HttpContext context) => ValueTask.FromResult<JsonBody<T>?>(new JsonBody<T>());

    /// <inheritdoc />
    public async ValueTask<ProblemHttpResult?> CheckAsync(HttpContext context)
    {
        var (value, problem) = await JsonBody.ReadAsync<T>(context.Request);
        _value = value;
        return problem;
    }

    /// <summary>Declares the JSON body for the OpenAPI document.</summary>
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        builder.Metadata.Add(new AcceptsMetadata(["application/json"], typeof(T)));
}
