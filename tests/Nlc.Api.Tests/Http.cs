using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Nlc.Api.Tests;

/// <summary>Small HTTP helpers: JSON bodies, If-Match, and reading JSON back.</summary>
internal static class Http
{
    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string url, object? body = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is string raw)
        {
            request.Content = new StringContent(raw, Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string ETag(this HttpResponseMessage response) => response.Headers.ETag?.Tag ?? throw new AssertFailedException("The response has no ETag.");

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static async Task<JsonElement> ExpectAsync(this Task<HttpResponseMessage> send, int status)
    {
        using var response = await send;
        var json = await response.JsonAsync();
        Assert.AreEqual(status, (int)response.StatusCode, json.ToString());
        return json;
    }

    public static MediaTypeHeaderValue? ContentType(this HttpResponseMessage response) => response.Content.Headers.ContentType;
}
