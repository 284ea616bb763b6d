namespace Nlc.Api.Hosting;

/// <summary>Where the server listens: the address configured the usual ASP.NET Core ways, else the README's default.</summary>
public static class ListenAddress
{
    /// <summary>The address used when none is configured: this machine only, port 5080.</summary>
    public const string Default = "http://127.0.0.1:5080";

    /// <summary>
    /// Listens on <see cref="Default"/> unless ASPNETCORE_URLS, --urls, ASPNETCORE_HTTP_PORTS/HTTPS_PORTS or Kestrel
    /// endpoints say otherwise. It is set here, not in appsettings.json, where it would override ASPNETCORE_URLS.
    /// </summary>
    public static void UseDefaultUnlessConfigured(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var configured = new[] { "urls", "http_ports", "https_ports" }.Any(key => !string.IsNullOrWhiteSpace(configuration[key]))
            || configuration.GetSection("Kestrel:Endpoints").Exists();
        if (!configured)
        {
            builder.WebHost.UseUrls(Default);
        }
    }
}
