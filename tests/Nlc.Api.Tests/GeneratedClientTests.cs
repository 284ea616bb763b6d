using Nlc.Client;

namespace Nlc.Api.Tests;

/// <summary>The contract proven by a real consumer: the NSwag-generated C# client drives a full round against the real server.</summary>
[TestClass]
public sealed class GeneratedClientTests
{
    [TestMethod]
    public async Task TheGeneratedClient_RunsAFullRound()
    {
        await using var server = await ApiServer.StartAsync();
        var admin = new NlcApiClient(server.Client) { BaseUrl = server.Address.ToString() };

        var city = await admin.CreateCityAsync(new CreateCityRequest { Name = "Gostivar", Country = "MK", Population = 60_000 });
        var key = await admin.CreateKeyAsync(new CreateKeyRequest { Name = "Gostivar officials", Role = ApiRole.City, CityIds = [city.Id] });
        using var cityHttp = server.ClientFor(key.Key);
        var official = new NlcApiClient(cityHttp) { BaseUrl = server.Address.ToString() };

        var assessment = await official.CreateAssessmentAsync(city.Id, new CreateAssessmentRequest { RubricId = "nlc", Period = "2025" });
        var answers = Scenario.IndicatorIds.Select(id => id == "GP11.1"
            ? new AnswerRequest { IndicatorId = id, NotApplicable = true, Reason = "No returnees expected" }
            : new AnswerRequest { IndicatorId = id, Level = 2 }).ToList();
        var saved = await official.SaveAnswersAsync(assessment.Id, ETag(assessment.Version), new SaveAnswersRequest { Answers = answers });
        var submitted = await official.SubmitAssessmentAsync(assessment.Id, ETag(saved.Version));
        var validated = await admin.ValidateAssessmentAsync(assessment.Id, ETag(submitted.Version));
        var score = await official.GetAssessmentScoreAsync(assessment.Id, "en");
        var benchmark = await admin.GetBenchmarkAsync("nlc", "2025", null, "MK", null, null, null, null);

        Assert.AreEqual(AssessmentStatus.Validated, validated.Status);
        Assert.AreEqual(50.0, score.Overall!.Value, 1e-9);
        Assert.AreEqual(1, score.Completeness.NotApplicable);
        Assert.AreEqual(1, benchmark.N);
        Assert.AreEqual(50.0, benchmark.Overall!.Median, 1e-9);

        using var workbook = await official.DownloadWorkbookAsync(assessment.Id, "en");
        using var bytes = new MemoryStream();
        await workbook.Stream.CopyToAsync(bytes);
        Assert.AreEqual(200, workbook.StatusCode);
        CollectionAssert.AreEqual("PK"u8.ToArray(), bytes.ToArray()[..2], "an .xlsx is a zip package");

        var stale = await Assert.ThrowsExactlyAsync<NlcApiException<ProblemDetails>>(() =>
            official.SaveAnswerAsync(assessment.Id, "GP01.1", ETag(assessment.Version), new AnswerRequest { Level = 4 }));
        Assert.AreEqual(412, stale.StatusCode);
        StringAssert.Contains(stale.Result.Detail, "reload it");

        var draft = await official.CreateAssessmentAsync(city.Id, new CreateAssessmentRequest { RubricId = "nlc", Period = "2026" });
        var invalid = await Assert.ThrowsExactlyAsync<NlcApiException<ProblemDetails>>(() =>
            official.SaveAnswerAsync(draft.Id, "GP01.1", ETag(draft.Version), new AnswerRequest { Level = 9 }));
        var error = invalid.Result.Errors!.Single();
        Assert.AreEqual((422, "outOfRange", "GP01.1"), (invalid.StatusCode, error.Code, error.IndicatorId), "a client reads the errors list with its codes");
    }

    private static string ETag(long version) => $"\"{version}\"";
}
