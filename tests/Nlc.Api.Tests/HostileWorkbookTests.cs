using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using Nlc.Core.Assessments;
using Nlc.Core.Cities;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;
using Nlc.Excel.FillIn;
using Nlc.Excel;
using Nlc.Storage;

namespace Nlc.Api.Tests;

/// <summary>
/// 1,000 mutated assessment workbooks and 500 mutated action-plan workbooks (bit flips, truncations, swapped and renamed
/// parts, oversized strings, a zip bomb, a DTD) uploaded to the API, seeded so every run sends the same ones: never a 5xx,
/// always Problem Details, the database byte-for-byte the same. The If-Match is stale, so a mutation that happened to leave
/// a valid workbook still writes nothing.
/// </summary>
[TestClass]
[TestCategory(TestCategories.Slow)]
public sealed class HostileWorkbookTests
{
    private const int Workbooks = 1000;

    [TestMethod]
    public async Task MutatedWorkbooks_AreProblemsAndChangeNothing()
    {
        await using var server = await ApiServer.StartAsync(settings: new Dictionary<string, string> { ["Nlc__RequestsPerMinute"] = "100000" });
        var cityId = await Scenario.CreateCityAsync(server, "Mutation city");
        var (assessmentId, _) = await Scenario.CreateAssessmentAsync(server.Client, cityId);

        await SendMutationsAsync(server, $"/api/v1/assessments/{assessmentId}/workbook", ValidWorkbook(assessmentId, cityId), Workbooks);
    }

    [TestMethod]
    public async Task MutatedActionPlanWorkbooks_AreProblemsAndChangeNothing()
    {
        await using var server = await ApiServer.StartAsync(settings: new Dictionary<string, string> { ["Nlc__RequestsPerMinute"] = "100000" });
        var cityId = await Scenario.CreateCityAsync(server, "Mutation city");
        var action = new { title = "Workshop", targets = new[] { new { practiceId = "GP01", targetLevel = 3 } }, responsible = "Mayor's office", partners = new[] { "OSCE" } };
        using var added = await server.Client.SendAsync(HttpMethod.Post, $"/api/v1/cities/{cityId}/action-plan/actions", action, "\"0\"");
        Assert.AreEqual(201, (int)added.StatusCode, await added.Content.ReadAsStringAsync());
        using var download = await server.Client.GetAsync($"/api/v1/cities/{cityId}/action-plan/workbook");

        await SendMutationsAsync(server, $"/api/v1/cities/{cityId}/action-plan/workbook", await download.Content.ReadAsByteArrayAsync(), Workbooks / 2);
    }

    /// <summary>
    /// Uploads <paramref name="count"/> mutations of <paramref name="valid"/> to <paramref name="url"/> with a stale If-Match:
    /// each must be a problem (4xx, Problem Details), most refused as workbooks, and the database must not change.
    /// </summary>
    private static async Task SendMutationsAsync(ApiServer server, string url, byte[] valid, int count)
    {
        var expensive = new Dictionary<string, byte[]>
        {
            // Built once: each is the same file every time it is sent, and building it is the slow part.
            ["oversized string"] = OversizedString(valid),
            ["zip bomb"] = Rewrite(valid, entries => entries["xl/bomb.xml"] = new byte[200_000_000]),
            ["DTD"] = WithDtd(valid),
        };
        var before = await DatabaseDump.ReadAsync(server.DatabasePath);
        var random = new Random(1000);
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();

        for (var i = 0; i < count; i++)
        {
            var (kind, body) = Mutate(valid, expensive, random);
            using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(XlsxFile.ContentType);
            request.Headers.TryAddWithoutValidation("If-Match", "\"999\"");
            using var response = await server.Client.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status is < 400 or >= 500 || response.ContentType()?.MediaType != "application/problem+json")
            {
                failures.Add($"{kind} → {status} {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.AreEqual(0, failures.Count, string.Join(Environment.NewLine, failures.Take(5)));
        Assert.IsTrue(statuses.GetValueOrDefault(422) > count / 2, "most mutations are refused as workbooks: " + string.Join(", ", statuses));
        Assert.AreEqual(before, await DatabaseDump.ReadAsync(server.DatabasePath));
    }

    [TestMethod]
    public async Task MalformedAndTruncatedForms_AreProblemsAndWriteNothing()
    {
        await using var server = await ApiServer.StartAsync();
        var cityId = await Scenario.CreateCityAsync(server, "Form city");
        var (assessmentId, etag) = await Scenario.CreateAssessmentAsync(server.Client, cityId);
        var workbook = ValidWorkbook(assessmentId, cityId);
        var forms = MalformedForms(workbook);
        var before = await DatabaseDump.ReadAsync(server.DatabasePath);
        var failures = new List<string>();

        foreach (var (kind, contentType, body) in forms)
        {
            // The current version: a form the server wrongly accepted would be written, and seen.
            using var response = await UploadAsync(server, assessmentId, contentType, body, etag);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            if (status is < 400 or >= 500 || response.ContentType()?.MediaType != "application/problem+json" || !text.Contains("\"detail\"", StringComparison.Ordinal))
            {
                failures.Add($"{kind} → {status} {text[..Math.Min(text.Length, 300)]}");
            }
        }

        Assert.AreEqual(0, failures.Count, string.Join(Environment.NewLine, failures));
        Assert.AreEqual(before, await DatabaseDump.ReadAsync(server.DatabasePath));

        using var wellFormed = await UploadAsync(server, assessmentId, "multipart/form-data; boundary=zzz", MultipartForm("zzz", Part("file", "filled.xlsx", workbook)), etag);
        Assert.AreEqual(200, (int)wellFormed.StatusCode, "the same workbook in a well-formed form is imported: " + await wellFormed.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> UploadAsync(ApiServer server, string assessmentId, string contentType, byte[] body, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/workbook") { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await server.Client.SendAsync(request);
    }

    /// <summary>Forms a browser or script could send by mistake or on purpose, each carrying the valid workbook where it carries a file at all.</summary>
    private static (string Kind, string ContentType, byte[] Body)[] MalformedForms(byte[] workbook)
    {
        const string Form = "multipart/form-data; boundary=zzz";
        var part = Part("file", "filled.xlsx", workbook);
        var complete = MultipartForm("zzz", part);
        return
        [
            ("a boundary and nothing else", Form, Ascii("--zzz\r\n\r\n")),
            ("an empty body", Form, []),
            ("only the closing boundary", Form, Ascii("--zzz--\r\n")),
            ("no boundary parameter", "multipart/form-data", complete),
            ("an empty boundary parameter", "multipart/form-data; boundary=", complete),
            ("a boundary the body does not use", "multipart/form-data; boundary=other", complete),
            ("a boundary over the form reader's 128 characters", "multipart/form-data; boundary=" + new string('b', 200), MultipartForm(new string('b', 200), part)),
            ("a part with no headers", Form, MultipartForm("zzz", [.. Ascii("\r\n"), .. workbook])),
            ("a part with no Content-Disposition", Form, MultipartForm("zzz", [.. Ascii("Content-Type: application/octet-stream\r\n\r\n"), .. workbook])),
            ("a header line with no colon", Form, MultipartForm("zzz", [.. Ascii("Content-Disposition form-data\r\n\r\n"), .. workbook])),
            ("a part cut in its headers", Form, Ascii("--zzz\r\nContent-Disposition: form-da")),
            ("a part cut in its content", Form, [.. Ascii("--zzz\r\n"), .. part[..(part.Length / 2)]]),
            ("no final boundary", Form, [.. Ascii("--zzz\r\n"), .. part, .. Ascii("\r\n")]),
            ("a final boundary without its closing dashes", Form, [.. Ascii("--zzz\r\n"), .. part, .. Ascii("\r\n--zzz\r\n")]),
            ("two files", Form, MultipartForm("zzz", part, Part("other", "other.xlsx", workbook))),
            ("no file, only a field", Form, MultipartForm("zzz", Ascii("Content-Disposition: form-data; name=\"note\"\r\n\r\nhello"))),
            ("a file with an empty file name", Form, MultipartForm("zzz", Part("file", "", workbook))),
            ("a header of 40,000 characters", Form, MultipartForm("zzz", Part("file", new string('n', 40_000) + ".xlsx", workbook))),
            ("2,000 headers", Form, MultipartForm("zzz", [.. Ascii(string.Concat(Enumerable.Repeat("X-Filler: x\r\n", 2000))), .. part])),
            ("a file over the body limit", Form, MultipartForm("zzz", Part("file", "big.xlsx", new byte[2 * 1024 * 1024]))),
            ("an empty file", Form, MultipartForm("zzz", Part("file", "empty.xlsx", []))),
            ("a url-encoded form", "application/x-www-form-urlencoded", Ascii("file=UEsDBBQ")),
            ("a multipart type other than form-data", "multipart/mixed; boundary=zzz", complete),
        ];
    }

    /// <summary>One form-data part: its headers, a blank line and the content.</summary>
    private static byte[] Part(string name, string fileName, byte[] content) =>
        [.. Ascii($"Content-Disposition: form-data; name=\"{name}\"; filename=\"{fileName}\"\r\nContent-Type: {XlsxFile.ContentType}\r\n\r\n"), .. content];

    /// <summary>A complete multipart/form-data body with <paramref name="parts"/>, each between boundaries, and the closing boundary.</summary>
    private static byte[] MultipartForm(string boundary, params byte[][] parts) =>
        [.. parts.SelectMany(part => (byte[])[.. Ascii($"--{boundary}\r\n"), .. part, .. Ascii("\r\n")]), .. Ascii($"--{boundary}--\r\n")];

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    [TestMethod]
    public async Task AWorkbookWithAnExternalEntityInItsCoreProperties_IsRefusedAndChangesNothing()
    {
        await using var server = await ApiServer.StartAsync();
        var cityId = await Scenario.CreateCityAsync(server, "Core properties city");
        var (assessmentId, etag) = await Scenario.CreateAssessmentAsync(server.Client, cityId);
        // The core properties part (.psmdcp) is neither .xml nor .rels, but the package reads it as XML.
        var workbook = Rewrite(ValidWorkbook(assessmentId, cityId), entries =>
        {
            var part = entries.Keys.Single(k => k.EndsWith(".psmdcp", StringComparison.Ordinal));
            var xml = Encoding.UTF8.GetString(entries[part]);
            var declarationEnd = xml.IndexOf("?>", StringComparison.Ordinal) + 2;
            entries[part] = Encoding.UTF8.GetBytes(xml[..declarationEnd] + "<!DOCTYPE cp:coreProperties SYSTEM \"file:///etc/passwd\">" + xml[declarationEnd..]);
        });
        var before = await DatabaseDump.ReadAsync(server.DatabasePath);

        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/workbook") { Content = new ByteArrayContent(workbook) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(XlsxFile.ContentType);
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        using var response = await server.Client.SendAsync(request);

        var problem = await response.Content.ReadAsStringAsync();
        Assert.AreEqual(422, (int)response.StatusCode, problem);
        StringAssert.Contains(problem, "declares a DTD or entities");
        Assert.AreEqual(before, await DatabaseDump.ReadAsync(server.DatabasePath));
    }

    private static byte[] ValidWorkbook(string assessmentId, string cityId)
    {
        var rubric = RubricLoader.LoadFile(Path.Combine(RepositoryPaths.Rubrics, "nlc-1.0.0.yaml"));
        var now = DateTimeOffset.UtcNow;
        return new AssessmentWorkbookWriter().Write(
            rubric,
            new Assessment(assessmentId, cityId, "nlc", rubric.Version, "2025", AssessmentStatus.Draft, now, now, null, null, 1),
            new City(cityId, "Mutation city", "ME", null, null, [], now, now, 1),
            rubric.Indicators.Select((indicator, i) => new StoredAnswer(Answer.AtLevel(indicator.Id, i % 5), [], "official", now)).ToArray(),
            "en");
    }

    private static (string Kind, byte[] Body) Mutate(byte[] valid, IReadOnlyDictionary<string, byte[]> expensive, Random random)
    {
        switch (random.Next(7))
        {
            case 0:
                var flipped = (byte[])valid.Clone();
                for (var n = random.Next(1, 8); n > 0; n--)
                {
                    flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
                }

                return ("bit flips", flipped);
            case 1:
                return ("truncated", valid[..random.Next(1, valid.Length - 1)]);
            case 2:
                return ("parts swapped", Rewrite(valid, entries =>
                {
                    var names = entries.Keys.Where(k => k.EndsWith(".xml", StringComparison.Ordinal)).ToArray();
                    var (a, b) = (names[random.Next(names.Length)], names[random.Next(names.Length)]);
                    (entries[a], entries[b]) = (entries[b], entries[a]);
                }));
            case 3:
                return ("part removed", Rewrite(valid, entries => entries.Remove(entries.Keys.ElementAt(random.Next(entries.Count)))));
            case 4:
                return ("oversized string", expensive["oversized string"]);
            case 5:
                return ("zip bomb", expensive["zip bomb"]);
            default:
                return ("DTD", expensive["DTD"]);
        }
    }

    private static byte[] OversizedString(byte[] valid) => Rewrite(valid, entries =>
    {
        var sheet = entries.Keys.First(k => k.StartsWith("xl/worksheets/", StringComparison.Ordinal));
        var xml = Encoding.UTF8.GetString(entries[sheet]);
        var at = xml.IndexOf("<t>", StringComparison.Ordinal) + 3;
        entries[sheet] = Encoding.UTF8.GetBytes(xml[..at] + new string('x', 3_000_000) + xml[at..]);
    });

    private static byte[] WithDtd(byte[] valid) => Rewrite(valid, entries =>
    {
        var sheet = entries.Keys.First(k => k.StartsWith("xl/worksheets/", StringComparison.Ordinal));
        var xml = Encoding.UTF8.GetString(entries[sheet]);
        var declarationEnd = xml.IndexOf("?>", StringComparison.Ordinal) + 2;
        entries[sheet] = Encoding.UTF8.GetBytes(xml[..declarationEnd] + "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + xml[declarationEnd..]);
    });

    private static byte[] Rewrite(byte[] valid, Action<Dictionary<string, byte[]>> change)
    {
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var zip = new ZipArchive(new MemoryStream(valid), ZipArchiveMode.Read))
        {
            foreach (var entry in zip.Entries)
            {
                using var content = new MemoryStream();
                entry.Open().CopyTo(content);
                entries[entry.FullName] = content.ToArray();
            }
        }

        change(entries);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                stream.Write(content);
            }
        }

        return output.ToArray();
    }
}
