namespace Nlc.Core.Access;

/// <summary>What is wrong with one field of an invitation: the field ("email", "displayName", "role", "cityIds") and a stable code.</summary>
public sealed record AccountInputProblem(string Field, string Code);

/// <summary>The rules an invitation's person must meet, for the web form and the API alike; city existence is checked by the caller.</summary>
public static class AccountInput
{
    /// <summary>The longest email address (RFC 5321's path limit).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>The longest display name.</summary>
    public const int MaxDisplayNameLength = 100;

    /// <summary>Every problem of <paramref name="person"/>, none when it is valid.</summary>
    public static IReadOnlyList<AccountInputProblem> Check(NewAccount person)
    {
        var problems = new List<AccountInputProblem>();
        var email = person.Email.Trim();
        if (email.Length == 0 || email.Length > MaxEmailLength || email.IndexOf('@') is <= 0 || email.Any(char.IsWhiteSpace) || email.EndsWith('@'))
        {
            problems.Add(new("email", "EmailInvalid"));
        }

        if (person.DisplayName.Trim().Length is 0 or > MaxDisplayNameLength)
        {
            problems.Add(new("displayName", "DisplayNameLength"));
        }

        if (person.Role == ApiRole.City && person.CityIds.Count == 0)
        {
            problems.Add(new("cityIds", "CitiesRequired"));
        }
        else if (person.Role != ApiRole.City && person.CityIds.Count > 0)
        {
            problems.Add(new("cityIds", "CitiesNotAllowed"));
        }

        return problems;
    }
}
