using System.Data;
using System.Data.Common;
using System.Net.Sockets;
using Npgsql;

namespace Nlc.Storage;

/// <summary>
/// One PostgreSQL database shared by any number of server processes. Every write runs in a REPEATABLE READ transaction:
/// it reads one snapshot, and if another transaction changed a row it then updates (every guarded write updates the row
/// whose version or state it checked), PostgreSQL refuses it with a serialization failure; the whole transaction is then
/// rolled back and run again from the start, when the guard sees the new version (412) or state (409). Duplicates that
/// two transactions insert at once are stopped by unique constraints. So the stores' read-check-write holds across
/// processes as it does under SQLite's single writer. (SERIALIZABLE would also hold, but on small tables its predicate
/// locks cover whole tables and make unrelated writers retry each other.)
/// </summary>
public sealed class PostgresDatabase : Database, IAsyncDisposable
{
    /// <summary>How often a write refused as a serialization failure or deadlock is run again before the failure is reported (503).</summary>
    public const int MaxAttempts = 12;

    // Any fixed numbers, the same in every process of the toolkit: the keys of the advisory locks held while migrating and
    // while preparing the database after that.
    private const long MigrationLockKey = 0x4E4C43_4D494752; // "NLC" "MIGR"
    private const long PreparationLockKey = 0x4E4C43_50524550; // "NLC" "PREP"
    private const long WriterLockKey = 0x4E4C43_57524954; // "NLC" "WRIT"

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Uses the database named by <paramref name="connectionString"/> (an Npgsql connection string).</summary>
    public PostgresDatabase(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Description = $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port}";
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <inheritdoc />
    public override DatabaseEngine Engine => DatabaseEngine.Postgres;

    /// <inheritdoc />
    public override string Description { get; }

    /// <inheritdoc />
    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    /// <inheritdoc />
    public override async Task<T> InTransactionAsync<T>(Func<DbConnection, IDbTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);

                // One writer at a time across every server, as SQLite has one writer: writes then commit in the order they
                // take assessments' change numbers, so a partner resuming after the last number it saw misses none. The lock
                // is taken before the transaction begins, so the transaction's snapshot already holds every earlier write.
                await using var writerLock = await LockOnAsync(connection, WriterLockKey, cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
                var result = await work(connection, transaction);
                cancellationToken.ThrowIfCancellationRequested();
                // Not cancellable from here on: a COMMIT that has started is finished rather than torn.
                await transaction.CommitAsync(CancellationToken.None);
                return result;
            }
            catch (PostgresException error) when (IsRetryable(error) && attempt < MaxAttempts)
            {
                // Another process's transaction touched the same rows; this one was rolled back whole. Wait a little,
                // longer each time and at random, so the writers that collided do not collide again.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * attempt), cancellationToken);
            }
        }
    }

    /// <summary>Read from the one-row counter that triggers on <c>cities</c> and <c>assessment_scores</c> bump in each write's own transaction (migration 0002).</summary>
    public override async Task<long> WriteGenerationAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand("SELECT value FROM write_generation WHERE id = 1");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <inheritdoc />
    public override StorageFailure? DescribeFailure(Exception exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } =>
            new StorageFailure(StorageFailureKind.Conflict, "already holds the same entry, written by another request"),
        PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected } =>
            new StorageFailure(StorageFailureKind.Unavailable, "is busy with conflicting writes from other requests"),
        PostgresException { SqlState: PostgresErrorCodes.DiskFull } => new StorageFailure(StorageFailureKind.Unavailable, "has no room left on its disk"),
        PostgresException { SqlState: PostgresErrorCodes.ReadOnlySqlTransaction } => new StorageFailure(StorageFailureKind.Unavailable, "is read-only"),
        PostgresException { SqlState: PostgresErrorCodes.IoError } => new StorageFailure(StorageFailureKind.Unavailable, "could not be read or written (I/O error)"),
        PostgresException { SqlState: var state } when state.StartsWith("53", StringComparison.Ordinal) =>
            new StorageFailure(StorageFailureKind.Unavailable, "is out of resources (connections, memory or disk)"),
        PostgresException { SqlState: var state } when state.StartsWith("57P", StringComparison.Ordinal) || state.StartsWith("08", StringComparison.Ordinal) =>
            new StorageFailure(StorageFailureKind.Unavailable, "could not be reached (the server is starting, stopping or gone)"),
        NpgsqlException { InnerException: SocketException or TimeoutException or IOException or EndOfStreamException } or NpgsqlException { IsTransient: true } =>
            new StorageFailure(StorageFailureKind.Unavailable, "could not be reached"),
        _ => null,
    };

    /// <summary>
    /// Holds a session advisory lock until disposed: a second server starting at the same moment waits here, then finds the
    /// migrations applied.
    /// </summary>
    internal override Task<IAsyncDisposable> BeginMigrationsAsync(CancellationToken cancellationToken) => AdvisoryLockAsync(MigrationLockKey, cancellationToken);

    /// <inheritdoc />
    public override Task<IAsyncDisposable> HoldPreparationLockAsync(CancellationToken cancellationToken = default) =>
        AdvisoryLockAsync(PreparationLockKey, cancellationToken);

    private async Task<IAsyncDisposable> AdvisoryLockAsync(long key, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", key);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new AdvisoryLock(connection, key, ownsConnection: true);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<IAsyncDisposable> LockOnAsync(NpgsqlConnection connection, long key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", key);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new AdvisoryLock(connection, key, ownsConnection: false);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static bool IsRetryable(PostgresException error) =>
        error.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected;

    /// <summary>
    /// Unlocks explicitly: closing returns the connection to the pool, where its session (and a lock) would live on. A broken
    /// connection has lost its session, and the lock with it.
    /// </summary>
    private sealed class AdvisoryLock(NpgsqlConnection connection, long key, bool ownsConnection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                if (connection.State == ConnectionState.Open)
                {
                    await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                    command.Parameters.AddWithValue("key", key);
                    await command.ExecuteNonQueryAsync();
                }
            }
            finally
            {
                if (ownsConnection)
                {
                    await connection.DisposeAsync();
                }
            }
        }
    }
}
