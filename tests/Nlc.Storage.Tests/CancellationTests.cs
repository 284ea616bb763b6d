using Dapper;
using Nlc.Core.Cities;
using Nlc.Storage;

namespace Nlc.Storage.Tests;

/// <summary>
/// A cancelled write (a client that went away) against a real SQLite file (or a real PostgreSQL database, NLC_TEST_ENGINE=postgres): it writes nothing, whether it was cancelled
/// before it started, while it waited for the writer queue, or before COMMIT, and the next write still goes through.
/// </summary>
[TestClass]
public sealed class CancellationTests
{
    // Far longer than any write needs: only a write stuck in the queue for good reaches it.
    private static readonly TimeSpan Stuck = TimeSpan.FromMinutes(1);

    private Database _database = null!;
    private CityStore _cities = null!;

    [TestInitialize]
    public async Task CreateDatabase()
    {
        _database = await TestDatabases.NewAsync("cancel");
        await Migrator.MigrateAsync(_database, TimeProvider.System);
        _cities = new CityStore(_database, TimeProvider.System);
    }

    [TestMethod]
    public async Task AWriteWhoseTokenIsAlreadyCancelled_WritesNothing_AndTheNextWriteGoesThrough()
    {
        await Assert.ThrowsAsync<OperationCanceledException>(
            () => _cities.CreateAsync(new NewCity("Kotor", "ME", null, null, []), "tester", new CancellationToken(canceled: true)));

        Assert.AreEqual(0, await CountAsync("cities"));
        Assert.AreEqual(0, await CountAsync("audit_log"));
        await _cities.CreateAsync(new NewCity("Bar", "ME", null, null, []), "tester").WaitAsync(Stuck);
        CollectionAssert.AreEqual(new[] { "Bar" }, await CityNamesAsync());
    }

    [TestMethod]
    public async Task AWriteCancelledWhileWaitingBehindAnotherWriter_GivesUpWithoutWriting_AndTheNextWriteGoesThrough()
    {
        var firstHasTheQueue = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = _database.InTransactionAsync(async (_, _) =>
        {
            firstHasTheQueue.SetResult();
            await releaseFirst.Task;
            return true;
        });
        try
        {
            await firstHasTheQueue.Task.WaitAsync(Stuck);
            using var client = new CancellationTokenSource();
            var waiting = _cities.CreateAsync(new NewCity("Kotor", "ME", null, null, []), "tester", client.Token);

            client.Cancel();

            Assert.AreSame(waiting, await Task.WhenAny(waiting, Task.Delay(Stuck)), "the cancelled write still waits behind the first writer");
            await Assert.ThrowsAsync<OperationCanceledException>(() => waiting);
            Assert.IsFalse(first.IsCompleted);
        }
        finally
        {
            releaseFirst.SetResult();
            await first;
        }

        await _cities.CreateAsync(new NewCity("Bar", "ME", null, null, []), "tester").WaitAsync(Stuck);
        CollectionAssert.AreEqual(new[] { "Bar" }, await CityNamesAsync());
    }

    [TestMethod]
    public async Task AWriteCancelledBeforeCommit_RollsBackEverything_AndReleasesTheQueue()
    {
        using var client = new CancellationTokenSource();

        await Assert.ThrowsAsync<OperationCanceledException>(() => _database.InTransactionAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(
                    "INSERT INTO cities (id, name, country, tags, created_at, updated_at, row_version) VALUES ('city_1', 'Kotor', 'ME', '[]', 'x', 'x', 1)",
                    transaction: transaction);
                client.Cancel();
                return true;
            },
            client.Token));

        Assert.AreEqual(0, await CountAsync("cities"));
        await _cities.CreateAsync(new NewCity("Bar", "ME", null, null, []), "tester").WaitAsync(Stuck);
        CollectionAssert.AreEqual(new[] { "Bar" }, await CityNamesAsync());
    }

    private Task<int> CountAsync(string table) => _database.ReadAsync(c => c.ExecuteScalarAsync<int>($"SELECT count(*) FROM {table}"));

    private async Task<string[]> CityNamesAsync() => (await _database.ReadAsync(c => c.QueryAsync<string>("SELECT name FROM cities ORDER BY name"))).ToArray();
}
