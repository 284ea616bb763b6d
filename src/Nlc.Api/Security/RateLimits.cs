using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Nlc.Api.Http;

namespace Nlc.Api.Security;

/// <summary>A fixed window of requests per minute for each API key (or client address without one); beyond it, 429 with Retry-After.</summary>
public static class RateLimits
{
    /// <summary>Registers the limiter with <paramref name="requestsPerMinute"/>.</summary>
    public static IServiceCollection AddNlcRateLimits(this IServiceCollection services, int requestsPerMinute) =>
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(
                    context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "ip:" + context.Connection.RemoteIpAddress,
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = requestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = async (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
                rejected.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await ProblemResponses.WriteAsync(
                    rejected.HttpContext,
                    StatusCodes.Status429TooManyRequests,
                    "Too many requests",
                    $"This key may make {requestsPerMinute} requests a minute; try again in {retryAfter} s.");
            };
        });
}
