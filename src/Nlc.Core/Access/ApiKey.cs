namespace Nlc.Core.Access;

/// <summary>A stored API key, without its secret: who it is for, its role and, for city keys, the cities it may see.</summary>
public sealed record ApiKey(
    string Id,
    string Name,
    ApiRole Role,
    IReadOnlyList<string> CityIds,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt);
