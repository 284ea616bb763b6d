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
            errors.Add(new ProblemError("name", ProblemCodes.Length, ApiMessage.Of("CityNameLength", MaxTextLength)));
        }

        if (country is null ? !partial : !IsCountryCode(country))
        {
            errors.Add(new ProblemError("country", ProblemCodes.Malformed, ApiMessage.Of("CityCountryMalformed", country, "ISO 3166-1 alpha-2", "BA, ME, MK, RS, AL", "XK")));
        }

        if (region is { Length: > MaxTextLength })
        {
            errors.Add(new ProblemError("region", ProblemCodes.Length, ApiMessage.Of("CityRegionLength", MaxTextLength)));
        }

        if (population is < 0)
        {
            errors.Add(new ProblemError("population", ProblemCodes.OutOfRange, ApiMessage.Of("CityPopulationNegative")));
        }

        if (tags is not null)
        {
            if (tags.Count > MaxTags)
            {
                errors.Add(new ProblemError("tags", ProblemCodes.Length, ApiMessage.Of("CityTooManyTags", MaxTags)));
            }

            for (var i = 0; i < tags.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(tags[i]) || tags[i].Length > MaxTextLength)
                {
                    errors.Add(new ProblemError($"tags[{i}]", ProblemCodes.Length, ApiMessage.Of("CityTagLength", MaxTextLength)));
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
