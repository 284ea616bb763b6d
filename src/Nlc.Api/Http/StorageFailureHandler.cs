using Microsoft.AspNetCore.Diagnostics;
using Nlc.Storage;

namespace Nlc.Api.Http;

/// <summary>
/// Turns database failures a request cannot fix into Problem Details, the same for every engine (the engine's class says
/// what its failures mean, <see cref="Database.DescribeFailure"/>): those that pass by themselves (locked or busy, read-only,
/// unreachable, disk full, I/O error) into 503 with Retry-After, a duplicate written by a concurrent request into 409. The
/// write's transaction was rolled back, so nothing was half-written.
/// </summary>
public sealed class StorageFailureHandler(Database database, ILogger<StorageFailureHandler> logger) : IExceptionHandler
{
    private const int RetryAfterSeconds = 5;

    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (database.DescribeFailure(exception) is not { } failure)
        {
            return false;
        }

        logger.LogWarning(exception, "Storage failure ({Cause}) for {Method} {Path}", failure.Cause, context.Request.Method, context.Request.Path);
        if (failure.Kind == StorageFailureKind.Conflict)
        {
            await ProblemResponses.WriteAsync(
                context,
                StatusCodes.Status409Conflict,
                "Conflict",
                $"The database {failure.Cause}; nothing was changed. Reload and try again.");
            return true;
        }

        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await ProblemResponses.WriteAsync(
            context,
            StatusCodes.Status503ServiceUnavailable,
            "Storage temporarily unavailable",
            $"The database {failure.Cause}; nothing was changed. Try again in {RetryAfterSeconds} s.");
        return true;
    }
}
