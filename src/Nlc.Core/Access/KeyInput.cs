namespace Nlc.Core.Access;

/// <summary>What is wrong with one field of a new API key: the field ("name", "role", "cityIds") and a stable code.</summary>
public sealed record KeyInputProblem(string Field, string Code);

/// <summary>The rules a new API key must meet, for the API and the keys page alike; city existence is checked by the caller.</summary>
public static class KeyInput
{
    /// <summary>The longest key name.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Every problem of a key named <paramref name="name"/> with <paramref name="role"/> for <paramref name="cityIds"/>, none when it is valid.</summary>
    public static IReadOnlyList<KeyInputProblem> Check(string? name, ApiRole? role, IReadOnlyList<string> cityIds)
    {
        ArgumentNullException.ThrowIfNull(cityIds);
        var problems = new List<KeyInputProblem>();
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
        {
            problems.Add(new("name", "NameLength"));
        }

        if (role is null)
        {
            problems.Add(new("role", "RoleRequired"));
        }
        else if (role == ApiRole.City && cityIds.Count == 0)
        {
            problems.Add(new("cityIds", "CitiesRequired"));
        }
        else if (role != ApiRole.City && cityIds.Count > 0)
        {
            problems.Add(new("cityIds", "CitiesNotAllowed"));
        }

        return problems;
    }
}
