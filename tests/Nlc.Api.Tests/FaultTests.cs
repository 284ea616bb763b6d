using System.Net;
using Dapper;
using Microsoft.Data.Sqlite;
using Nlc.Core.Storage;

namespace Nlc.Api.Tests;

/// <summary>Crashes and a locked database: nothing half-written, clear 503s, recovery without manual steps.</summary>
[TestClass]
public sealed class FaultTests
{
    private const int Kills = 6;

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
        for (var kill = 0; kill < Kills; kill++)
        {
            await using var server = await ApiServer.StartAsync(databasePath);
            using var stop = new CancellationTokenSource();
            var writers = assessments.Select((id, n) => WriteUntilStoppedAsync(server, id, level: (kill + n) % 5, stop.Token)).ToArray();
            await Task.Delay(random.Next(100, 600));
            await server.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);

            await AssertWholeAsync(databasePath, assessments);
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
            var writer = WriteUntilStoppedAsync(server, busyAssessment, 1, stop.Token);
            await Task.Delay(200);

            var backup = await server.Client.SendAsync(HttpMethod.Post, "/api/v1/admin/backups").ExpectAsync(201);

            await stop.CancelAsync();
            await writer;
            backupFile = backup.Text("file");
            Assert.AreEqual(new FileInfo(backupFile).Length, backup.GetProperty("bytes").GetInt64());
            cities = await DatabaseDump.ScalarTextAsync(server.DatabasePath, "SELECT group_concat(id || name, ';') FROM (SELECT * FROM cities ORDER BY id)");
            await AssertWholeAsync(backupFile, [busyAssessment]);
        }

        await using var restored = await ApiServer.StartAsync(backupFile);
        var score = await restored.Client.SendAsync(HttpMethod.Get, $"/api/v1/assessments/{assessmentId}/score").ExpectAsync(200);
        Assert.AreEqual(75.0, score.GetProperty("overall").GetDouble(), 1e-9);
        Assert.AreEqual(cities, await DatabaseDump.ScalarTextAsync(backupFile, "SELECT group_concat(id || name, ';') FROM (SELECT * FROM cities ORDER BY id)"));
    }

    /// <summary>Rewrites all answers of the assessment again and again, every other time by uploading a workbook.</summary>
    private static async Task WriteUntilStoppedAsync(ApiServer server, string assessmentId, int level, CancellationToken stop)
    {
        for (var write = 0; !stop.IsCancellationRequested; write++)
        {
            try
            {
                using var current = await server.Client.GetAsync($"/api/v1/assessments/{assessmentId}", stop);
                using var _ = write % 2 == 0
                    ? await server.Client.SendAsync(HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/answers",
                        new { answers = Scenario.IndicatorIds.Select(id => new { indicatorId = id, level }).ToArray() }, current.ETag())
                    : await UploadWorkbookAsync(server, assessmentId, level, current.ETag());
                level = (level + 1) % 5;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or AssertFailedException or InvalidOperationException or KeyNotFoundException)
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

    private static async Task AssertWholeAsync(string databasePath, IReadOnlyList<string> assessments)
    {
        var database = new SqliteDatabase(databasePath);
        await database.ReadAsync(async connection =>
        {
            Assert.AreEqual("ok", await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
            foreach (var id in assessments)
            {
                var levels = (await connection.QueryAsync<long?>("SELECT level FROM answers WHERE assessment_id = @id", new { id })).ToList();
                Assert.IsTrue(levels.Count is 0 || levels.Count == Scenario.IndicatorIds.Length, $"{id}: {levels.Count} answers, a batch half-written");
                Assert.AreEqual(levels.Count == 0 ? 0 : 1, levels.Distinct().Count(), $"{id}: answers from two different batches");

                var version = await connection.ExecuteScalarAsync<long>("SELECT row_version FROM assessments WHERE id = @id", new { id });
                var saves = await connection.ExecuteScalarAsync<long>(
                    "SELECT count(*) FROM audit_log WHERE entity_id = @id AND action = 'answers.saved'", new { id });
                Assert.AreEqual(version - 1, saves, $"{id}: the audit log does not match the writes");
                var lastAfter = await connection.ExecuteScalarAsync<string?>(
                    "SELECT after FROM audit_log WHERE entity_id = @id AND action = 'answers.saved' ORDER BY id DESC LIMIT 1", new { id });
                if (levels.Count > 0)
                {
                    StringAssert.Contains(lastAfter, $"\"level\":{levels[0]}", $"{id}: the last audited batch is not the stored one");
                }
            }

            return true;
        });
    }
}
