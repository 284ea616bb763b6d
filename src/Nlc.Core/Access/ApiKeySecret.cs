using System.Security.Cryptography;
using System.Text;

namespace Nlc.Core.Access;

/// <summary>Makes new random keys and the hashes they are stored and looked up by; a key itself is never stored.</summary>
public static class ApiKeySecret
{
    private const string Prefix = "nlc_";

    /// <summary>A new key: "nlc_" and 32 random bytes, base64url.</summary>
    public static string Generate() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The SHA-256 hash of a key, hex; keys are long and random, so a fast hash is enough.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
