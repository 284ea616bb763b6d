using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Nlc.Api.Tests;

/// <summary>The rubric in each of the region's languages: asked for by <c>?lang=</c> or <c>Accept-Language</c>, and said.</summary>
[TestClass]
public sealed class RubricLanguagesApiTests
{
    private const string EnglishTitle = "National-Local Cooperation self-assessment rubric";

    private static InProcessApi _server = null!;

    [ClassInitialize]
    public static void StartServer(TestContext _) => _server = InProcessApi.Start();

    [ClassCleanup]
    public static async Task StopServer() => await _server.DisposeAsync();

    [TestMethod]
    [DataRow("sq")]
    [DataRow("mk")]
    [DataRow("sr-Latn")]
    [DataRow("sr-Cyrl")]
    [DataRow("bs")]
    [DataRow("hr")]
    public async Task GetRubric_InEachLanguage_ServesItsTranslation_AndSaysWhichRevisionAndReview(string language)
    {
        var (response, rubric) = await Get($"/api/v1/rubrics/nlc?lang={language}");

        Assert.AreEqual(language, response.Content.Headers.ContentLanguage.Single());
        Assert.AreEqual(language, rubric.GetProperty("language").GetString());
        var translation = rubric.GetProperty("translation");
        Assert.AreEqual(language, translation.GetProperty("language").GetString());
        Assert.IsTrue(translation.GetProperty("revision").GetInt32() >= 1);
        CollectionAssert.Contains(new[] { "draft", "reviewed" }, translation.GetProperty("review").GetString());
        Assert.AreEqual(1.0, translation.GetProperty("coverage").GetDouble());
        Assert.AreNotEqual(EnglishTitle, rubric.GetProperty("title").GetString());
        CollectionAssert.Contains(rubric.GetProperty("locales").EnumerateArray().Select(l => l.GetString()).ToArray(), language);
    }

    [TestMethod]
    public async Task GetRubric_InEnglish_SaysNoTranslation()
    {
        var (response, rubric) = await Get("/api/v1/rubrics/nlc?lang=en");

        Assert.AreEqual("en", response.Content.Headers.ContentLanguage.Single());
        Assert.AreEqual(JsonValueKind.Null, rubric.GetProperty("translation").ValueKind);
        Assert.AreEqual(EnglishTitle, rubric.GetProperty("title").GetString());
    }

    [TestMethod]
    [DataRow("xx", "en")]
    [DataRow("XX-yy", "en")]
    [DataRow("cnr", "sr-Latn")]
    [DataRow("sr-ME", "sr-Latn")]
    [DataRow("sr", "sr-Latn")]
    [DataRow("SR-latn-rs", "sr-Latn")]
    [DataRow("sr-Cyrl-RS", "sr-Cyrl")]
    public async Task GetRubric_ServesTheLanguageATagAsksFor_AndSaysWhich(string tag, string served)
    {
        var (response, rubric) = await Get($"/api/v1/rubrics/nlc/versions/1.0.0?lang={tag}");

        Assert.AreEqual(served, response.Content.Headers.ContentLanguage.Single());
        Assert.AreEqual(served, rubric.GetProperty("language").GetString());
    }

    [TestMethod]
    public async Task GetRubric_ByAcceptLanguage_ServesTheFirstLanguageServed()
    {
        var (response, rubric) = await Get("/api/v1/rubrics/nlc", acceptLanguage: "de-DE, sr-Latn-RS;q=0.8, en;q=0.5");

        Assert.AreEqual("sr-Latn", response.Content.Headers.ContentLanguage.Single());
        Assert.AreEqual("Nije primenljivo", rubric.GetProperty("scale").GetProperty("notApplicable").GetProperty("name").GetString());
    }

    [TestMethod]
    public async Task GetRubric_TheQueryWinsOverAcceptLanguage()
    {
        var (response, _) = await Get("/api/v1/rubrics/nlc?lang=en", acceptLanguage: "sr-Latn");

        Assert.AreEqual("en", response.Content.Headers.ContentLanguage.Single());
    }

    [TestMethod]
    public async Task GetRubric_InSerbianCyrillic_IsWrittenInCyrillic()
    {
        var (_, rubric) = await Get("/api/v1/rubrics/nlc?lang=sr-Cyrl");

        Assert.AreEqual("Није применљиво", rubric.GetProperty("scale").GetProperty("notApplicable").GetProperty("name").GetString());
        var question = rubric.GetProperty("practices")[0].GetProperty("indicators")[0].GetProperty("question").GetString()!;
        Assert.IsTrue(question.Count(c => c is >= '\u0400' and <= '\u04FF') > question.Length / 2, question);
        Assert.IsFalse(question.Any(c => c is >= 'a' and <= 'z' or 'č' or 'ć' or 'š' or 'ž' or 'đ'), question);
    }

    [TestMethod]
    public async Task GetRubric_InAnyLanguage_KeepsTheVersionAndContentHash()
    {
        var (_, english) = await Get("/api/v1/rubrics/nlc?lang=en");
        var (_, serbian) = await Get("/api/v1/rubrics/nlc?lang=sr-Latn");

        Assert.AreEqual(english.GetProperty("contentHash").GetString(), serbian.GetProperty("contentHash").GetString());
        Assert.AreEqual(english.GetProperty("version").GetString(), serbian.GetProperty("version").GetString());
    }

    private static async Task<(HttpResponseMessage Response, JsonElement Rubric)> Get(string url, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        var response = await _server.Client.SendAsync(request);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, url);
        return (response, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
