using System.Security.Claims;
using Nlc.Core.Access;

namespace Nlc.Web.Assessments;

/// <summary>Who is signed in, as the assessment pages need it: the actor id written to the audit trail and their access rights.</summary>
public static class SignedInUser
{
    /// <summary>The claim type carrying one city id a city user covers (the same as the API keys' claim).</summary>
    public const string CityClaim = "nlc:city";

    /// <summary>The rights of the signed-in <paramref name="user"/>, or null when nobody is signed in.</summary>
    public static AccessRights? Rights(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true || !Enum.TryParse<ApiRole>(user.FindFirstValue(ClaimTypes.Role), ignoreCase: true, out var role))
        {
            return null;
        }

        return new AccessRights(role, user.FindAll(CityClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The id the audit trail records for the signed-in <paramref name="user"/>.</summary>
    public static string Actor(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Nobody is signed in.");
}
