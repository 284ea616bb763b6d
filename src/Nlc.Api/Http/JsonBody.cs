using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Nlc.Api.Http;

/// <summary>
/// Reads a JSON request body itself, strictly, so anything but exactly what the contract says is a 400 naming the JSON
/// path and line: malformed JSON, a wrong type, an unknown or repeated property, a null inside a list, a number in
/// quotes or with a fraction where a whole number belongs, an enum name not spelt exactly. A body over the size limit
/// is a 413.
/// </summary>
public static partial class JsonBody
{
    /// <summary>The options bodies are read with: <see cref="ApplyRules"/> and unknown properties refused.</summary>
    public static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>
    /// The rules for JSON in both directions, applied here and to the options responses and the OpenAPI document are
    /// made with: camelCase names matched exactly, each property once, numbers as JSON numbers only, enums as exact names.
    /// </summary>
    public static void ApplyRules(JsonSerializerOptions options)
    {
        options.PropertyNameCaseInsensitive = false;
        options.AllowDuplicateProperties = false;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new ExactEnumConverter());
    }

    /// <summary>The body as <typeparamref name="T"/>, or the problem that says why it cannot be read (handlers take a <see cref="JsonBody{T}"/>).</summary>
    internal static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        if (!(request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return (null, ProblemResponses.Problem(
                StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", ApiMessage.Of("JsonNotJson", "application/json")));
        }

        T? value;
        try
        {
            value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, request.HttpContext.RequestAborted);
        }
        catch (JsonException error)
        {
            var where = error.Path is { Length: > 0 } path ? path : "$";
            var what = Describe(error, typeof(T), where);
            var detail = error.LineNumber is { } number
                ? ApiMessage.Of("JsonUnreadableAtLine", where, number + 1, error.BytePositionInLine + 1, what)
                : ApiMessage.Of("JsonUnreadableAt", where, what);
            return (null, Unreadable(detail, where, what));
        }
        catch (BadHttpRequestException error) when (error.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, ProblemResponses.Problem(StatusCodes.Status413PayloadTooLarge, "The body is too large", error.Message));
        }

        if (value is null)
        {
            return (null, ProblemResponses.BadRequest(ApiMessage.Of("JsonEmpty", "null")));
        }

        if (FirstNullInside(value, Options.GetTypeInfo(typeof(T)), "$") is { } nullAt)
        {
            var what = ApiMessage.Of("JsonNullInside", "null", Expectation(TypeAt(typeof(T), nullAt)));
            return (null, Unreadable(ApiMessage.Of("JsonInvalidAt", nullAt, what), nullAt, what));
        }

        return (value, null);
    }

    private static ProblemHttpResult Unreadable(ApiMessage detail, string field, ApiMessage message) =>
        ProblemResponses.BadRequest(detail, [new ProblemError(field, ProblemCodes.Malformed, message)]);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };
        ApplyRules(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>The path of the first null element of a list or value of a map in <paramref name="value"/>: the contract never allows one.</summary>
    private static string? FirstNullInside(object value, JsonTypeInfo info, string path)
    {
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                foreach (var property in info.Properties)
                {
                    if (property.Get?.Invoke(value) is { } child
                        && FirstNullInside(child, Options.GetTypeInfo(property.PropertyType), $"{path}.{property.Name}") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonTypeInfoKind.Dictionary when value is IDictionary map:
                foreach (DictionaryEntry entry in map)
                {
                    var at = $"{path}['{entry.Key}']";
                    if (entry.Value is null)
                    {
                        return at;
                    }

                    if (FirstNullInside(entry.Value, Options.GetTypeInfo(info.ElementType!), at) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonTypeInfoKind.Enumerable when value is IEnumerable list:
                var index = 0;
                foreach (var element in list)
                {
                    var at = $"{path}[{index++}]";
                    if (element is null)
                    {
                        return at;
                    }

                    if (FirstNullInside(element, Options.GetTypeInfo(info.ElementType!), at) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static ApiMessage Describe(JsonException error, Type root, string path)
    {
        var message = error.Message;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            var name = message.Split('\'')[1];
            return ApiMessage.Of("JsonUnknownField", name);
        }

        if (message.StartsWith("Duplicate propert", StringComparison.Ordinal))
        {
            return ApiMessage.Of("JsonDuplicateProperty");
        }

        if (message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal) && TypeAt(root, path) is { } expected)
        {
            return ApiMessage.Of("JsonExpected", Expectation(expected));
        }

        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        // System.Text.Json's own words (e.g. a syntax error) are English only.
        return ApiMessage.Untranslated(cut > 0 ? message[..cut] : message);
    }

    /// <summary>The type the contract expects at a JSON path such as <c>$.answers[0].level</c> or <c>$.indicators['GP01.1']</c>.</summary>
    private static Type? TypeAt(Type root, string path)
    {
        JsonTypeInfo? info = Options.GetTypeInfo(root);
        foreach (Match segment in PathSegment().Matches(path))
        {
            info = info.Kind switch
            {
                JsonTypeInfoKind.Object => info.Properties.FirstOrDefault(p => p.Name == segment.Groups["name"].Value) is { } property
                    ? Options.GetTypeInfo(property.PropertyType)
                    : null,
                JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary => Options.GetTypeInfo(info.ElementType!),
                _ => null,
            };
            if (info is null)
            {
                return null;
            }
        }

        return info.Type;
    }

    private static ApiMessage Expectation(Type? type)
    {
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            null => ApiMessage.Of("ExpectAnyValue"),
            _ when type == typeof(string) => ApiMessage.Of("ExpectString", "string"),
            _ when type == typeof(bool) => ApiMessage.Of("ExpectBoolean", "true", "false"),
            _ when type == typeof(int) || type == typeof(long) => ApiMessage.Of("ExpectInteger"),
            { IsEnum: true } => ApiMessage.Of("ExpectOneOf", ExactEnum.NameList(type)),
            _ when Options.GetTypeInfo(type).Kind == JsonTypeInfoKind.Enumerable => ApiMessage.Of("ExpectList"),
            _ => ApiMessage.Of("ExpectObject"),
        };
    }

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\[(?<index>\d+)\]|\['(?<name>(?:[^']|'')*)'\]")]
    private static partial Regex PathSegment();
}
