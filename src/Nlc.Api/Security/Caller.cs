using System.Security.Claims;
using Nlc.Core.Access;

namespace Nlc.Api.Security;

/// <summary>Who is calling, from their API key: the key id, its role and, for city keys, the cities it covers.</summary>
public sealed record Caller(string KeyId, ApiRole Role, IReadOnlySet<string> CityIds)
{
    /// <summary>The claim type carrying one city id of a city key.</summary>
    public const string CityClaim = "nlc:city";

    /// <summary>Reads the caller from an authenticated principal.</summary>
    public static Caller From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The request is not authenticated."),
        Enum.Parse<ApiRole>(user.FindFirstValue(ClaimTypes.Role)!, ignoreCase: true),
        user.FindAll(CityClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));

    /// <summary>Binds the caller as a handler parameter, from the authenticated principal (never from the request's content).</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context) => ValueTask.FromResult<Caller?>(From(context.User));

    /// <summary>What this caller may see and do: the rules themselves live in <see cref="AccessRights"/>.</summary>
    public AccessRights Rights { get; } = new(Role, CityIds);

    /// <inheritdoc cref="AccessRights.SeesAllCities"/>
    public bool SeesAllCities => Rights.SeesAllCities;

    /// <inheritdoc cref="AccessRights.CanSeeCity"/>
    public bool CanSeeCity(string cityId) => Rights.CanSeeCity(cityId);

    /// <inheritdoc cref="AccessRights.SeesOnlyValidated"/>
    public bool SeesOnlyValidated => Rights.SeesOnlyValidated;

    /// <inheritdoc cref="AccessRights.MayAnswer"/>
    public bool MayAnswer => Rights.MayAnswer;

    /// <inheritdoc cref="AccessRights.CanReview"/>
    public bool CanReview => Rights.CanReview;

    /// <inheritdoc cref="AccessRights.CanManageCities"/>
    public bool CanManageCities => Rights.CanManageCities;
}
