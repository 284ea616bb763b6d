using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nlc.Storage;
using Nlc.Web.Accounts;

namespace Nlc.Web;

/// <summary>
/// Cookies for people, keys for machines: a cookie scheme for the pages and the API's key scheme for <c>/api</c>, joined
/// by a policy scheme that picks one by path, so a cookie never authorises the API and a key never authorises a page.
/// </summary>
public static class WebAuthentication
{
    /// <summary>The default scheme: forwards to the API's scheme under <see cref="ApiPath"/> and to the cookie scheme elsewhere.</summary>
    public const string PolicyScheme = "NlcByPath";

    /// <summary>The sign-in cookie's scheme.</summary>
    public const string CookieScheme = "NlcCookie";

    /// <summary>The path under which only API keys count.</summary>
    public const string ApiPath = "/api";

    /// <summary>How long a sign-in lasts without a request; each request more than halfway through renews it.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(8);

    /// <summary>
    /// Adds authentication with the by-path policy scheme as the default and the cookie scheme for pages, data protection
    /// with its keys in the database (unless <paramref name="keysInDatabase"/> is false: a run that touches no database), and
    /// the password hasher. The caller adds the API's scheme named <paramref name="apiScheme"/>.
    /// </summary>
    public static AuthenticationBuilder AddNlcAuthentication(this IServiceCollection services, string apiScheme, bool keysInDatabase = true)
    {
        services.AddSingleton<AccountStore>();
        services.AddSingleton<DataProtectionKeyStore>();
        services.AddSingleton<UnknownAccountFailures>();
        services.AddSingleton<PasswordSignIn>();
        services.AddSingleton<IPasswordHasher<Account>, PasswordHasher<Account>>();
        services.AddDataProtection().SetApplicationName("nlc-toolkit");
        if (keysInDatabase)
        {
            services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(
                keys => keys.XmlRepository = new DatabaseXmlRepository(provider.GetRequiredService<DataProtectionKeyStore>())));
        }

        return services.AddAuthentication(PolicyScheme)
            .AddPolicyScheme(PolicyScheme, "Cookie for pages, API key for /api", policy =>
                policy.ForwardDefaultSelector = context => context.Request.Path.StartsWithSegments(ApiPath) ? apiScheme : CookieScheme)
            .AddCookie(CookieScheme, cookie =>
            {
                cookie.Cookie.Name = "nlc_session";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = IdleTimeout;
                cookie.SlidingExpiration = true;
                cookie.LoginPath = "/sign-in";
                cookie.LogoutPath = "/sign-out";
                cookie.AccessDeniedPath = "/error/403";
                cookie.Events.OnValidatePrincipal = AccountSessions.ValidateAsync;
            });
    }
}
