using Nlc.Api.Security;
using Nlc.Core.Cities;
using Nlc.Storage;

namespace Nlc.Api.Cities;

/// <summary>Which cities a caller may know of: every city for admin, hub and partner keys, its own for a city key.</summary>
public static class CityAccess
{
    /// <summary>The city, or null when it does not exist or the caller may not know it does.</summary>
    public static async Task<City?> FindVisibleAsync(string cityId, Caller caller, CityStore cities, CancellationToken cancellationToken) =>
        caller.CanSeeCity(cityId) ? await cities.FindAsync(cityId, cancellationToken) : null;
}
