namespace Nlc.Api.Infrastructure;

/// <summary>
/// The OWASP Secure Headers project's recommended response headers that fit an API, on every response, errors included:
/// no MIME sniffing, no caching (responses carry city data), no framing, no referrer, no cross-origin reads, and a
/// Content-Security-Policy that lets nothing load on the API, and lets the reference page and the web pages load their own files.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The Content-Security-Policy of every response but the reference page: it loads nothing and may not be framed.</summary>
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The policy of the reference page under <c>/docs</c> (Swagger UI): its own script and style files (its page has no
    /// inline script), its images (some are data: URIs in its CSS), and the OpenAPI document and "try it" calls to this
    /// server. The one inline style it adds, the colours of the Swagger logo, is allowed by its hash.
    /// </summary>
    public const string DocsPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='; "
        + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The policy of the web pages (every path outside <c>/api</c>, <c>/openapi</c>, <c>/health</c> and <c>/docs</c>): their own style
    /// sheet and images, forms posting only to this server, no script at all, no framing.
    /// </summary>
    public const string PagePolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>The path the reference page is served under.</summary>
    public const string DocsPath = "/docs";

    private static readonly KeyValuePair<string, string>[] Always =
    [
        new("X-Content-Type-Options", "nosniff"),
        new("Cache-Control", "no-store, max-age=0"),
        new("X-Frame-Options", "DENY"),
        new("Referrer-Policy", "no-referrer"),
        new("Cross-Origin-Resource-Policy", "same-origin"),
        new("Cross-Origin-Opener-Policy", "same-origin"),
        new("Cross-Origin-Embedder-Policy", "require-corp"),
        new("Permissions-Policy", "camera=(), geolocation=(), microphone=(), payment=(), usb=()"),
        new("X-Permitted-Cross-Domain-Policies", "none"),
    ];

    /// <summary>Sets the headers on every response as it starts, whoever wrote it (an endpoint, an error handler, a limiter).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            foreach (var (name, value) in Always)
            {
                headers[name] = value;
            }

            var path = context.Request.Path;
            headers.ContentSecurityPolicy = path.StartsWithSegments(DocsPath) ? DocsPolicy
                : path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/health") ? ApiPolicy
                : PagePolicy;
            return Task.CompletedTask;
        });
        return next(context);
    });
}
