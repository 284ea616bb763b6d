using System.Text.Json;

namespace Nlc.Api.Http;

/// <summary>
/// The one rule for enum values in requests, in bodies and query strings alike: exactly one of the camelCase names
/// ("admin", "draft"), with no other case, no spaces, no numbers and no comma-separated combinations.
/// </summary>
public static class ExactEnum
{
    /// <summary>The names <typeparamref name="T"/>'s values travel as, in declaration order.</summary>
    public static IReadOnlyList<string> Names<T>()
        where T : struct, Enum => Cache<T>.Names;

    /// <summary>The value named exactly <paramref name="text"/>, if there is one.</summary>
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        var index = text is null ? -1 : Array.IndexOf(Cache<T>.Names, text);
        value = index >= 0 ? Cache<T>.Values[index] : default;
        return index >= 0;
    }

    /// <summary>The name <paramref name="value"/> travels as.</summary>
    public static string NameOf<T>(T value)
        where T : struct, Enum => Cache<T>.Names[Array.IndexOf(Cache<T>.Values, value)];

    /// <summary>"one of: a, b, c", for messages.</summary>
    public static string Expected<T>()
        where T : struct, Enum => Expected(typeof(T));

    /// <summary>"one of: a, b, c" for the enum type <paramref name="enumType"/>, for messages.</summary>
    public static string Expected(Type enumType) => "one of: " + NameList(enumType);

    /// <summary>"a, b, c": the exact names of the enum type <paramref name="enumType"/>.</summary>
    public static string NameList(Type enumType) => string.Join(", ", NamesOf(enumType));

    private static string[] NamesOf(Type enumType) => Enum.GetNames(enumType).Select(JsonNamingPolicy.CamelCase.ConvertName).ToArray();

    private static class Cache<T>
        where T : struct, Enum
    {
        public static readonly T[] Values = Enum.GetValues<T>();
        // GetValues and GetNames list an enum in the same order.
        public static readonly string[] Names = NamesOf(typeof(T));
    }
}
