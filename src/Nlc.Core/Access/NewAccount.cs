namespace Nlc.Core.Access;

/// <summary>Who an invitation is for: their email (the sign-in name), the name shown, their role and, for city users, cities.</summary>
public sealed record NewAccount(string Email, string DisplayName, ApiRole Role, IReadOnlyList<string> CityIds);
