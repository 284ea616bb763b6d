using System.Net.Http.Json;
using System.Net;
using Dapper;
using Microsoft.Data.Sqlite;
using Nlc.Storage;

namespace Nlc.Api.Tests;

/// <summary>Crashes and a locked database: nothing half-written, clear 503s, recovery without manual steps.</summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class FaultTests
{
    private const int Kills = 6;

    /// <summary>How many writes each writer must see acknowledged before the server is killed (or backed up).</summary>
    private const int WritesBeforeKill = 2;

    [TestMethod]
    public async Task ADatabaseLockedByAnotherProcess_Gets503ThenRecovers()
    {
        await using var server = await ApiServer.StartAsync(settings: new Dictionary<string, string> { ["Nlc__BusyTimeoutSeconds"] = "1" });
        var cityId = await Scenario.CreateCityAsync(server, "Lockville");
        var before = await DatabaseDump.ReadAsync(server.DatabasePath);

        await using (var holder = new SqliteConnection($"Data Source={server.DatabasePath}"))
        {
            await holder.OpenAsync();
            await holder.ExecuteAsync("BEGIN EXCLUSIVE");
            using var locked = await server.Client.SendAsync(HttpMethod.Post, "/api/v1/cities", new { name = "Blocked", country = "ME" });
            var problem = await locked.JsonAsync();

            Assert.AreEqual(HttpStatusCode.ServiceUnavailable, locked.StatusCode, problem.ToString());
            Assert.AreEqual("application/problem+json", locked.ContentType()?.MediaType);
            StringAssert.Contains(problem.Text("detail"), "locked by another process");
            Assert.IsTrue(locked.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            await server.Client.SendAsync(HttpMethod.Get, $"/api/v1/cities/{cityId}").ExpectAsync(200);
            await holder.ExecuteAsync("ROLLBACK");
        }

        Assert.AreEqual(before, await DatabaseDump.ReadAsync(server.DatabasePath));
        await server.Client.SendAsync(HttpMethod.Post, "/api/v1/cities", new { name = "Unblocked", country = "ME" }).ExpectAsync(201);
    }

    [TestMethod]
    public async Task AWriteWhoseClientGoesAwayWhileItWaitsForTheDatabase_WritesNothing_AndIsNoServerError()
    {
        await using var server = await ApiServer.StartAsync(settings: new Dictionary<string, string> { ["Nlc__BusyTimeoutSeconds"] = "60" });
        await using (var holder = new SqliteConnection($"Data Source={server.DatabasePath}"))
        {
            await holder.OpenAsync();
            await holder.ExecuteAsync("BEGIN IMMEDIATE");
            using var client = new CancellationTokenSource();
            var abandoned = server.Client.PostAsJsonAsync("/api/v1/cities", new { name = "Abandoned", country = "ME" }, client.Token);
            // Long enough for the write to reach the locked database on any machine; if it has not, the test proves less but does not fail.
            await Task.Delay(TimeSpan.FromSeconds(2));
            client.Cancel();
            await Assert.ThrowsAsync<OperationCanceledException>(() => abandoned);
            await holder.ExecuteAsync("ROLLBACK");
        }

        // The abandoned write holds the writer queue until it has given up, so this one runs after it.
        await server.Client.SendAsync(HttpMethod.Post, "/api/v1/cities", new { name = "After", country = "ME" }).ExpectAsync(201);
        var names = await new SqliteDatabase(server.DatabasePath).ReadAsync(c => c.QueryAsync<string>("SELECT name FROM cities"));
        CollectionAssert.AreEquivalent(new[] { "After" }, names.ToArray());
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.IsFalse(server.Output.Contains("fail:", StringComparison.Ordinal), server.Output);
    }

    [TestMethod]
    public async Task KillingTheServerDuringBatchWritesAndWorkbookImports_LeavesEveryAssessmentWhole()
    {
        var databasePath = ApiServer.NewDatabasePath();
        var assessments = new List<string>();
        await using (var setup = await ApiServer.StartAsync(databasePath))
        {
            for (var i = 0; i < 3; i++)
            {
                var cityId = await Scenario.CreateCityAsync(setup, $"Crash city {i}");
                assessments.Add((await Scenario.CreateAssessmentAsync(setup.Client, cityId)).Id);
            }
        }

        var random = new Random(7);
        var acknowledged = assessments.ToDictionary(id => id, _ => 0);
        var attempted = assessments.ToDictionary(id => id, _ => 0);
        for (var kill = 0; kill < Kills; kill++)
        {
            await using var server = await ApiServer.StartAsync(databasePath);
            using var killing = new CancellationTokenSource();
            var logs = assessments.Select(_ => new WriterLog()).ToArray();
            var writers = assessments.Select((id, n) => WriteUntilStoppedAsync(server, id, (kill + n) % 5, logs[n], killing.Token)).ToArray();

            // Kill only once every writer has seen writes of its own acknowledged, so each round crashes among landed writes.
            var landed = await WaitUntilAsync(() => logs.All(l => l.Acknowledged >= WritesBeforeKill) || writers.Any(w => w.IsCompleted));
            await Task.Delay(random.Next(0, 300));
            await killing.CancelAsync();
            await server.KillAsync();
            await Task.WhenAll(writers);

            Assert.AreEqual("", string.Join(Environment.NewLine, logs.SelectMany(l => l.Errors)), $"round {kill}: a writer was refused");
            Assert.IsTrue(landed, $"round {kill}: writes acknowledged before the kill: {string.Join(", ", logs.Select(l => l.Acknowledged))}");
            for (var n = 0; n < assessments.Count; n++)
            {
                acknowledged[assessments[n]] += logs[n].Acknowledged;
                attempted[assessments[n]] += logs[n].Acknowledged + (logs[n].InFlightLevel is null ? 0 : 1);
            }

            await AssertWholeAsync(databasePath, assessments, (id, n) => logs[n].Possible, id => (acknowledged[id], attempted[id]));
        }
    }

    [TestMethod]
    public async Task AHotBackupTakenDuringWrites_RestoresToAWorkingServerWithTheSameData()
    {
        string backupFile;
        string assessmentId;
        string? cities;
        await using (var server = await ApiServer.StartAsync())
        {
            (_, assessmentId) = await Scenario.ValidatedAssessmentAsync(server, "Backup city", level: 3);
            var busyCity = await Scenario.CreateCityAsync(server, "Busy city");
            var (busyAssessment, _) = await Scenario.CreateAssessmentAsync(server.Client, busyCity);
            using var stop = new CancellationTokenSource();
            var log = new WriterLog();
            var writer = WriteUntilStoppedAsync(server, busyAssessment, 1, log, stop.Token);
            Assert.IsTrue(await WaitUntilAsync(() => log.Acknowledged >= WritesBeforeKill || writer.IsCompleted), "writes acknowledged before the backup: " + string.Join(" ", log.Errors));

            var backup = await server.Client.SendAsync(HttpMethod.Post, "/api/v1/admin/backups").ExpectAsync(201);

            await stop.CancelAsync();
            await writer;
            Assert.AreEqual("", string.Join(Environment.NewLine, log.Errors), "a writer was refused");
            backupFile = backup.Text("file");
            Assert.AreEqual(new FileInfo(backupFile).Length, backup.GetProperty("bytes").GetInt64());
            cities = await DatabaseDump.ScalarTextAsync(server.DatabasePath, "SELECT group_concat(id || name, ';') FROM (SELECT * FROM cities ORDER BY id)");
            await AssertWholeAsync(backupFile, [busyAssessment], (_, _) => [0, 1, 2, 3, 4], _ => (WritesBeforeKill, int.MaxValue));
        }

        await using var restored = await ApiServer.StartAsync(backupFile);
        var score = await restored.Client.SendAsync(HttpMethod.Get, $"/api/v1/assessments/{assessmentId}/score").ExpectAsync(200);
        Assert.AreEqual(75.0, score.GetProperty("overall").GetDouble(), 1e-9);
        Assert.AreEqual(cities, await DatabaseDump.ScalarTextAsync(backupFile, "SELECT group_concat(id || name, ';') FROM (SELECT * FROM cities ORDER BY id)"));
    }

    /// <summary>What one writer saw: the writes the server acknowledged, and the level of the one in flight when it stopped.</summary>
    private sealed class WriterLog
    {
        private int _acknowledged;

        public int Acknowledged => Volatile.Read(ref _acknowledged);

        public int? LastAcknowledgedLevel { get; private set; }

        public int? InFlightLevel { get; set; }

        public List<string> Errors { get; } = [];

        /// <summary>The levels the stored answers may have: the last acknowledged write's, or the one in flight when the server died.</summary>
        public long[] Possible => new[] { LastAcknowledgedLevel, InFlightLevel }.OfType<int>().Select(l => (long)l).ToArray();

        public void Acknowledge(int level)
        {
            LastAcknowledgedLevel = level;
            InFlightLevel = null;
            Interlocked.Increment(ref _acknowledged);
        }
    }

    private static async Task<bool> WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return condition();
    }

    /// <summary>
    /// Rewrites all answers of the assessment again and again, every other time by uploading a workbook, with the version
    /// it read. Every answer must be 200; the only error it lets pass is the connection failing once <paramref name="stop"/>
    /// is set (the server is being killed).
    /// </summary>
    private static async Task WriteUntilStoppedAsync(ApiServer server, string assessmentId, int level, WriterLog log, CancellationToken stop)
    {
        for (var write = 0; !stop.IsCancellationRequested; write++)
        {
            try
            {
                using var current = await server.Client.GetAsync($"/api/v1/assessments/{assessmentId}", CancellationToken.None);
                var assessment = await current.JsonAsync();
                if (current.StatusCode != HttpStatusCode.OK)
                {
                    log.Errors.Add($"read {assessmentId}: {(int)current.StatusCode} {assessment}");
                    return;
                }

                log.InFlightLevel = level;
                using var saved = write % 2 == 0
                    ? await server.Client.SendAsync(HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/answers",
                        new { answers = Scenario.IndicatorIds.Select(id => new { indicatorId = id, level }).ToArray() }, current.ETag())
                    : await UploadWorkbookAsync(server, assessmentId, level, current.ETag());
                if (saved.StatusCode != HttpStatusCode.OK)
                {
                    log.Errors.Add($"write {write} to {assessmentId}: {(int)saved.StatusCode} {await saved.Content.ReadAsStringAsync()}");
                    return;
                }

                log.Acknowledge(level);
                level = (level + 1) % 5;
            }
            catch (HttpRequestException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Downloads the assessment's workbook, types <paramref name="level"/> into every row and uploads it, as an official would.</summary>
    private static async Task<HttpResponseMessage> UploadWorkbookAsync(ApiServer server, string assessmentId, int level, string etag)
    {
        var downloaded = await WorkbookFill.DownloadAsync(server.Client, assessmentId);
        var filled = WorkbookFill.Type(downloaded, Scenario.IndicatorIds.Select(id => new Typed(id, WorkbookFill.Level, level.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray());
        return await WorkbookFill.UploadAsync(server.Client, assessmentId, filled, etag);
    }

    /// <summary>
    /// Every assessment holds one whole batch (all indicators, one level, one of <paramref name="possibleLevels"/>), and
    /// as many audited saves as its version says, within the writes acknowledged and attempted so far.
    /// </summary>
    private static async Task AssertWholeAsync(
        string databasePath, IReadOnlyList<string> assessments, Func<string, int, long[]> possibleLevels, Func<string, (int Acknowledged, int Attempted)> writes)
    {
        var database = new SqliteDatabase(databasePath);
        await database.ReadAsync(async connection =>
        {
            Assert.AreEqual("ok", await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
            for (var n = 0; n < assessments.Count; n++)
            {
                var id = assessments[n];
                var levels = (await connection.QueryAsync<long?>("SELECT level FROM answers WHERE assessment_id = @id", new { id })).ToList();
                Assert.AreEqual(Scenario.IndicatorIds.Length, levels.Count, $"{id}: {levels.Count} answers, not one whole batch");
                Assert.AreEqual(1, levels.Distinct().Count(), $"{id}: answers from two different batches");
                CollectionAssert.Contains(possibleLevels(id, n), levels[0]!.Value, $"{id}: level {levels[0]} is neither the last acknowledged write nor the one in flight");

                var version = await connection.ExecuteScalarAsync<long>("SELECT row_version FROM assessments WHERE id = @id", new { id });
                var saves = await connection.ExecuteScalarAsync<long>(
                    "SELECT count(*) FROM audit_log WHERE entity_id = @id AND action = 'answers.saved'", new { id });
                Assert.AreEqual(version - 1, saves, $"{id}: the audit log does not match the writes");
                var (acknowledged, attempted) = writes(id);
                Assert.IsTrue(saves >= acknowledged && saves <= attempted, $"{id}: {saves} saves stored, but {acknowledged} were acknowledged and {attempted} attempted");
                var lastAfter = await connection.ExecuteScalarAsync<string?>(
                    "SELECT after FROM audit_log WHERE entity_id = @id AND action = 'answers.saved' ORDER BY id DESC LIMIT 1", new { id });
                StringAssert.Contains(lastAfter, $"\"level\":{levels[0]}", $"{id}: the last audited batch is not the stored one");
            }

            return true;
        });
    }
}
