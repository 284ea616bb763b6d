using System.Data;
using System.Data.Common;

namespace Nlc.Storage;

/// <summary>The database engines the toolkit runs on.</summary>
public enum DatabaseEngine
{
    /// <summary>One SQLite file, written by one server process: the embedded default.</summary>
    Sqlite,

    /// <summary>One PostgreSQL database, shared by any number of server processes.</summary>
    Postgres,
}

/// <summary>How a storage failure is answered: the write was rolled back whole either way.</summary>
public enum StorageFailureKind
{
    /// <summary>The database cannot be used right now (locked, unreachable, full): try again later.</summary>
    Unavailable,

    /// <summary>Another write created the same thing at the same moment: reload and decide again.</summary>
    Conflict,
}

/// <summary>A storage failure that passes by itself or is the caller's to resolve, with its cause in words.</summary>
public sealed record StorageFailure(StorageFailureKind Kind, string Cause);

/// <summary>
/// The database the stores use, whichever engine it runs on: connections, all-or-nothing write transactions, and the few
/// things that differ per engine. Every store works through this class; SQL that differs per engine lives in the engine's
/// class (<see cref="SqliteDatabase"/>, <see cref="PostgresDatabase"/>) and in its migrations.
/// </summary>
public abstract class Database
{
    /// <summary>The engine behind this database.</summary>
    public abstract DatabaseEngine Engine { get; }

    /// <summary>Names the database in messages (a file path, or a PostgreSQL database and server), never a password.</summary>
    public abstract string Description { get; }

    /// <summary>Opens a connection ready for the stores' SQL.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, committed only if it returns normally, so a write happens whole or
    /// not at all, and isolated from every other writer (in this process and any other) as if writes ran one at a time.
    /// <paramref name="work"/> may be run more than once (when the engine asks for a retry), so it must only touch the
    /// database. A cancelled <paramref name="cancellationToken"/> rolls the transaction back up to the moment COMMIT starts.
    /// </summary>
    public abstract Task<T> InTransactionAsync<T>(Func<DbConnection, IDbTransaction, Task<T>> work, CancellationToken cancellationToken = default);

    /// <summary>Runs a read with its own connection; <paramref name="read"/> passes <paramref name="cancellationToken"/> on to its commands.</summary>
    public async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await read(connection);
    }

    /// <summary>
    /// A number that changes whenever a committed write may have changed the peer statistics (validated scores and the
    /// cities they belong to), whichever server process made it, so a reader may cache what it read until it changes.
    /// Read it before the data it guards.
    /// </summary>
    public abstract Task<long> WriteGenerationAsync(CancellationToken cancellationToken = default);

    /// <summary>What <paramref name="exception"/> means for the caller when it is a failure of this engine that a request cannot fix; null for any other exception.</summary>
    public abstract StorageFailure? DescribeFailure(Exception exception);


    /// <summary>
    /// Makes this process the only one migrating until the returned handle is disposed (two servers may start together),
    /// and prepares the database for migrations.
    /// </summary>
    internal abstract Task<IAsyncDisposable> BeginMigrationsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Makes this process the only one preparing the database after its migrations (first keys, rubrics, backfills) until
    /// the returned handle is disposed, so two servers starting at once on an empty database do not both create them.
    /// </summary>
    public abstract Task<IAsyncDisposable> HoldPreparationLockAsync(CancellationToken cancellationToken = default);
}
