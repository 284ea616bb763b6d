namespace Nlc.Storage;

/// <summary>Filters for listing cities; <see cref="OnlyIds"/> limits the list to the cities a caller may see.</summary>
public sealed record CityFilter(string? Country = null, string? Region = null, string? Tag = null, IReadOnlyList<string>? OnlyIds = null);
