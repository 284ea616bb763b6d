using System.Security.Claims;
using Nlc.Core.Access;
using Nlc.Storage;

namespace Nlc.Web.Accounts;

/// <summary>The signed-in person as claims: built from their account at sign-in and rebuilt from it on every request.</summary>
public static class AccountPrincipal
{
    /// <summary>The claim carrying one city id of a city user (the same claim type the API's key principal uses).</summary>
    public const string CityClaim = "nlc:city";

    /// <summary>The claim carrying the account's security stamp at sign-in; a different stamp in the database ends the sign-in.</summary>
    public const string StampClaim = "nlc:stamp";

    /// <summary>A principal of the cookie scheme for <paramref name="account"/>.</summary>
    public static ClaimsPrincipal For(Account account)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id),
            new(ClaimTypes.Name, account.DisplayName),
            new(ClaimTypes.Email, account.Email),
            new(ClaimTypes.Role, ApiKeyStore.RoleText(account.Role)),
            new(StampClaim, account.SecurityStamp),
        };
        claims.AddRange(account.CityIds.Select(id => new Claim(CityClaim, id)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, WebAuthentication.CookieScheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The account id of a signed-in <paramref name="user"/>.</summary>
    public static string AccountId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Nobody is signed in.");

    /// <summary>What a signed-in <paramref name="user"/> may see and do.</summary>
    public static AccessRights Rights(ClaimsPrincipal user) => new(
        Enum.Parse<ApiRole>(user.FindFirstValue(ClaimTypes.Role) ?? throw new InvalidOperationException("Nobody is signed in."), ignoreCase: true),
        user.FindAll(CityClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
}
