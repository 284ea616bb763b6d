using System.Globalization;

namespace Nlc.Storage;

/// <summary>Times are stored as ISO 8601 UTC text ("O" format), which sorts and compares as text.</summary>
internal static class Timestamps
{
    public static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public static DateTimeOffset? ParseOptional(string? text) => text is null ? null : Parse(text);
}
