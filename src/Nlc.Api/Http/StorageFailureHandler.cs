using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Nlc.Api.Http;

/// <summary>
/// Turns database failures that pass by themselves (locked by another process, read-only, disk full, I/O error) into
/// 503 Problem Details with Retry-After. The write's transaction was rolled back, so nothing was half-written.
/// </summary>
public sealed class StorageFailureHandler(ILogger<StorageFailureHandler> logger) : IExceptionHandler
{
    private const int RetryAfterSeconds = 5;

    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not SqliteException { SqliteErrorCode: var code } || Describe(code) is not { } cause)
        {
            return false;
        }

        logger.LogWarning(exception, "Storage unavailable ({Cause}) for {Method} {Path}", cause, context.Request.Method, context.Request.Path);
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await ProblemResponses.WriteAsync(
            context,
            StatusCodes.Status503ServiceUnavailable,
            "Storage temporarily unavailable",
            $"The database {cause}; nothing was changed. Try again in {RetryAfterSeconds} s.");
        return true;
    }

    private static string? Describe(int sqliteCode) => (sqliteCode & 0xFF) switch
    {
        5 or 6 => "is locked by another process",
        8 => "is read-only",
        10 => "could not be read or written (I/O error)",
        13 => "has no room left on its disk",
        14 => "could not be opened",
        _ => null,
    };
}
