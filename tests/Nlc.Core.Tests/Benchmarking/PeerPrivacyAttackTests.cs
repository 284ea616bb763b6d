using Nlc.Core.Benchmarking;

namespace Nlc.Core.Tests.Benchmarking;

/// <summary>
/// The three attacks of issue 10 on peer statistics, run as an attacker would against what a city or partner key is shown.
/// The attacker here is stronger than any real one: besides every release, it knows every other city's exact scores, and
/// tries every value 0–100 (step 0.5) for the target's score, keeping those that reproduce the releases exactly. If even
/// this attacker is left with values more than 10 points apart, no attacker can pin the target's score to within ±5.
/// </summary>
[TestClass]
public sealed class PeerPrivacyAttackTests
{
    private static readonly double[] Candidates = Enumerable.Range(0, 201).Select(i => i * 0.5).ToArray();

    [TestMethod]
    [DataRow(4)]
    [DataRow(9)]
    public void TheOverlapAttack_TwoTagsThatDifferInOneCity_RecoversNoScore(int shared)
    {
        // P = {X, c1..cn} and Q = {Y, c1..cn}: the value in P's statistics and not in Q's used to be X's exact score.
        var cities = Enumerable.Range(1, shared).Select(i => City($"c{i}", "ME", tags: ["p", "q"]))
            .Append(City("X", "ME", tags: ["p"]))
            .Append(City("Y", "ME", tags: ["q"]))
            .ToArray();

        foreach (var metric in RestrictedView.Metrics)
        {
            AssertNotPinned(cities, "X", metric, c => RestrictedView.Of(c, new PeerGroupFilter(Tag: "p"), metric) + " | " + RestrictedView.Of(c, new PeerGroupFilter(Tag: "q"), metric));
        }
    }

    [TestMethod]
    public void TheOverlapAttack_TwoFixedPartitionsThatDifferInOneCity_RecoversNoScore()
    {
        // Region names are free text, so region "Border" = {X in AL, c1..c9 in BA} and country BA = {Y, c1..c9} are both allowed groups of 10.
        var cities = Enumerable.Range(1, 9).Select(i => City($"c{i}", "BA", region: "Border"))
            .Append(City("X", "AL", region: "Border"))
            .Append(City("Y", "BA", region: "Inland"))
            .ToArray();

        foreach (var metric in RestrictedView.Metrics)
        {
            AssertNotPinned(cities, "X", metric, c => RestrictedView.Of(c, new PeerGroupFilter(Region: "Border"), metric) + " | " + RestrictedView.Of(c, new PeerGroupFilter(Country: "BA"), metric));
        }
    }

    [TestMethod]
    [DataRow(5)]
    [DataRow(10)]
    public void AGroupOfExactlyKOr2KCities_RecoversNoMembersScore(int size)
    {
        // In a group of five, min, q1, median, q3 and max were the five members' own scores.
        var cities = Enumerable.Range(0, size).Select(i => City($"c{i}", "AL")).ToArray();

        foreach (var target in cities)
        {
            foreach (var metric in RestrictedView.Metrics)
            {
                AssertNotPinned(cities, target.CityId, metric, c => RestrictedView.Of(c, new PeerGroupFilter(Country: "AL"), metric) ?? "refused");
            }
        }
    }

    [TestMethod]
    [DataRow(null, null, DisplayName = "partner")]
    [DataRow(50.0, null, DisplayName = "city key in the middle")]
    [DataRow(95.0, 97.0, DisplayName = "city key at 95, new city at 97")]
    [DataRow(62.5, 62.5, DisplayName = "city key tied with the new city")]
    public void TheOverTimeAttack_OneGroupBeforeAndAfterOneMoreValidation_RecoversNoScoreOfTheNewCity(double? ownScore, double? newCityScore)
    {
        // One allowed group asked with n = 10, then again with n = 11: the change in n × mean used to be the new city's score.
        var before = Enumerable.Range(0, 10).Select(i => City($"c{i}", "BA")).ToList();
        if (ownScore is { } own)
        {
            before[0] = City("c0", "BA", fixedScore: own);
        }

        var after = before.Append(newCityScore is { } score ? City("X", "BA", fixedScore: score) : City("X", "BA")).ToArray();
        var group = new PeerGroupFilter(Country: "BA");

        foreach (var metric in RestrictedView.Metrics)
        {
            double? Own(IReadOnlyList<PeerCity> cities) => ownScore is null ? null : Score(cities.Single(c => c.CityId == "c0"), metric);
            var asked = RestrictedView.Of(before, group, metric, Own(before));
            AssertNotPinned(after, "X", metric, c => asked + " | " + RestrictedView.Of(c, group, metric, Own(c)));
        }
    }

    /// <summary>Tries every candidate score for <paramref name="targetId"/>'s <paramref name="metric"/> and keeps those that give the same releases.</summary>
    private static void AssertNotPinned(IReadOnlyList<PeerCity> cities, string targetId, string metric, Func<IReadOnlyList<PeerCity>, string> releases)
    {
        var actual = releases(cities);
        var consistent = Candidates
            .Where(x => releases(cities.Select(c => c.CityId == targetId ? WithScore(c, metric, x) : c).ToArray()) == actual)
            .ToArray();

        var truth = Score(cities.Single(c => c.CityId == targetId), metric);
        CollectionAssert.Contains(consistent, truth, "the attacker's candidates must include the truth");
        Assert.IsTrue(
            consistent.Max() - consistent.Min() > 10,
            $"{targetId}'s {metric} ({truth}) is pinned to [{consistent.Min()}, {consistent.Max()}] by: {actual}");
    }

    private static double Score(PeerCity city, string metric) => (metric == "overall" ? city.City.Overall : city.City.Practices[metric])!.Value;

    /// <summary>A city whose scores are spread over the scale, different for each metric, derived from its id (or all <paramref name="fixedScore"/>).</summary>
    private static PeerCity City(string id, string country, string? region = null, string[]? tags = null, double? fixedScore = null)
    {
        var seed = id.Aggregate(17, (h, ch) => (h * 31) + ch);
        double Spread(int metric) => fixedScore ?? Math.Round(Math.Abs((seed * (metric + 7) * 2654435761L) % 1000) / 10.0 * 2) / 2;
        return new PeerCity(country, region, 20_000, tags ?? [], Scored(id, Spread(0), Spread(1), Spread(2), Spread(3)));
    }

    private static PeerCity WithScore(PeerCity city, string metric, double x)
    {
        var s = city.City;
        double At(string m) => m == metric ? x : Score(city, m);
        return city with { City = Scored(s.CityId, At("overall"), At("P1"), At("P2"), At("P3")) };
    }

    private static ScoredCity Scored(string id, double overall, double p1, double p2, double p3) => new(
        id, $"City {id}", $"a-{id}", "1.0.0", overall,
        new Dictionary<string, double?> { ["a"] = overall },
        new Dictionary<string, double?> { ["P1"] = p1, ["P2"] = p2, ["P3"] = p3 });
}
