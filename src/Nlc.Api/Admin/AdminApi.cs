using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Nlc.Api.Hosting;
using Nlc.Api.Http;
using Nlc.Api.Security;
using Nlc.Storage;

namespace Nlc.Api.Admin;

/// <summary>A hot backup just written: its file and size.</summary>
public sealed record BackupResponse(string File, long Bytes, DateTimeOffset CreatedAt);

/// <summary>Operations on the server itself, for admin keys only.</summary>
public static class AdminApi
{
    /// <summary>Maps <c>/api/v1/admin</c>.</summary>
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/admin").WithTags("Admin")
            .AllowOnlyAdmin()
            .Problems(ProblemMetadata.EveryKeyedRoute, [StatusCodes.Status403Forbidden]);
        group.MapPost("/backups", CreateBackup)
            .WithName("createBackup")
            .WithSummary("Back up the database while it runs")
            .WithDescription(
                "Admin only. Writes a consistent copy of the live database (SQLite VACUUM INTO) into the backup folder (`Nlc:BackupPath`, "
                + "by default `backups` beside the database) while other requests keep writing. To restore, stop the server and put the file in "
                + "place of the database. On PostgreSQL it writes nothing and answers 409 saying to back up with `pg_dump` (see the README).")
            .Problems([StatusCodes.Status409Conflict, StatusCodes.Status503ServiceUnavailable]);
        return group;
    }

    private static async Task<Results<Created<BackupResponse>, ProblemHttpResult>> CreateBackup(
        Database anyDatabase, NlcOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (anyDatabase is not SqliteDatabase database)
        {
            // Several servers share a PostgreSQL database, which none of them can copy consistently on its own disk.
            return ProblemResponses.Problem(
                StatusCodes.Status409Conflict,
                "Backups are made with pg_dump",
                $"This server keeps its data in the {anyDatabase.Description}, which this route does not copy; nothing was written. "
                + "Back it up with PostgreSQL's own tools: pg_dump --format=custom, and restore with pg_restore (see the README).");
        }

        var now = clock.GetUtcNow();
        var folder = string.IsNullOrWhiteSpace(options.BackupPath)
            ? Path.Combine(Path.GetDirectoryName(database.Path)!, "backups")
            : Path.GetFullPath(options.BackupPath);
        var file = Path.Combine(folder, $"nlc-{now.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture)}.db");
        var bytes = await DatabaseBackup.BackupAsync(database, file, cancellationToken);
        return TypedResults.Created((string?)null, new BackupResponse(file, bytes, now));
    }
}
