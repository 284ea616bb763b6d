using Microsoft.AspNetCore.Http.HttpResults;
using Nlc.Api.Http;
using Nlc.Api.Security;
using Nlc.Core.Cities;
using Nlc.Storage;

namespace Nlc.Api.Cities;

/// <summary>The city register: every key lists the cities it may see; admin and hub keys add and change them.</summary>
public static class CitiesApi
{
    /// <summary>Maps <c>/api/v1/cities</c>.</summary>
    public static RouteGroupBuilder MapCitiesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/cities").WithTags("Cities").Problems(ProblemMetadata.EveryKeyedRoute);

        group.MapGet("/", ListCities)
            .WithName("listCities")
            .WithSummary("List cities")
            .WithDescription("The cities this key may see, by name, filtered by `country` (ISO code), `region` and `tag`; paginated with `limit` and `offset`.")
            .Problems([StatusCodes.Status400BadRequest]);

        group.MapPost("/", CreateCity)
            .WithName("createCity")
            .WithSummary("Add a city")
            .WithDescription("Admin and hub keys only. Name and an ISO 3166-1 alpha-2 country code are required.")
            .AllowOnly(c => c.CanManageCities, ApiMessage.Of("RefusedAddCity"))
            .Problems([StatusCodes.Status403Forbidden], ProblemMetadata.JsonBody);

        group.MapGet("/{cityId}", GetCity)
            .WithName("getCity")
            .WithSummary("Get a city")
            .WithDescription("The city, with its version as ETag. A city key sees only its own cities; others answer 404. Send the ETag as If-None-Match to get 304 Not Modified while it is unchanged.")
            .Produces(StatusCodes.Status304NotModified)
            .Problems([StatusCodes.Status404NotFound]);

        group.MapPatch("/{cityId}", UpdateCity)
            .WithName("updateCity")
            .WithSummary("Change a city")
            .WithDescription("Admin and hub keys only. Send `If-Match` with the ETag you read; fields left out stay as they are.")
            .AllowOnly(c => c.CanManageCities, ApiMessage.Of("RefusedChangeCity"))
            .Problems([StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired], ProblemMetadata.JsonBody);

        return group;
    }

    private static async Task<Results<Ok<PageResponse<CityResponse>>, ProblemHttpResult>> ListCities(
        Caller caller, HttpContext context, CityStore cities, string? country, string? region, string? tag, int? limit, int? offset)
    {
        var (pageLimit, pageOffset, problem) = Paging.Read(limit, offset);
        if (problem is not null)
        {
            return problem;
        }

        var filter = new CityFilter(CityValidation.Normalize(country), region, tag, caller.SeesAllCities ? null : caller.CityIds.ToArray());
        var page = await cities.ListAsync(filter, pageLimit, pageOffset, context.RequestAborted);
        return TypedResults.Ok(Paging.Respond(context.Request, page, CityResponse.From));
    }

    private static async Task<Results<Created<CityResponse>, ProblemHttpResult>> CreateCity(
        JsonBody<CreateCityRequest> body, Caller caller, HttpContext context, CityStore cities)
    {
        var request = body.Value;
        var errors = CityValidation.Check(request.Name, request.Country, request.Region, request.Population, request.Tags, partial: false);
        if (errors.Count > 0)
        {
            return ProblemResponses.Invalid(errors);
        }

        var city = await cities.CreateAsync(
            new NewCity(request.Name!.Trim(), CityValidation.Normalize(request.Country)!, request.Region?.Trim(), request.Population, request.Tags ?? []),
            caller.KeyId, context.RequestAborted);
        VersionHeaders.SetETag(context.Response, city.RowVersion);
        return TypedResults.Created($"/api/v1/cities/{city.Id}", CityResponse.From(city));
    }

    private static Results<Ok<CityResponse>, StatusCodeHttpResult, ProblemHttpResult> GetCity(VisibleCity city, HttpContext context)
    {
        if (VersionHeaders.IsNotModified(context.Request, city.Value.RowVersion))
        {
            return VersionHeaders.NotModified(context.Response, city.Value.RowVersion);
        }

        VersionHeaders.SetETag(context.Response, city.Value.RowVersion);
        return TypedResults.Ok(CityResponse.From(city.Value));
    }

    private static async Task<Results<Ok<CityResponse>, ProblemHttpResult>> UpdateCity(
        VisibleCity city, ExpectedVersion expected, JsonBody<UpdateCityRequest> body, Caller caller, HttpContext context, CityStore cities)
    {
        var request = body.Value;
        var errors = CityValidation.Check(request.Name, request.Country, request.Region, request.Population, request.Tags, partial: true);
        if (errors.Count > 0)
        {
            return ProblemResponses.Invalid(errors);
        }

        var patch = new CityPatch(request.Name?.Trim(), CityValidation.Normalize(request.Country), request.Region?.Trim(), request.Population, request.Tags);
        var result = await cities.UpdateAsync(city.Id, patch, expected.Version, caller.KeyId, context.RequestAborted);
        if (result.Outcome != WriteOutcome.Done)
        {
            return ProblemResponses.Refused(result);
        }

        VersionHeaders.SetETag(context.Response, result.Value!.RowVersion);
        return TypedResults.Ok(CityResponse.From(result.Value));
    }
}
