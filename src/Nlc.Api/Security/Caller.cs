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

    /// <summary>Admin, hub and partner keys know of every city (partners read only its validated assessments); city keys only their own.</summary>
    public bool SeesAllCities => Role is ApiRole.Admin or ApiRole.Hub or ApiRole.Partner;

    /// <summary>May see that the city exists and read what this role may read of it.</summary>
    public bool CanSeeCity(string cityId) => SeesAllCities || CityIds.Contains(cityId);

    /// <summary>Partners see validated assessments only.</summary>
    public bool SeesOnlyValidated => Role == ApiRole.Partner;

    /// <summary>May start and answer assessments at all: admin and city keys (city keys for their own cities only).</summary>
    public bool MayAnswer => Role is ApiRole.Admin or ApiRole.City;

    /// <summary>May validate and reopen assessments.</summary>
    public bool CanReview => Role is ApiRole.Admin or ApiRole.Hub;

    /// <summary>May add and change cities in the register.</summary>
    public bool CanManageCities => Role is ApiRole.Admin or ApiRole.Hub;
}
