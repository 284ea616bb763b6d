using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Nlc.Storage;

/// <summary>
/// One SQLite file: opens connections with foreign keys on and a busy timeout, and runs multi-row writes in one
/// immediate transaction, so a write either happens whole or not at all.
/// </summary>
public sealed class SqliteDatabase : Database
{
    /// <summary>How long a write waits for another writer's lock by default before giving up.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(5);

    private const long MemoryMappedBytes = 256L * 1024 * 1024;
    private readonly TimeSpan _busyTimeout;
    private readonly SemaphoreSlim _writers = new(1, 1);
    private long _writeGeneration;
    private readonly string _connectionString;

    static SqliteDatabase() => SQLitePCL.Batteries_V2.Init();

    /// <summary>Uses (and creates on first write) the database file at <paramref name="path"/>.</summary>
    public SqliteDatabase(string path, TimeSpan? busyTimeout = null)
    {
        _busyTimeout = busyTimeout ?? DefaultBusyTimeout;
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            DefaultTimeout = Math.Max(1, (int)_busyTimeout.TotalSeconds),
        }.ToString();
    }

    /// <inheritdoc />
    public override DatabaseEngine Engine => DatabaseEngine.Sqlite;

    /// <inheritdoc />
    public override string Description => Path;

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <summary>
    /// Counts the write transactions this instance has committed. The toolkit runs one server per database file, so every
    /// write goes through here and an in-memory count is enough.
    /// </summary>
    public override Task<long> WriteGenerationAsync(CancellationToken cancellationToken = default) => Task.FromResult(Interlocked.Read(ref _writeGeneration));

    /// <inheritdoc />
    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) => await OpenSqliteAsync(cancellationToken);

    /// <summary>Opens a connection with foreign keys enforced and a busy timeout.</summary>
    public async Task<SqliteConnection> OpenSqliteAsync(CancellationToken cancellationToken = default)
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragmas = connection.CreateCommand();
        // Reads map the file instead of copying pages through system calls: benchmarks read thousands of rows at once.
        pragmas.CommandText = $"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {(int)_busyTimeout.TotalMilliseconds}; PRAGMA mmap_size = {MemoryMappedBytes};";
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one immediate transaction, committed only if it returns normally. Writers of this
    /// process queue here in turn: SQLite's own busy waiting has no order, and under steady load it can starve a writer
    /// past the busy timeout. Another process holding the lock still meets the busy timeout.
    /// A cancelled <paramref name="cancellationToken"/> (a client that went away) stops the wait in the queue or rolls the
    /// whole transaction back, up to the moment COMMIT starts; a COMMIT once started is finished. Either way the queue is
    /// released and no transaction is left open.
    /// </summary>
    public override async Task<T> InTransactionAsync<T>(Func<DbConnection, IDbTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        await _writers.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenSqliteAsync(cancellationToken);
            var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            try
            {
                var result = await work(connection, transaction);
                cancellationToken.ThrowIfCancellationRequested();
                // Not cancellable from here on: a COMMIT that has started is finished rather than torn.
                await transaction.CommitAsync(CancellationToken.None);
                Interlocked.Increment(ref _writeGeneration);
                return result;
            }
            finally
            {
                RollBackQuietly(transaction);
            }
        }
        finally
        {
            _writers.Release();
        }
    }

    /// <summary>
    /// Rolls back a transaction that may already be over: after some errors (a full disk, an I/O error) SQLite has rolled
    /// it back itself. Microsoft.Data.Sqlite notices that and sends no ROLLBACK then; any other failure of the ROLLBACK is
    /// swallowed so it cannot hide the error that matters.
    /// </summary>
    private static void RollBackQuietly(SqliteTransaction transaction)
    {
        try
        {
            transaction.Dispose();
        }
        catch (SqliteException)
        {
            // Nothing left to roll back.
        }
    }

    /// <inheritdoc />
    public override StorageFailure? DescribeFailure(Exception exception) => exception switch
    {
        // Extended codes: a UNIQUE or PRIMARY KEY constraint, i.e. another write created the same row first.
        SqliteException { SqliteExtendedErrorCode: 2067 or 1555 } => new StorageFailure(StorageFailureKind.Conflict, "already holds the same entry, written by another request"),
        SqliteException { SqliteErrorCode: var code } => (code & 0xFF) switch
        {
            5 or 6 => new StorageFailure(StorageFailureKind.Unavailable, "is locked by another process"),
            8 => new StorageFailure(StorageFailureKind.Unavailable, "is read-only"),
            10 => new StorageFailure(StorageFailureKind.Unavailable, "could not be read or written (I/O error)"),
            13 => new StorageFailure(StorageFailureKind.Unavailable, "has no room left on its disk"),
            14 => new StorageFailure(StorageFailureKind.Unavailable, "could not be opened"),
            _ => null,
        },
        _ => null,
    };

    /// <summary>One server process migrates its own file; write-ahead logging lets readers read while one writer writes.</summary>
    internal override async Task<IAsyncDisposable> BeginMigrationsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenSqliteAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return NothingToRelease.Instance;
    }

    /// <summary>One server process prepares its own file: nothing to hold.</summary>
    public override Task<IAsyncDisposable> HoldPreparationLockAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IAsyncDisposable>(NothingToRelease.Instance);

    private sealed class NothingToRelease : IAsyncDisposable
    {
        public static readonly NothingToRelease Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
