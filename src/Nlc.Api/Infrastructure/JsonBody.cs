using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Nlc.Api.Infrastructure;

/// <summary>
/// Reads a JSON request body itself, so malformed JSON, a wrong type or an unknown property is a 400 naming the JSON
/// path and line, and a body over the size limit is a 413.
/// </summary>
public static class JsonBody
{
    /// <summary>The options bodies are read and responses written with: camelCase, enums as strings, unknown properties refused.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>The body as <typeparamref name="T"/>, or the problem that says why it cannot be read.</summary>
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        if (!(request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return (null, ProblemResponses.Problem(
                StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the body as application/json."));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, request.HttpContext.RequestAborted);
            return value is null ? (null, ProblemResponses.BadRequest("The body is empty or null; send a JSON object.")) : (value, null);
        }
        catch (JsonException error)
        {
            var where = error.Path is { Length: > 0 } path ? path : "$";
            var line = error.LineNumber is { } number ? $" (line {number + 1}, byte {error.BytePositionInLine + 1})" : "";
            return (null, ProblemResponses.BadRequest(
                $"The body is not valid JSON for this request at {where}{line}: {Describe(error)}",
                [new ProblemError(where, Describe(error))]));
        }
        catch (BadHttpRequestException error) when (error.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, ProblemResponses.Problem(StatusCodes.Status413PayloadTooLarge, "The body is too large", error.Message));
        }
    }

    private static string Describe(JsonException error)
    {
        var message = error.Message;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            var name = message.Split('\'')[1];
            return $"'{name}' is not a field of this request";
        }

        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
