using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Localization;
using Nlc.Core.Languages;
using Nlc.Web.Assessments;
using Nlc.Web.Languages;

namespace Nlc.Web;

/// <summary>Adds the web application for people (server-rendered pages) to the server that hosts the API.</summary>
public static class WebSetup
{
    /// <summary>The languages of the pages (every served language); the first, English, is the default.</summary>
    public static readonly IReadOnlyList<CultureInfo> Languages = SupportedLanguages.All.Select(TextCatalog.CultureOf).ToArray();

    /// <summary>The path the pages' own files (the style sheet) are served under, to anyone.</summary>
    public const string AssetsPath = "/assets";

    /// <summary>Registers the pages, their localizer and antiforgery.</summary>
    public static IServiceCollection AddNlcWeb(this IServiceCollection services)
    {
        services.AddLocalization(localization => localization.ResourcesPath = "Resources");
        services.AddRazorPages().AddViewLocalization();
        services.AddSingleton<IStringLocalizer<SharedResource>, SharedTextLocalizer>();
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "nlc_antiforgery";
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Cities.CityOverviews>();
        services.AddSingleton<AssessmentFinder>();
        services.AddSingleton<PeerPlaces>();
        services.AddSingleton<ActorNames>();
        services.AddSingleton<Hub.NetworkOverview>();
        services.AddSingleton<Hub.HeatMapGroups>();
        services.AddSingleton<CityProgress>();
        services.AddSingleton<Plans.CityPlans>();
        return services;
    }

    /// <summary>
    /// Uses the request's language (<see cref="PageLanguage.Of"/>: the chosen language, else Accept-Language, else English), serves the style sheet, and
    /// shows an error page for errors of pages (the API's errors stay Problem Details), then routes. Call before authentication.
    /// </summary>
    public static WebApplication UseNlcWeb(this WebApplication app)
    {
        app.UseRequestLocalization(localization =>
        {
            localization.DefaultRequestCulture = new RequestCulture(Languages[0]);
            localization.SupportedCultures = Languages.ToList();
            localization.SupportedUICultures = Languages.ToList();
            localization.RequestCultureProviders = [new PageLanguageProvider()];
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = AssetsPath,
            FileProvider = new EmbeddedFileProvider(typeof(WebSetup).Assembly, "Nlc.Web.Assets"),
        });
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments(WebAuthentication.ApiPath) && !context.Request.Path.StartsWithSegments("/openapi"),
            pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));

        // Routing runs after the status-code pages, so a re-executed request (/error/404) is routed to its page.
        app.UseRouting();
        return app;
    }

    /// <summary>Maps the pages; the home page is the server's root address.</summary>
    public static WebApplication MapNlcWeb(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }
}
