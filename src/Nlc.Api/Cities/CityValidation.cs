using System.Globalization;
using Nlc.Api.Http;

namespace Nlc.Api.Cities;

/// <summary>Checks city fields: a name, a real ISO 3166-1 alpha-2 country (XK for Kosovo included), sensible sizes.</summary>
public static class CityValidation
{
    /// <summary>The longest name, region or tag accepted.</summary>
    public const int MaxTextLength = 200;

    /// <summary>The most tags a city may have.</summary>
    public const int MaxTags = 50;

    /// <summary>Every problem with the fields given; <paramref name="partial"/> allows leaving required fields out.</summary>
    public static List<ProblemError> Check(string? name, string? country, string? region, long? population, IReadOnlyList<string>? tags, bool partial)
    {
        var errors = new List<ProblemError>();
        if (name is null ? !partial : string.IsNullOrWhiteSpace(name) || name.Length > MaxTextLength)
        {
            errors.Add(new ProblemError("name", ProblemCodes.Length, $"a name of 1 to {MaxTextLength} characters is required"));
        }

        if (country is null ? !partial : !IsCountryCode(country))
        {
            errors.Add(new ProblemError("country", ProblemCodes.Malformed, $"'{country}' is not an ISO 3166-1 alpha-2 country code such as BA, ME, MK, RS, AL or XK"));
        }

        if (region is { Length: > MaxTextLength })
        {
            errors.Add(new ProblemError("region", ProblemCodes.Length, $"the region may have at most {MaxTextLength} characters"));
        }

        if (population is < 0)
        {
            errors.Add(new ProblemError("population", ProblemCodes.OutOfRange, "the population cannot be negative"));
        }

        if (tags is not null)
        {
            if (tags.Count > MaxTags)
            {
                errors.Add(new ProblemError("tags", ProblemCodes.Length, $"at most {MaxTags} tags"));
            }

            for (var i = 0; i < tags.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(tags[i]) || tags[i].Length > MaxTextLength)
                {
                    errors.Add(new ProblemError($"tags[{i}]", ProblemCodes.Length, $"a tag must have 1 to {MaxTextLength} characters"));
                }
            }
        }

        return errors;
    }

    /// <summary>Upper-cases a country code.</summary>
    public static string? Normalize(string? country) => country?.Trim().ToUpperInvariant();

    private static bool IsCountryCode(string code)
    {
        code = code.Trim();
        if (code.Length != 2 || !code.All(char.IsAsciiLetter))
        {
            return false;
        }

        try
        {
            return new RegionInfo(code.ToUpperInvariant()).TwoLetterISORegionName.Equals(code, StringComparison.OrdinalIgnoreCase);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
