using System.Security.Cryptography;

namespace Nlc.Storage;

/// <summary>New ids: a prefix naming the kind ("city_", "asm_", "key_") and 16 random hex digits.</summary>
internal static class Ids
{
    public static string New(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
