using Dapper;
using Nlc.Core.Rubrics;

namespace Nlc.Storage;

/// <summary>
/// Keeps every rubric version ever loaded, with its text and content hash, so assessments always rescore against their
/// own version, and refuses a file whose content changed under an already-used version.
/// </summary>
public sealed class RubricStore(Database database, TimeProvider clock)
{
    static RubricStore() => SnakeCaseColumns.Map<Row>();

    /// <summary>
    /// Records the catalog's rubrics and returns the catalog completed with stored versions whose files are gone.
    /// Throws <see cref="RubricLoadException"/> if a file now holds different content under a stored id and version.
    /// </summary>
    public async Task<RubricCatalog> SynchronizeAsync(RubricCatalog files, CancellationToken cancellationToken = default)
    {
        var stored = await database.ReadAsync(
            async connection => (await connection.QueryAsync<Row>(new CommandDefinition(
                "SELECT rubric_id, version, content_hash, content, file_name, registered_at FROM rubrics", cancellationToken: cancellationToken))).ToList(),
            cancellationToken);

        var problems = new List<RubricProblem>();
        foreach (var rubric in files.All)
        {
            var earlier = stored.FirstOrDefault(s => s.RubricId == rubric.Id && s.Version == rubric.Version.ToString());
            if (earlier is not null && earlier.ContentHash != rubric.ContentHash)
            {
                problems.Add(new RubricProblem(
                    files.Source(rubric)?.FileName ?? rubric.Key,
                    "",
                    null,
                    $"rubric {rubric.Key} differs from the version this database has used since {earlier.RegisteredAt} "
                    + $"({rubric.ContentHash} instead of {earlier.ContentHash}); publish the change as a new version and restore the original file"));
            }
        }

        if (problems.Count > 0)
        {
            throw new RubricLoadException(problems);
        }

        await database.InTransactionAsync(async (connection, transaction) =>
        {
            foreach (var rubric in files.All.Where(r => !stored.Any(s => s.RubricId == r.Id && s.Version == r.Version.ToString())))
            {
                var source = files.Source(rubric) ?? throw new InvalidOperationException($"The text of rubric {rubric.Key} is unknown.");
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO rubrics (rubric_id, version, content_hash, content, file_name, registered_at)
                    VALUES (@Id, @Version, @ContentHash, @Text, @FileName, @At)
                    """,
                    new { rubric.Id, Version = rubric.Version.ToString(), rubric.ContentHash, source.Text, source.FileName, At = Timestamps.Format(clock.GetUtcNow()) },
                    transaction,
                    cancellationToken: cancellationToken));
            }

            return true;
        }, cancellationToken);

        var missingFiles = stored.Where(s => files.Find(s.RubricId, RubricVersion.Parse(s.Version)) is null).ToList();
        var all = files.All.Select(r => (Rubric: r, Source: files.Source(r)!))
            .Concat(missingFiles.Select(s => (Rubric: RubricLoader.LoadText(s.Content, $"{s.FileName} (stored in the database)"), Source: new RubricSource(s.FileName, s.Content))))
            .ToList();
        return new RubricCatalog(all.Select(r => r.Rubric), all.ToDictionary(r => r.Rubric.Key, r => r.Source));
    }

    private sealed class Row
    {
        public string RubricId { get; init; } = "";
        public string Version { get; init; } = "";
        public string ContentHash { get; init; } = "";
        public string Content { get; init; } = "";
        public string FileName { get; init; } = "";
        public string RegisteredAt { get; init; } = "";
    }
}
