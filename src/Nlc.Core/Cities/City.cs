namespace Nlc.Core.Cities;

/// <summary>A city (municipality) taking part: its country as an ISO 3166-1 alpha-2 code, region, population and free tags.</summary>
public sealed record City(
    string Id,
    string Name,
    string Country,
    string? Region,
    long? Population,
    IReadOnlyList<string> Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long RowVersion);

/// <summary>The fields of a new city.</summary>
public sealed record NewCity(string Name, string Country, string? Region, long? Population, IReadOnlyList<string> Tags);

/// <summary>A partial change to a city: null leaves a field as it is.</summary>
public sealed record CityPatch(string? Name, string? Country, string? Region, long? Population, IReadOnlyList<string>? Tags);
