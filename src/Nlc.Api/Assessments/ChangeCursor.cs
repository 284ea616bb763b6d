using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Nlc.Api.Assessments;

/// <summary>
/// Where a walk of the network-wide list stopped: an opaque text wrapping a change number. <c>updatedSince</c> takes
/// one of these or an ISO 8601 timestamp (<c>2025-06-01T00:00:00Z</c>); a cursor never misses a change, a timestamp
/// is only as good as the clocks.
/// </summary>
public static class ChangeCursor
{
    private const string Prefix = "seq:";
    private static readonly string[] TimestampFormats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    /// <summary>The cursor that resumes after change number <paramref name="sequence"/>.</summary>
    public static string Of(long sequence) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + sequence.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// Reads <paramref name="text"/> as a cursor (its change number) or a timestamp; false when it is neither.
    /// </summary>
    public static bool TryRead(string text, out long after, out DateTimeOffset? since)
    {
        after = 0;
        since = null;
        if (HasOffset(text) && DateTimeOffset.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            since = time;
            return true;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text));
            return decoded.StartsWith(Prefix, StringComparison.Ordinal)
                && long.TryParse(decoded.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out after);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    // A timestamp without "Z" or an offset would be read in the server's own time zone.
    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
}
