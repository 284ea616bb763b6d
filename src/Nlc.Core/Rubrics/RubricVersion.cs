using System.Globalization;
using System.Text.RegularExpressions;

namespace Nlc.Core.Rubrics;

/// <summary>A rubric's semantic version: a new major version may change ids or the scale, a minor one wording or weights.</summary>
public readonly partial record struct RubricVersion(int Major, int Minor, int Patch) : IComparable<RubricVersion>
{
    /// <summary>Parses "MAJOR.MINOR.PATCH" (no leading zeros, no pre-release tag).</summary>
    public static bool TryParse(string? text, out RubricVersion version)
    {
        version = default;
        if (text is null || !SemVer().IsMatch(text))
        {
            return false;
        }

        var parts = text.Split('.');
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var patch))
        {
            return false;
        }

        version = new RubricVersion(major, minor, patch);
        return true;
    }

    /// <summary>Parses "MAJOR.MINOR.PATCH" or throws <see cref="FormatException"/>.</summary>
    public static RubricVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"'{text}' is not a version of the form MAJOR.MINOR.PATCH.");

    /// <inheritdoc />
    public int CompareTo(RubricVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major)
        : Minor != other.Minor ? Minor.CompareTo(other.Minor)
        : Patch.CompareTo(other.Patch);

    /// <inheritdoc />
    public override string ToString() => $"{Major}.{Minor}.{Patch}";

    [GeneratedRegex(@"^(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})$")]
    private static partial Regex SemVer();
}
