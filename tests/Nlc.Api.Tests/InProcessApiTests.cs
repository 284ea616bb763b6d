namespace Nlc.Api.Tests;

/// <summary>The in-process host is the real API on its own SQLite file: Program sees the test's settings before it builds the host.</summary>
[TestClass]
public sealed class InProcessApiTests
{
    [TestMethod]
    public async Task TheInProcessApi_UsesTheTestsDatabaseAndAdminKey()
    {
        await using var api = InProcessApi.Start();

        var city = await api.Client.SendAsync(HttpMethod.Post, "/api/v1/cities", new { name = "Kotor", country = "ME" }).ExpectAsync(201);

        Assert.AreEqual(city.Text("id"), await DatabaseDump.ScalarTextAsync(api.DatabasePath, "SELECT id FROM cities"));
    }

    [TestMethod]
    public async Task TwoInProcessApis_ShareNoSettings()
    {
        await using var limited = InProcessApi.Start(new Dictionary<string, string> { ["Nlc__RequestsPerMinute"] = "1" });
        await using var other = InProcessApi.Start();

        using var first = await limited.Client.GetAsync("/api/v1/cities");
        using var second = await limited.Client.GetAsync("/api/v1/cities");
        using var otherFirst = await other.Client.GetAsync("/api/v1/cities");
        using var otherSecond = await other.Client.GetAsync("/api/v1/cities");

        Assert.AreEqual(200, (int)first.StatusCode);
        Assert.AreEqual(429, (int)second.StatusCode, "the first API did not get its own rate limit");
        Assert.AreEqual(200, (int)otherFirst.StatusCode);
        Assert.AreEqual(200, (int)otherSecond.StatusCode, "the second API got the first one's rate limit");
        Assert.AreNotEqual(limited.DatabasePath, other.DatabasePath);
    }
}
