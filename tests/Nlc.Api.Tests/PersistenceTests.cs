using Dapper;
using Nlc.Storage;

namespace Nlc.Api.Tests;

/// <summary>Restarts keep everything, migrations run once, and a database or rubric the server cannot trust stops it at start.</summary>
[TestClass]
public sealed class PersistenceTests
{
    [TestMethod]
    public async Task ARestart_KeepsEverything_AndAppliesNoMigrationTwice()
    {
        var databasePath = ApiServer.NewDatabaseLocation();
        string assessmentId;
        string dump;
        await using (var first = await ApiServer.StartAsync(databasePath))
        {
            (_, assessmentId) = await Scenario.ValidatedAssessmentAsync(first, "Novi Pazar");
            StringAssert.Contains(first.Output, "Applied database migration 0001_initial");
            dump = await DatabaseDump.ReadAsync(databasePath);
        }

        await using var second = await ApiServer.StartAsync(databasePath);

        Assert.IsFalse(second.Output.Contains("Applied database migration", StringComparison.Ordinal), second.Output);
        Assert.AreEqual(Migrator.Known.Count, await DatabaseDump.ScalarAsync(databasePath, "SELECT count(*) FROM schema_migrations"));
        Assert.AreEqual(dump, await DatabaseDump.ReadAsync(databasePath));
        var score = await second.Client.SendAsync(HttpMethod.Get, $"/api/v1/assessments/{assessmentId}/score").ExpectAsync(200);
        Assert.AreEqual(50.0, score.GetProperty("overall").GetDouble(), 1e-9);
    }

    [TestMethod]
    public async Task ADatabaseFromANewerToolkit_IsRefusedWithAClearMessage()
    {
        var databasePath = ApiServer.NewDatabaseLocation();
        await using (await ApiServer.StartAsync(databasePath))
        {
        }

        await DatabaseDump.Open(databasePath).ReadAsync(c => c.ExecuteAsync("INSERT INTO schema_migrations VALUES (999, '0999_future', '2030-01-01')"));

        var (exitCode, output) = await ApiServer.RunToExitAsync(databasePath);

        Assert.AreEqual(1, exitCode, output);
        StringAssert.Contains(output, $"has schema version 999, but this build of the toolkit knows versions up to {Migrator.Known[^1].Version}");
    }

    [TestMethod]
    public async Task ARubricEditedInPlaceAfterUse_IsRefused_WhileAStoredVersionWhoseFileIsGoneStillScores()
    {
        var databasePath = ApiServer.NewDatabaseLocation();
        var rubrics = TestFolders.New("rubrics");
        var original = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Rubrics, "nlc-1.0.0.yaml"));
        await File.WriteAllTextAsync(Path.Combine(rubrics, "nlc-1.0.0.yaml"), original);
        var settings = new Dictionary<string, string> { ["Nlc__RubricsPath"] = rubrics };
        string assessmentId;
        await using (var server = await ApiServer.StartAsync(databasePath, settings))
        {
            (_, assessmentId) = await Scenario.ValidatedAssessmentAsync(server, "Brčko");
        }

        await File.WriteAllTextAsync(Path.Combine(rubrics, "nlc-1.0.0.yaml"), original.Replace("Local mandate and political leadership", "Local mandate"));
        var (exitCode, output) = await ApiServer.RunToExitAsync(databasePath, settings);
        Assert.AreEqual(1, exitCode, output);
        StringAssert.Contains(output, "rubric nlc@1.0.0 differs from the version this database has used since");

        File.Move(Path.Combine(rubrics, "nlc-1.0.0.yaml"), Path.Combine(rubrics, "nlc-1.1.0.yaml"));
        await File.WriteAllTextAsync(Path.Combine(rubrics, "nlc-1.1.0.yaml"), original.Replace("version: 1.0.0", "version: 1.1.0"));
        await using var upgraded = await ApiServer.StartAsync(databasePath, settings);
        var score = await upgraded.Client.SendAsync(HttpMethod.Get, $"/api/v1/assessments/{assessmentId}/score").ExpectAsync(200);
        Assert.AreEqual("1.0.0", score.Text("rubricVersion"));
        var versions = await upgraded.Client.SendAsync(HttpMethod.Get, "/api/v1/rubrics").ExpectAsync(200);
        Assert.AreEqual("[\"1.0.0\",\"1.1.0\"]", versions.GetProperty("items")[0].GetProperty("versions").GetRawText());
    }

    [TestMethod]
    public async Task TooManyRequests_Get429WithRetryAfter()
    {
        await using var server = await ApiServer.StartAsync(settings: new Dictionary<string, string> { ["Nlc__RequestsPerMinute"] = "5" });

        var statuses = new List<int>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 7; i++)
        {
            last?.Dispose();
            last = await server.Client.GetAsync("/api/v1/rubrics");
            statuses.Add((int)last.StatusCode);
        }

        CollectionAssert.AreEqual(new[] { 200, 200, 200, 200, 200, 429, 429 }, statuses);
        Assert.IsTrue(last!.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.AreEqual("application/problem+json", last.ContentType()?.MediaType);
        last.Dispose();
    }

    [TestMethod]
    public async Task AnEmptyDatabaseWithoutABootstrapKey_PrintsAGeneratedAdminKeyOnce()
    {
        var databasePath = ApiServer.NewDatabaseLocation();
        await using var server = await ApiServer.StartAsync(databasePath, new Dictionary<string, string> { ["NLC_BOOTSTRAP_ADMIN_KEY"] = "" });

        var key = server.Output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("nlc_", StringComparison.Ordinal));

        using var admin = server.ClientFor(key);
        await admin.SendAsync(HttpMethod.Get, "/api/v1/keys").ExpectAsync(200);
        await server.Client.SendAsync(HttpMethod.Get, "/api/v1/keys").ExpectAsync(401);
    }
}
