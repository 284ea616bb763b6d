using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Nlc.Api.Tests;

/// <summary>
/// The API hosted inside the test process by <see cref="WebApplicationFactory{TEntryPoint}"/>: the real Program, middleware,
/// endpoints and a real SQLite file of its own, with requests passed in memory by TestServer instead of over a socket.
/// For feature, matrix and validation tests, where HTTP semantics are what is tested. Kestrel's limits (request body
/// size, the Server header), start-up output, crashes, load and the run command need the real process, <see cref="ApiServer"/>.
/// </summary>
internal sealed class InProcessApi : IApiHost
{
    private readonly Factory _factory;

    private InProcessApi(Factory factory, string databasePath)
    {
        _factory = factory;
        DatabasePath = databasePath;
        Client = ClientFor(ApiServer.AdminKey);
    }

    public string DatabasePath { get; }

    public HttpClient Client { get; }

    /// <summary>Starts the API on a new database with <paramref name="settings"/> named as environment variables (e.g. Nlc__RequestsPerMinute).</summary>
    public static InProcessApi Start(IReadOnlyDictionary<string, string>? settings = null)
    {
        var databasePath = ApiServer.NewDatabaseLocation();
        var factory = new Factory(ApiServer.WithDatabase(databasePath, settings));
        _ = factory.Server;
        return new InProcessApi(factory, databasePath);
    }

    public HttpClient ClientFor(string? key)
    {
        var client = _factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }

    private sealed class Factory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");

            // Program reads its settings before it builds the host. Settings given here reach it as command-line
            // arguments of this host alone, early enough, and leak into no other test (environment variables would).
            foreach (var (name, value) in settings)
            {
                builder.UseSetting(name.Replace("__", ":", StringComparison.Ordinal), value);
            }
        }
    }
}
