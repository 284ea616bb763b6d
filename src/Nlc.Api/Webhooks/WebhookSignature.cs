using System.Security.Cryptography;
using System.Text;

namespace Nlc.Api.Webhooks;

/// <summary>
/// Signs deliveries as the Standard Webhooks specification says: HMAC-SHA256, keyed with the base64 part of the
/// "whsec_" secret, over "{webhook-id}.{webhook-timestamp}.{body}", sent as "v1,{base64 signature}".
/// </summary>
public static class WebhookSignature
{
    /// <summary>The header carrying the delivery's id, the same on every retry.</summary>
    public const string IdHeader = "webhook-id";

    /// <summary>The header carrying the attempt's time in Unix seconds.</summary>
    public const string TimestampHeader = "webhook-timestamp";

    /// <summary>The header carrying the signature.</summary>
    public const string SignatureHeader = "webhook-signature";

    private const string SecretPrefix = "whsec_";

    /// <summary>The value of the signature header for this delivery attempt.</summary>
    public static string Sign(string secret, string id, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
        var content = Encoding.UTF8.GetBytes($"{id}.{timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }
}
