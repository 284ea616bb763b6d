using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nlc.Api.Http;

namespace Nlc.Api.Tests;

/// <summary>
/// Problem Details in the requested language: an English <c>title</c>, a stable <c>code</c>, the <c>detail</c> and error
/// messages translated where every one of them is, and <c>Content-Language</c> saying which language they are in.
/// </summary>
[TestClass]
public sealed class ProblemLanguageTests
{
    private static InProcessApi _server = null!;
    private static string _cityId = "";

    [ClassInitialize]
    public static async Task StartServer(TestContext _)
    {
        _server = InProcessApi.Start();
        _cityId = await Scenario.CreateCityAsync(_server, "Tirana");
    }

    [ClassCleanup]
    public static async Task StopServer() => await _server.DisposeAsync();

    [TestMethod]
    [DataRow("sq")]
    [DataRow("mk")]
    [DataRow("sr-Latn")]
    [DataRow("bs")]
    [DataRow("hr")]
    public void ApiText_IsTranslatedIntoEveryLanguage(string language) =>
        CollectionAssert.AreEqual(Array.Empty<string>(), ApiMessage.Catalog.MissingKeys(language).ToArray(), $"ApiText.{language}.resx lacks these keys");

    [TestMethod]
    public async Task An422_AskedForInAlbanian_HasAnAlbanianDetail_AnEnglishTitle_AStableCode_AndSaysSq()
    {
        var (assessmentId, etag) = await Scenario.CreateAssessmentAsync(_server.Client, _cityId, "2025-Q1");

        var (response, problem) = await Send(HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/answers/GP01.1", new { level = 9 }, etag, "sq");

        Assert.AreEqual(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.AreEqual("sq", response.Content.Headers.ContentLanguage.Single());
        Assert.AreEqual("The request has invalid values", problem.Text("title"));
        Assert.AreEqual("invalidValues", problem.Text("code"));
        Assert.AreEqual("$: niveli 9 është jashtë shkallës; pritet nga 0 deri në 4", problem.Text("detail"));
        var error = problem.GetProperty("errors").EnumerateArray().Single();
        Assert.AreEqual(ProblemCodes.OutOfRange, error.Text("code"));
        Assert.AreEqual("niveli 9 është jashtë shkallës; pritet nga 0 deri në 4", error.Text("message"));
    }

    [TestMethod]
    public async Task AnUnknownLanguage_IsAnsweredInEnglish_AndSaysEn()
    {
        var (assessmentId, etag) = await Scenario.CreateAssessmentAsync(_server.Client, _cityId, "2025-Q2");

        var (response, problem) = await Send(HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/answers/GP01.1?lang=xx", new { level = 9 }, etag, "sq");

        Assert.AreEqual("en", response.Content.Headers.ContentLanguage.Single());
        Assert.AreEqual("invalidValues", problem.Text("code"));
        Assert.AreEqual("$: level 9 is out of range; expected 0 to 4", problem.Text("detail"));
    }

    [TestMethod]
    public async Task ACityWithSeveralProblems_InMacedonian_TranslatesEveryMessage()
    {
        var city = new { name = "", country = "Montenegro", population = -1 };
        var (response, problem) = await Send(HttpMethod.Post, "/api/v1/cities", city, null, "mk");
        var (_, english) = await Send(HttpMethod.Post, "/api/v1/cities", city, null, "en");

        Assert.AreEqual(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.AreEqual("mk", response.Content.Headers.ContentLanguage.Single());
        Assert.AreEqual("3 проблеми; видете errors.", problem.Text("detail"));
        var messages = problem.GetProperty("errors").EnumerateArray().Select(e => e.Text("message")).ToArray();
        CollectionAssert.Contains(messages, "бројот на жители не може да биде негативен");
        var englishMessages = english.GetProperty("errors").EnumerateArray().Select(e => e.Text("message")).ToArray();
        Assert.AreEqual(3, messages.Length);
        Assert.IsFalse(messages.Intersect(englishMessages).Any(), string.Join(" | ", messages));
    }

    [TestMethod]
    public async Task ABadPeriod_InCroatian_GivesTheExamplesInCroatianToo()
    {
        var (response, problem) = await Send(HttpMethod.Post, $"/api/v1/cities/{_cityId}/assessments", new { rubricId = "nlc", period = "2025-X" }, null, "hr");

        Assert.AreEqual(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.AreEqual("'2025-X' nije razdoblje kao što su 2025, 2025-H1, 2025-Q3 ili 2025-06", problem.GetProperty("errors")[0].Text("message"));
    }

    [TestMethod]
    public async Task VersionProblems_AreTranslated_WithTheirCodes()
    {
        var (assessmentId, etag) = await Scenario.CreateAssessmentAsync(_server.Client, _cityId, "2025-Q3");
        var url = $"/api/v1/assessments/{assessmentId}/answers/GP01.1";

        var (missing, required) = await Send(HttpMethod.Put, url, new { level = 1 }, null, "hr");
        var (stale, staleProblem) = await Send(HttpMethod.Put, url, new { level = 1 }, "\"99\"", "bs");

        Assert.AreEqual(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        Assert.AreEqual("hr", missing.Content.Headers.ContentLanguage.Single());
        Assert.AreEqual("versionRequired", required.Text("code"));
        StringAssert.StartsWith(required.Text("detail"), "Za ovaj upis potrebno je zaglavlje If-Match");
        Assert.AreEqual(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.AreEqual("bs", stale.Content.Headers.ContentLanguage.Single());
        Assert.AreEqual("staleVersion", staleProblem.Text("code"));
        Assert.AreEqual("The version is stale", staleProblem.Text("title"));
        StringAssert.StartsWith(staleProblem.Text("detail"), "Neko je ovo izmijenio");
        Assert.AreEqual(etag, (await _server.Client.GetAsync($"/api/v1/assessments/{assessmentId}")).ETag(), "the refused writes changed nothing");
    }

    [TestMethod]
    public async Task NotFound_Unauthenticated_AndBadJson_AreTranslated()
    {
        var (notFound, notFoundProblem) = await Send(HttpMethod.Get, "/api/v1/assessments/asm_nothing", null, null, "cnr");
        var (noKey, noKeyProblem) = await Send(HttpMethod.Get, "/api/v1/cities", null, null, "sr-Cyrl", _server.ClientFor(null));
        var (badJson, badJsonProblem) = await Send(HttpMethod.Post, "/api/v1/cities", """{"name":"Bar","country":"ME","population":"3"}""", null, "sq");

        Assert.AreEqual(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.AreEqual("sr-Latn", notFound.Content.Headers.ContentLanguage.Single());
        Assert.AreEqual("Ne postoji procena 'asm_nothing'.", notFoundProblem.Text("detail"));
        Assert.AreEqual(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.AreEqual("sr-Cyrl", noKey.Content.Headers.ContentLanguage.Single());
        Assert.AreEqual("authenticationRequired", noKeyProblem.Text("code"));
        StringAssert.StartsWith(noKeyProblem.Text("detail"), "Пошаљите API кључ");
        Assert.AreEqual(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.AreEqual("sq", badJson.Content.Headers.ContentLanguage.Single());
        Assert.AreEqual("malformedRequest", badJsonProblem.Text("code"));
        StringAssert.Contains(badJsonProblem.Text("detail"), "pritet një numër i plotë");
    }

    [TestMethod]
    public async Task AProblemWithAnUntranslatedPart_StaysEnglish_AndSaysEn()
    {
        // A JSON syntax error is described in System.Text.Json's own (English) words.
        var (response, problem) = await Send(HttpMethod.Post, "/api/v1/cities", """{"name": "Bar", """, null, "sq");

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.AreEqual("en", response.Content.Headers.ContentLanguage.Single());
        StringAssert.StartsWith(problem.Text("detail"), "The body is not valid JSON for this request");
        Assert.AreEqual("malformedRequest", problem.Text("code"));
    }

    private static async Task<(HttpResponseMessage Response, JsonElement Problem)> Send(
        HttpMethod method, string url, object? body, string? ifMatch, string acceptLanguage, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Content = body switch
        {
            null => null,
            string raw => new StringContent(raw, System.Text.Encoding.UTF8, "application/json"),
            _ => JsonContent.Create(body),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        var response = await (client ?? _server.Client).SendAsync(request);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType, url);
        return (response, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
