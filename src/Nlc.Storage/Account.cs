using Nlc.Core.Access;

namespace Nlc.Storage;

/// <summary>
/// A person who signs in to the web pages: their email (the sign-in name), role and, for city users, cities; the hash of
/// their password (null until they set one from an invitation); failed sign-ins and lockout; whether an admin disabled
/// them; and the security stamp, which changes whenever existing sign-ins must end.
/// </summary>
public sealed record Account(
    string Id,
    string Email,
    string DisplayName,
    ApiRole Role,
    IReadOnlyList<string> CityIds,
    string? PasswordHash,
    int FailedSignIns,
    DateTimeOffset? LockedUntil,
    DateTimeOffset? DisabledAt,
    string SecurityStamp,
    DateTimeOffset CreatedAt)
{
    /// <summary>The language the person chose for the web pages (a served language tag), or null if they never chose one.</summary>
    public string? Language { get; init; }

    /// <summary>What this account may see and do.</summary>
    public AccessRights Rights => new(Role, CityIds.ToHashSet(StringComparer.Ordinal));

    /// <summary>Whether sign-in is refused until <see cref="LockedUntil"/> at <paramref name="now"/>.</summary>
    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}
