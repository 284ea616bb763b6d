using Microsoft.AspNetCore.Http.HttpResults;
using Nlc.Api.Http;
using Nlc.Api.Security;
using Nlc.Core.Access;
using Nlc.Core.Cities;
using Nlc.Storage;

namespace Nlc.Api.Keys;

/// <summary>A new key: a name saying whom it is for, its role, and for city keys the cities it covers.</summary>
public sealed record CreateKeyRequest(string? Name, ApiRole? Role, IReadOnlyList<string>? CityIds = null);

/// <summary>A key without its secret.</summary>
public sealed record KeyResponse(string Id, string Name, ApiRole Role, IReadOnlyList<string> CityIds, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    /// <summary>Shows <paramref name="key"/>.</summary>
    public static KeyResponse From(ApiKey key) => new(key.Id, key.Name, key.Role, key.CityIds, key.CreatedAt, key.RevokedAt);
}

/// <summary>A key just created, with its secret in <c>key</c>: shown this once and never again.</summary>
public sealed record CreatedKeyResponse(string Id, string Name, ApiRole Role, IReadOnlyList<string> CityIds, DateTimeOffset CreatedAt, string Key);

/// <summary>Key management, for admin keys only.</summary>
public static class KeysApi
{
    /// <summary>Maps <c>/api/v1/keys</c>.</summary>
    public static RouteGroupBuilder MapKeysApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/keys").WithTags("Keys").AllowOnlyAdmin()
            .Problems(ProblemMetadata.EveryKeyedRoute, [StatusCodes.Status403Forbidden]);

        group.MapPost("/", CreateKey)
            .WithName("createKey")
            .WithSummary("Create an API key")
            .WithDescription("Admin only. Answers with the key's id and, once only, the key itself in `key`; only its hash is stored.")
            .Problems(ProblemMetadata.JsonBody);
        group.MapGet("/", ListKeys)
            .WithName("listKeys")
            .WithSummary("List API keys")
            .WithDescription("Admin only. Every key, revoked ones included, without secrets.")
            .Problems([StatusCodes.Status400BadRequest]);
        group.MapDelete("/{keyId}", RevokeKey)
            .WithName("revokeKey")
            .WithSummary("Revoke an API key")
            .WithDescription("Admin only. The key stops working at once; it stays listed as revoked.")
            .Problems([StatusCodes.Status404NotFound]);
        return group;
    }

    private static async Task<Results<Created<CreatedKeyResponse>, ProblemHttpResult>> CreateKey(
        JsonBody<CreateKeyRequest> body, Caller caller, HttpContext context, ApiKeyStore keys, CityStore cities)
    {
        var request = body.Value;
        var cityIds = request.CityIds ?? [];
        var errors = KeyInput.Check(request.Name, request.Role, cityIds).Select(problem => problem.Code switch
        {
            "NameLength" => new ProblemError("name", ProblemCodes.Length, $"a name of 1 to {KeyInput.MaxNameLength} characters is required, saying whom the key is for"),
            "RoleRequired" => new ProblemError("role", ProblemCodes.Required, "a role is required: admin, hub, city or partner"),
            "CitiesRequired" => new ProblemError("cityIds", ProblemCodes.Required, "a city key needs at least one city id"),
            _ => new ProblemError("cityIds", ProblemCodes.NotAllowed, "only city keys are limited to cities"),
        }).ToList();

        for (var i = 0; i < cityIds.Count; i++)
        {
            if (await cities.FindAsync(cityIds[i], context.RequestAborted) is null)
            {
                errors.Add(new ProblemError($"cityIds[{i}]", ProblemCodes.Unknown, $"there is no city '{cityIds[i]}'"));
            }
        }

        if (errors.Count > 0)
        {
            return ProblemResponses.Invalid(errors);
        }

        var (key, secret) = await keys.CreateAsync(
            request.Name!.Trim(), request.Role!.Value, cityIds.Distinct().ToArray(), caller.KeyId, cancellationToken: context.RequestAborted);
        return TypedResults.Created($"/api/v1/keys/{key.Id}", new CreatedKeyResponse(key.Id, key.Name, key.Role, key.CityIds, key.CreatedAt, secret));
    }

    private static async Task<Results<Ok<PageResponse<KeyResponse>>, ProblemHttpResult>> ListKeys(HttpContext context, ApiKeyStore keys, int? limit, int? offset)
    {
        var (pageLimit, pageOffset, problem) = Paging.Read(limit, offset);
        return problem ?? (Results<Ok<PageResponse<KeyResponse>>, ProblemHttpResult>)TypedResults.Ok(
            Paging.Respond(context.Request, await keys.ListAsync(pageLimit, pageOffset, context.RequestAborted), KeyResponse.From));
    }

    private static async Task<Results<Ok<KeyResponse>, ProblemHttpResult>> RevokeKey(string keyId, Caller caller, HttpContext context, ApiKeyStore keys)
    {
        var result = await keys.RevokeAsync(keyId, caller.KeyId, context.RequestAborted);
        return result.Outcome == WriteOutcome.Done ? TypedResults.Ok(KeyResponse.From(result.Value!)) : ProblemResponses.Refused(result);
    }
}
