using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;
using Nlc.Core.Storage;
using Nlc.Excel;
using Nlc.Excel.FillIn;

namespace Nlc.Api.Tests;

/// <summary>
/// 1,000 mutated workbooks (bit flips, truncations, swapped and renamed parts, oversized strings, a zip bomb, a DTD) uploaded
/// to the API, seeded so every run sends the same ones: never a 5xx, always Problem Details, the database byte-for-byte the
/// same. The If-Match is stale, so a mutation that happened to leave a valid workbook still writes nothing.
/// </summary>
[TestClass]
public sealed class HostileWorkbookTests
{
    private const int Workbooks = 1000;

    [TestMethod]
    public async Task MutatedWorkbooks_AreProblemsAndChangeNothing()
    {
        await using var server = await ApiServer.StartAsync(settings: new Dictionary<string, string> { ["Nlc__RequestsPerMinute"] = "100000" });
        var cityId = await Scenario.CreateCityAsync(server, "Mutation city");
        var (assessmentId, _) = await Scenario.CreateAssessmentAsync(server.Client, cityId);
        var valid = ValidWorkbook(assessmentId, cityId);
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

        for (var i = 0; i < Workbooks; i++)
        {
            var (kind, body) = Mutate(valid, expensive, random);
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/assessments/{assessmentId}/workbook") { Content = new ByteArrayContent(body) };
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
        Assert.IsTrue(statuses.GetValueOrDefault(422) > Workbooks / 2, "most mutations are refused as workbooks: " + string.Join(", ", statuses));
        Assert.AreEqual(before, await DatabaseDump.ReadAsync(server.DatabasePath));
    }

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
