using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Nlc.Api.Tests;

[TestClass]
public sealed class RubricsApiTests
{
    private static InProcessApi _server = null!;

    private static HttpClient Client => _server.Client;

    [ClassInitialize]
    public static void StartServer(TestContext _) => _server = InProcessApi.Start();

    [ClassCleanup]
    public static async Task StopServer() => await _server.DisposeAsync();

    [TestMethod]
    public async Task Health_AnswersWithTheLoadedRubric()
    {
        var health = await Client.GetFromJsonAsync<JsonElement>("/health");

        Assert.AreEqual("ok", health.GetProperty("status").GetString());
        Assert.AreEqual("nlc@1.0.0", health.GetProperty("rubrics")[0].GetString());
    }

    [TestMethod]
    public async Task ListRubrics_NamesTheShippedRubricAndItsVersions()
    {
        var list = await Client.GetFromJsonAsync<JsonElement>("/api/v1/rubrics");

        var nlc = list.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "nlc");
        Assert.AreEqual("1.0.0", nlc.GetProperty("latestVersion").GetString());
    }

    [TestMethod]
    public async Task GetRubric_ServesEveryPracticeIndicatorAndLevelDescriptor()
    {
        var rubric = await Client.GetFromJsonAsync<JsonElement>("/api/v1/rubrics/nlc");

        var practices = rubric.GetProperty("practices").EnumerateArray().ToArray();
        Assert.AreEqual(13, practices.Length);
        Assert.AreEqual(6, rubric.GetProperty("pillars").GetArrayLength());
        var indicator = practices[2].GetProperty("indicators")[1];
        Assert.AreEqual("GP03.2", indicator.GetProperty("id").GetString());
        Assert.AreEqual(5, indicator.GetProperty("levels").GetArrayLength());
        StringAssert.StartsWith(rubric.GetProperty("contentHash").GetString(), "sha256:");
    }

    [TestMethod]
    [DataRow("/api/v1/rubrics/nlc?lang=xx")]
    [DataRow("/api/v1/rubrics/nlc/versions/1.0.0?lang=de-DE")]
    public async Task GetRubric_InALanguageNotServed_FallsBackToEnglishAndSaysSo(string url)
    {
        using var response = await Client.GetAsync(url);
        var rubric = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("en", rubric.GetProperty("language").GetString());
        Assert.AreEqual("en", response.Content.Headers.ContentLanguage.Single());
        Assert.AreEqual("Communication", rubric.GetProperty("pillars")[0].GetProperty("title").GetString());
    }

    [TestMethod]
    [DataRow("/api/v1/rubrics/nope", 404, "There is no rubric 'nope'.")]
    [DataRow("/api/v1/rubrics/nlc/versions/9.0.0", 404, "Rubric 'nlc' has no version 9.0.0; it has 1.0.0.")]
    [DataRow("/api/v1/rubrics/nlc/versions/1.0", 400, "'1.0' is not a version of the form MAJOR.MINOR.PATCH, e.g. 1.0.0.")]
    public async Task GetRubric_Unknown_IsAProblemDetailsNamingWhatIsWrong(string url, int status, string detail)
    {
        using var response = await Client.GetAsync(url);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.AreEqual(status, (int)response.StatusCode);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.AreEqual(detail, problem.GetProperty("detail").GetString());
    }

    [TestMethod]
    public async Task OpenApiDocument_DescribesTheRubricRoutes()
    {
        var document = await Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.IsTrue(paths.TryGetProperty("/api/v1/rubrics/{rubricId}/versions/{version}", out var route));
        Assert.AreEqual("getRubricVersion", route.GetProperty("get").GetProperty("operationId").GetString());
    }
}
