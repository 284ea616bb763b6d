namespace Nlc.Api.Tests;

/// <summary>The API under test as a client sees it, whether it runs in its own process or in the test process.</summary>
internal interface IApiHost : IAsyncDisposable
{
    /// <summary>The SQLite file the API uses, or the connection string of its PostgreSQL database.</summary>
    string DatabasePath { get; }

    /// <summary>A client sending the admin key.</summary>
    HttpClient Client { get; }

    /// <summary>A client sending <paramref name="key"/> (none when null).</summary>
    HttpClient ClientFor(string? key);
}
