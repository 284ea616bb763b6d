using Dapper;
using Nlc.Core.Assessments;
using Nlc.Core.Cities;
using Nlc.Core.Periods;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;
using Nlc.Storage;

namespace Nlc.Storage.Demo;

/// <summary>
/// Fills an empty database with a clearly labelled synthetic dataset, so a newcomer sees benchmarks and progress at once:
/// the Western Balkans cities named in the project's source material plus generated ones, each with three periods of
/// made-up, plausibly improving answers. Every city is named "… [synthetic demo]" and tagged "synthetic-demo".
/// The data is invented; it says nothing about the real cities.
/// </summary>
public static class DemoData
{
    /// <summary>The tag every demo city carries.</summary>
    public const string Tag = "synthetic-demo";

    /// <summary>The periods each demo city is assessed in.</summary>
    public static IReadOnlyList<string> Periods { get; } = ["2023", "2024", "2025"];

    private const string Actor = "demo-seed";

    private static readonly (string Name, string Country, string Region, long Population)[] NamedCities =
    [
        ("Danilovgrad", "ME", "Central", 18_000), ("Podgorica", "ME", "Central", 190_000), ("Budva", "ME", "Coastal", 27_000),
        ("Strumica", "MK", "Southeast", 55_000), ("Kumanovo", "MK", "Northeast", 100_000), ("Gostivar", "MK", "Polog", 60_000),
        ("Čair", "MK", "Skopje", 65_000), ("Prizren", "XK", "Prizren", 180_000), ("Prishtina", "XK", "Prishtina", 200_000),
        ("Brčko District", "BA", "Brčko", 83_000), ("Hadžići", "BA", "Sarajevo Canton", 24_000), ("Sarajevo", "BA", "Sarajevo Canton", 275_000),
        ("Novi Pazar", "RS", "Raška", 100_000), ("Elbasan", "AL", "Elbasan", 120_000),
    ];

    private static readonly (string Country, string Region)[] GeneratedHomes =
    [
        ("AL", "Central"), ("BA", "Herzegovina"), ("ME", "North"), ("MK", "Vardar"), ("RS", "Šumadija"), ("XK", "Gjilan"),
    ];

    /// <summary>
    /// Seeds <paramref name="database"/> (migrated, with <paramref name="rubric"/> registered) with the demo data;
    /// refuses a database that already holds cities or assessments. Returns how many cities were created.
    /// </summary>
    public static async Task<int> SeedAsync(Database database, Rubric rubric, TimeProvider clock, int generatedCities = 30, int seed = 2023)
    {
        var existing = await database.ReadAsync(c => c.ExecuteScalarAsync<long>("SELECT (SELECT count(*) FROM cities) + (SELECT count(*) FROM assessments)"));
        if (existing > 0)
        {
            throw new InvalidOperationException(
                "The demo data goes only into an empty database, and this one already holds cities or assessments. Use a new database file (Nlc__DatabasePath).");
        }

        var random = new Random(seed);
        var cities = new CityStore(database, clock);
        var assessments = new AssessmentStore(database, clock);
        var engine = new ScoringEngine(rubric);
        var homes = NamedCities.Concat(Enumerable.Range(1, generatedCities).Select(i =>
        {
            var (country, region) = GeneratedHomes[i % GeneratedHomes.Length];
            return ($"Demo City {i:00}", country, region, (long)random.Next(5_000, 400_000));
        }));

        var count = 0;
        foreach (var (name, country, region, population) in homes)
        {
            var city = await cities.CreateAsync(new NewCity($"{name} [synthetic demo]", country, region, population, [Tag]), Actor);
            await SeedCityAsync(city, rubric, engine, assessments, random);
            count++;
        }

        return count;
    }

    private static async Task SeedCityAsync(City city, Rubric rubric, ScoringEngine engine, AssessmentStore assessments, Random random)
    {
        var maxLevel = rubric.Scale.MaxLevel;
        var levels = rubric.Indicators.ToDictionary(i => i.Id, _ => random.Next(0, 3));
        var notApplicable = rubric.Indicators.Where(i => i.PracticeId == "GP11" && random.NextDouble() < 0.3).Select(i => i.Id).ToHashSet();
        var ambition = random.NextDouble();

        for (var p = 0; p < Periods.Count; p++)
        {
            if (p > 0)
            {
                foreach (var id in levels.Keys.ToArray())
                {
                    var roll = random.NextDouble();
                    levels[id] = roll < 0.25 + (0.35 * ambition) ? Math.Min(maxLevel, levels[id] + 1) : roll > 0.95 ? Math.Max(0, levels[id] - 1) : levels[id];
                }
            }

            var answers = rubric.Indicators.Select(indicator =>
                notApplicable.Contains(indicator.Id) ? Answer.NotApplicable(indicator.Id, "Synthetic demo: no returnees expected")
                : random.NextDouble() < 0.04 ? Answer.DontKnow(indicator.Id, "Synthetic demo")
                : Answer.AtLevel(indicator.Id, levels[indicator.Id], "Synthetic demo answer")).ToArray();

            var created = (await assessments.CreateAsync(city.Id, rubric, Period.Parse(Periods[p]), Actor)).Value!;
            var saved = (await assessments.SaveAnswersAsync(created.Id, created.RowVersion, answers.Select(a => new AnswerInput(a, [])).ToArray(), Actor)).Value!;
            var submitted = (await assessments.TransitionAsync(saved.Id, saved.RowVersion, AssessmentAction.Submit, Actor, engine)).Write.Value!;
            var isLatestAndPending = p == Periods.Count - 1 && random.NextDouble() < 0.15;
            if (!isLatestAndPending)
            {
                await assessments.TransitionAsync(submitted.Id, submitted.RowVersion, AssessmentAction.Validate, Actor, engine);
            }
        }
    }
}
