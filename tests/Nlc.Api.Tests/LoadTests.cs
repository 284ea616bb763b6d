using Dapper;
using Nlc.Benchmarks.Load;
using Nlc.Storage;

namespace Nlc.Api.Tests;

/// <summary>A short, bounded version of the benchmark's load: no errors under concurrent reads, no lost or phantom updates under concurrent writes.</summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class LoadTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(4);

    [TestMethod]
    public async Task ConcurrentReadsAndWrites_LoseNothing()
    {
        await using var server = await ApiServer.StartAsync(settings: new Dictionary<string, string> { ["Nlc__RequestsPerMinute"] = "1000000" });
        var validated = new List<string>();
        var drafts = new List<string>();
        for (var i = 0; i < 16; i++)
        {
            var (cityId, assessmentId) = await Scenario.ValidatedAssessmentAsync(server, $"Load city {i}", level: i % 5);
            validated.Add(assessmentId);
            drafts.Add((await Scenario.CreateAssessmentAsync(server.Client, cityId, "2026")).Id);
        }

        var load = new LoadRun(server.Address, ApiServer.AdminKey);
        var reads = await load.ReadAsync(validated.Select(id => $"/api/v1/assessments/{id}/score").ToArray(), 16, Duration);
        var writes = await load.WriteAsync(drafts, Scenario.IndicatorIds, Duration);

        Assert.AreEqual(0, reads.Errors, $"{reads.Requests} reads");
        Assert.IsTrue(reads.Requests > 0);
        Assert.AreEqual((0L, 0L), (writes.ServerErrors, writes.OtherErrors), $"{writes.Writes} writes, {writes.Retried412} retried; " + string.Join(" | ", writes.ErrorSamples));
        Assert.AreEqual(drafts.Count, writes.LastWritten.Count, "every writer wrote at least once");
        var database = DatabaseDump.Open(server.DatabasePath);
        await database.ReadAsync(async connection =>
        {
            if (database.Engine == DatabaseEngine.Sqlite)
            {
                Assert.AreEqual("ok", await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
            }

            foreach (var (id, level) in writes.LastWritten)
            {
                var levels = (await connection.QueryAsync<long>("SELECT level FROM answers WHERE assessment_id = @id", new { id })).ToList();
                Assert.AreEqual(Scenario.IndicatorIds.Length, levels.Count, id);
                Assert.IsTrue(levels.All(l => l == level), $"{id}: not the last write its client made");
            }

            return true;
        });
    }
}
