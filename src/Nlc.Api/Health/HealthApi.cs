using Microsoft.AspNetCore.Http.HttpResults;
using Nlc.Core.Rubrics;

namespace Nlc.Api.Health;

/// <summary>A liveness check that also says which rubrics are loaded.</summary>
public static class HealthApi
{
    /// <summary>The health answer: "ok" and the loaded rubric versions as "id@version".</summary>
    public sealed record HealthResponse(string Status, IReadOnlyList<string> Rubrics);

    /// <summary>Maps <c>GET /health</c>.</summary>
    public static RouteHandlerBuilder MapHealthApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/health", Health)
            .WithTags("Health")
            .WithName("getHealth")
            .WithSummary("Is the server up")
            .WithDescription("Answers 200 with the loaded rubric versions once the server has started.");

    private static Ok<HealthResponse> Health(RubricCatalog catalog) =>
        TypedResults.Ok(new HealthResponse("ok", catalog.Latest.SelectMany(r => catalog.Versions(r.Id)).Select(r => r.Key).ToArray()));
}
