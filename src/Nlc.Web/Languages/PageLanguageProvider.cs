using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;

namespace Nlc.Web.Languages;

/// <summary>Sets the culture of a page request to <see cref="PageLanguage.Of"/>; the API's requests keep the default (their language is per response).</summary>
internal sealed class PageLanguageProvider : RequestCultureProvider
{
    /// <inheritdoc />
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        Task.FromResult(httpContext.Request.Path.StartsWithSegments(WebAuthentication.ApiPath)
            ? null
            : new ProviderCultureResult(PageLanguage.Of(httpContext.Request)));
}
