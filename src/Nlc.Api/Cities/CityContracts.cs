using Nlc.Core.Cities;
using Nlc.Storage;

namespace Nlc.Api.Cities;

/// <summary>A city as the API shows it; <c>version</c> is also its ETag.</summary>
public sealed record CityResponse(
    string Id, string Name, string Country, string? Region, long? Population, IReadOnlyList<string> Tags,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version)
{
    /// <summary>Shows <paramref name="city"/>.</summary>
    public static CityResponse From(City city) => new(
        city.Id, city.Name, city.Country, city.Region, city.Population, city.Tags, city.CreatedAt, city.UpdatedAt, city.RowVersion);
}

/// <summary>A new city: name and ISO 3166-1 alpha-2 country code are required.</summary>
public sealed record CreateCityRequest(string? Name, string? Country, string? Region = null, long? Population = null, IReadOnlyList<string>? Tags = null);

/// <summary>A change to a city; fields left out stay as they are.</summary>
public sealed record UpdateCityRequest(
    string? Name = null, string? Country = null, string? Region = null, long? Population = null, IReadOnlyList<string>? Tags = null);
