using Dapper;

namespace Nlc.Storage;

/// <summary>
/// Hot backups: a consistent copy of the live database written with <c>VACUUM INTO</c>, which reads one snapshot while
/// other connections keep writing. Restoring is copying the file back in place while the server is stopped.
/// </summary>
public static class DatabaseBackup
{
    /// <summary>Writes a consistent copy of <paramref name="database"/> to <paramref name="targetPath"/> (which must not exist); returns its size in bytes.</summary>
    public static async Task<long> BackupAsync(SqliteDatabase database, string targetPath, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(targetPath);
        if (File.Exists(target))
        {
            throw new IOException($"The backup file {target} exists already; choose a new name.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await database.ReadAsync(
            connection => connection.ExecuteAsync(new CommandDefinition("VACUUM INTO @target", new { target }, cancellationToken: cancellationToken)),
            cancellationToken);
        return new FileInfo(target).Length;
    }
}
