using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Nlc.Web.Assessments;

namespace Nlc.Web;

/// <summary>Adds the web application for people (server-rendered pages) to the server that hosts the API.</summary>
public static class WebSetup
{
    /// <summary>Registers the pages and their localizer.</summary>
    public static IServiceCollection AddNlcWeb(this IServiceCollection services)
    {
        services.AddLocalization(localization => localization.ResourcesPath = "Resources");
        services.AddRazorPages();
        services.AddSingleton<AssessmentFinder>();
        services.AddSingleton<PeerPlaces>();
        return services;
    }

    /// <summary>Maps the pages; the home page is the server's root address.</summary>
    public static WebApplication MapNlcWeb(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }
}
