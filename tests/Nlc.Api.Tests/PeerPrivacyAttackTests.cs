using System.Text.Json;
using Nlc.Core.Benchmarking;

namespace Nlc.Api.Tests;

/// <summary>
/// The three attacks of issue 10 on peer statistics, over HTTP with a partner key and a city key against the real API (in process).
/// Each attacker reads every figure a response holds for a metric (exact numbers, bands, ranks or quarters) and tries every
/// value 0–100 (step 0.5) for the target's score, keeping those that reproduce every figure. The attacker is given every
/// other member's exact score, more than any real one has: if even it is left with values more than 10 points apart, no
/// attacker recovers the target's score to within ±5. Every indicator of a city is answered at one level, so its overall
/// index and every practice score are level × 25.
/// </summary>
[TestClass]
public sealed class PeerPrivacyAttackTests
{
    private static readonly double[] Candidates = Enumerable.Range(0, 201).Select(i => i * 0.5).ToArray();
    private static readonly string[] Metrics = ["overall", .. Nlc.Core.Rubrics.RubricLoader.LoadFile(RepositoryPaths.ShippedRubric).Practices.Select(p => p.Id)];

    // HR: c1..c4 tagged p and q, X tagged p only, Y tagged q only. AL: exactly k = 5 cities. BA: exactly 2k = 10 cities.
    private static readonly int[] SharedLevels = [1, 2, 3, 4];
    private const int XLevel = 0;
    private const int YLevel = 3;
    private static readonly int[] AlLevels = [0, 1, 2, 3, 4];
    private static readonly int[] BaLevels = [2, 0, 1, 1, 2, 2, 3, 3, 4, 4];
    private const int NewBaLevel = 2;

    private static InProcessApi _server = null!;
    private static readonly Dictionary<string, string> Ids = [];
    private static Dictionary<string, HttpClient> _attackers = null!;
    private static Dictionary<string, HttpClient> _reviewers = null!;

    [ClassInitialize]
    public static async Task Arrange(TestContext _)
    {
        _server = InProcessApi.Start();
        for (var i = 0; i < SharedLevels.Length; i++)
        {
            await City($"Shared {i + 1}", SharedLevels[i], "HR", ["p", "q"]);
        }

        await City("X", XLevel, "HR", ["p"]);
        await City("Y", YLevel, "HR", ["q"]);
        for (var i = 0; i < AlLevels.Length; i++)
        {
            await City($"Albanian {i}", AlLevels[i], "AL", []);
        }

        for (var i = 0; i < BaLevels.Length; i++)
        {
            await City($"Bosnian {i}", BaLevels[i], "BA", []);
        }

        _attackers = new()
        {
            ["partner"] = _server.ClientFor(await Scenario.CreateKeyAsync(_server, "partner")),
            ["city key"] = _server.ClientFor(await Scenario.CreateKeyAsync(_server, "city", Ids["Bosnian 0"], Ids["Shared 1"], Ids["Albanian 0"])),
        };
        _reviewers = new()
        {
            ["hub"] = _server.ClientFor(await Scenario.CreateKeyAsync(_server, "hub")),
            ["admin"] = _server.Client,
        };
    }

    [ClassCleanup]
    public static async Task Cleanup() => await _server.DisposeAsync();

    [TestMethod]
    [DataRow("partner")]
    [DataRow("city key")]
    public async Task TheOverlapAttack_TwoTagsThatDifferInOneCity_RecoversNoScore(string attacker)
    {
        // The value present in P's statistics and absent from Q's used to be X's exact score.
        var p = await GetAsync(_attackers[attacker], "/api/v1/benchmarks?rubricId=nlc&period=2025&tag=p");
        var q = await GetAsync(_attackers[attacker], "/api/v1/benchmarks?rubricId=nlc&period=2025&tag=q");

        foreach (var metric in Metrics)
        {
            AssertNotPinned($"X's {metric}", XLevel * 25.0, x => Reproduces(p, metric, [.. Scores(SharedLevels), x]) && Reproduces(q, metric, [.. Scores(SharedLevels), YLevel * 25.0]));
        }

        if (p is { } refused)
        {
            StringAssert.Contains(refused.Text("detail"), "by tag");
        }
    }

    [TestMethod]
    [DataRow("partner")]
    [DataRow("city key")]
    public async Task AGroupOfExactlyKCities_RecoversNoMembersScore(string attacker)
    {
        // min, q1, median, q3 and max of a group of five used to be the five members' own scores.
        var al = await GetAsync(_attackers[attacker], "/api/v1/benchmarks?rubricId=nlc&period=2025&country=AL");

        for (var target = 0; target < AlLevels.Length; target++)
        {
            var others = Scores(AlLevels.Where((_, i) => i != target).ToArray());
            foreach (var metric in Metrics)
            {
                AssertNotPinned($"Albanian {target}'s {metric}", AlLevels[target] * 25.0, x => Reproduces(al, metric, [.. others, x]));
            }
        }

        StringAssert.Contains(al!.Value.Text("withheldReason"), "at least 10");
    }

    [TestMethod]
    public async Task TheOverTimeAttack_OneGroupBeforeAndAfterOneMoreValidation_RecoversNoScore()
    {
        const string Group = "rubricId=nlc&period=2025&country=BA";
        var position = $"/api/v1/benchmarks/position?cityId={Ids["Bosnian 0"]}&{Group}";
        var city = _attackers["city key"];
        var before = new[]
        {
            await GetAsync(_attackers["partner"], $"/api/v1/benchmarks?{Group}"),
            await GetAsync(city, $"/api/v1/benchmarks?{Group}"),
            await GetAsync(city, position),
        };

        await City("New Bosnian", NewBaLevel, "BA", []);
        var after = new[]
        {
            await GetAsync(_attackers["partner"], $"/api/v1/benchmarks?{Group}"),
            await GetAsync(city, $"/api/v1/benchmarks?{Group}"),
            await GetAsync(city, position),
        };

        // The city key's own city, Bosnian 0, scores what the new city scores: a tie used to show in its percentile rank.
        var own = BaLevels[0] * 25.0;
        foreach (var metric in Metrics)
        {
            AssertNotPinned($"the new city's {metric}", NewBaLevel * 25.0, x => after.All(r => Reproduces(r, metric, [.. Scores(BaLevels), x], own)));

            // Before, the group had exactly 2k = 10 cities: no member is given away either.
            for (var target = 1; target < BaLevels.Length; target++)
            {
                var others = Scores(BaLevels.Where((_, i) => i != target).ToArray());
                AssertNotPinned($"Bosnian {target}'s {metric}", BaLevels[target] * 25.0, x => before.All(r => Reproduces(r, metric, [.. others, x], own)));
            }
        }

        Assert.AreEqual(11, after[0]!.Value.GetProperty("n").GetInt32());
        Assert.AreEqual("q1-median to median-q3", before[2]!.Value.GetProperty("overall").Text("quarter"));
        Assert.AreEqual(40, after[0]!.Value.GetProperty("bands").GetProperty("overall").GetProperty("median").GetProperty("from").GetInt32());
    }

    [TestMethod]
    [DataRow("partner")]
    [DataRow("city key")]
    public async Task TheAssessmentReport_ShowsRestrictedCallersBandsOrWhyNot_NeverExactPeerFigures(string attacker)
    {
        var banded = await SummarySheetAsync(_attackers[attacker], Ids["Bosnian 0's assessment"]);
        var withheld = await SummarySheetAsync(_attackers[attacker], Ids["Albanian 0's assessment"]);
        var exact = await SummarySheetAsync(_reviewers["hub"], Ids["Bosnian 0's assessment"]);

        // Columns D–F hold the peer figures, in the rows of the pillar and practice tables; row 6 the overall index's; column A labels the rows.
        static int RowOf(Dictionary<string, string> sheet, string label) => int.Parse(sheet.Single(c => c.Key[0] == 'A' && c.Value == label).Key[1..], System.Globalization.CultureInfo.InvariantCulture);
        var pillars = RowOf(banded, "Pillar");
        StringAssert.Contains(banded[$"B{RowOf(banded, "Peers")}"], "peer figures are 20-point score bands");
        StringAssert.Contains(banded["D6"], "Peer median in the 40–60 band");
        Assert.AreEqual("40–60", banded[$"E{pillars + 1}"]);
        Assert.IsFalse(banded.Any(c => PeerColumn(banded, c.Key) && double.TryParse(c.Value, System.Globalization.CultureInfo.InvariantCulture, out _)), "a restricted report holds an exact peer figure");
        StringAssert.Contains(withheld[$"B{RowOf(withheld, "Peers")}"], "Peer figures are not shown: The group has 5 cities");
        Assert.IsFalse(withheld.Any(c => PeerColumn(withheld, c.Key) && c.Value.Length > 0), "a withheld group shows no peer figures");
        Assert.AreEqual(50.0, double.Parse(exact[$"E{RowOf(exact, "Pillar") + 1}"], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A cell of the peer columns D–F in the pillar or practice table (below the "Pillar" header, other than the "Practice" header).</summary>
    private static bool PeerColumn(Dictionary<string, string> sheet, string cell)
    {
        static int Row(string reference) => int.Parse(reference[1..], System.Globalization.CultureInfo.InvariantCulture);
        var pillarHeader = Row(sheet.Single(c => c.Key[0] == 'A' && c.Value == "Pillar").Key);
        var practiceHeader = Row(sheet.Single(c => c.Key[0] == 'A' && c.Value == "Practice").Key);
        return cell[0] is 'D' or 'E' or 'F' && Row(cell) > pillarHeader && Row(cell) != practiceHeader;
    }


    /// <summary>Every non-empty cell of the report's Summary sheet, as text, by reference.</summary>
    private static async Task<Dictionary<string, string>> SummarySheetAsync(HttpClient client, string assessmentId)
    {
        using var response = await client.GetAsync($"/api/v1/assessments/{assessmentId}/report?lang=en");
        Assert.AreEqual(200, (int)response.StatusCode);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.AreEqual(0, new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Count(), "the report is a valid workbook");
        var book = document.WorkbookPart!;
        var sheet = book.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == "Summary");
        var part = (DocumentFormat.OpenXml.Packaging.WorksheetPart)book.GetPartById(sheet.Id!);
        var shared = book.SharedStringTablePart?.SharedStringTable.Elements<DocumentFormat.OpenXml.Spreadsheet.SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        return part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToDictionary(
            c => c.CellReference!.Value!,
            c => c.DataType?.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text)]
                : c.DataType?.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString ? c.InlineString!.InnerText
                : c.CellValue?.Text ?? "");
    }

    [TestMethod]
    public async Task HubAndAdmin_GetTheSameBytesAsBeforeTheChange()
    {
        // Recorded from the code before restricted callers got bands (ids replaced by city names): exact figures, min/max, ranks, rankings.
        const string Group = "rubricId=nlc&period=2025";
        string[] urls =
        [
            $"/api/v1/benchmarks?{Group}&country=HR",
            $"/api/v1/benchmarks?{Group}&tag=p",
            $"/api/v1/benchmarks?{Group}&country=AL",
            $"/api/v1/benchmarks?{Group}&country=HR&tag=q",
            $"/api/v1/benchmarks?{Group}&cityIds={Ids["X"]},{Ids["Y"]}",
            $"/api/v1/benchmarks/position?cityId={Ids["Shared 1"]}&{Group}&country=HR",
            $"/api/v1/benchmarks/position?cityId={Ids["X"]}&{Group}&tag=p",
            $"/api/v1/benchmarks/ranking?{Group}&country=HR&metric=practice:GP01",
            $"/api/v1/benchmarks/ranking?{Group}&country=AL",
        ];
        var seen = new System.Text.StringBuilder();
        foreach (var (role, client) in _reviewers)
        {
            foreach (var url in urls)
            {
                using var response = await client.SendAsync(HttpMethod.Get, url);
                seen.Append($"{role} {(int)response.StatusCode} {Anonymous(url)}\n{Anonymous(await response.Content.ReadAsStringAsync())}\n");
            }
        }

        var golden = Path.Combine(RepositoryPaths.Root, "tests", "Nlc.Api.Tests", "Golden", "benchmarks-hub-admin.txt");
        if (!File.Exists(golden))
        {
            await File.WriteAllTextAsync(golden, seen.ToString());
            Assert.Fail($"Recorded {golden}; run again to compare.");
        }

        Assert.AreEqual(await File.ReadAllTextAsync(golden), seen.ToString());
    }

    private static string Anonymous(string text) =>
        Ids.OrderByDescending(i => i.Value.Length).Aggregate(text, (t, id) => t.Replace(id.Value, $"<{id.Key}>", StringComparison.Ordinal));

    /// <summary>The response's JSON, or null when the request was refused (then nothing is released).</summary>
    private static async Task<JsonElement?> GetAsync(HttpClient client, string url)
    {
        using var response = await client.SendAsync(HttpMethod.Get, url);
        var json = await response.JsonAsync();
        if ((int)response.StatusCode == 403)
        {
            StringAssert.Contains(json.Text("detail"), "City and partner keys may not");
            return null;
        }

        Assert.AreEqual(200, (int)response.StatusCode, json.ToString());
        return json;
    }

    private static void AssertNotPinned(string what, double truth, Func<double, bool> consistent)
    {
        var values = Candidates.Where(consistent).ToArray();
        CollectionAssert.Contains(values, truth, $"{what}: the attacker's candidates must include the truth");
        Assert.IsTrue(values.Max() - values.Min() > 10, $"{what} ({truth}) is pinned to [{values.Min()}, {values.Max()}]");
    }

    /// <summary>Whether a group holding <paramref name="values"/> for <paramref name="metric"/> gives every figure <paramref name="response"/> shows for it.</summary>
    private static bool Reproduces(JsonElement? response, string metric, IReadOnlyList<double> values, double? own = null)
    {
        if (response is not { } json)
        {
            return true;
        }

        var figures = new List<JsonElement>();
        void Collect(JsonElement holder)
        {
            if (metric == "overall" && holder.TryGetProperty("overall", out var overall))
            {
                figures.Add(overall);
            }
            else if (holder.TryGetProperty("practices", out var practices) && practices.ValueKind == JsonValueKind.Object && practices.TryGetProperty(metric, out var practice))
            {
                figures.Add(practice);
            }
        }

        Collect(json);
        foreach (var holder in new[] { "bands", "group" })
        {
            if (json.TryGetProperty(holder, out var inner) && inner.ValueKind == JsonValueKind.Object)
            {
                Collect(inner);
                if (inner.TryGetProperty("bands", out var groupBands) && groupBands.ValueKind == JsonValueKind.Object)
                {
                    Collect(groupBands);
                }
            }
        }

        var exact = Distribution.Of(values)!;
        return figures.Where(f => f.ValueKind == JsonValueKind.Object).SelectMany(f => f.EnumerateObject()).All(figure => figure.Name switch
        {
            "n" => figure.Value.GetInt32() == values.Count,
            "min" => Same(figure.Value, exact.Min),
            "max" => Same(figure.Value, exact.Max),
            "mean" => Same(figure.Value, exact.Mean),
            "q1" => Same(figure.Value, exact.Q1),
            "median" => Same(figure.Value, exact.Median),
            "q3" => Same(figure.Value, exact.Q3),
            "percentileRank" => figure.Value.ValueKind == JsonValueKind.Null || Same(figure.Value, Distribution.PercentileRank(values.ToArray(), own!.Value)),
            // BEGIN quarter (the old code has no quarter)
            "quarter" => figure.Value.ValueKind == JsonValueKind.Null || figure.Value.GetString() == RestrictedRelease.Quarter(own!.Value, BandedDistribution.Of(exact)),
            // END quarter
            _ => true,
        });
    }

    /// <summary>An exact figure equals the value; a band {from, to} holds it (100 in the top band).</summary>
    private static bool Same(JsonElement figure, double value) => figure.ValueKind switch
    {
        JsonValueKind.Number => Math.Abs(figure.GetDouble() - value) < 1e-9,
        JsonValueKind.Object => figure.GetProperty("from").GetDouble() <= value
            && (value < figure.GetProperty("to").GetDouble() || (value == 100 && figure.GetProperty("to").GetDouble() == 100)),
        _ => true,
    };

    private static double[] Scores(int[] levels) => levels.Select(l => l * 25.0).ToArray();

    private static async Task City(string name, int level, string country, string[] tags)
    {
        var (cityId, assessmentId) = await Scenario.ValidatedAssessmentAsync(_server, name, level, country, tags);
        Ids[name] = cityId;
        Ids[$"{name}'s assessment"] = assessmentId;
    }
}
