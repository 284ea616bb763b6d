using Nlc.Core.Rubrics;
using Nlc.Storage.Demo;
using Nlc.Storage;

namespace Nlc.Api.Hosting;

/// <summary>The <c>--seed-demo</c> start-up flag: fills an empty database with the synthetic demo data before serving.</summary>
public static class DemoSeeding
{
    /// <summary>Seeds the demo data; returns null when done, or why it was refused.</summary>
    public static async Task<string?> SeedAsync(Database database, RubricCatalog rubrics, TimeProvider clock, TextWriter console)
    {
        var rubric = rubrics.FindLatest("nlc");
        if (rubric is null)
        {
            return "The demo data needs the 'nlc' rubric, which is not loaded.";
        }

        try
        {
            var cities = await DemoData.SeedAsync(database, rubric, clock);
            console.WriteLine(
                $"Seeded SYNTHETIC demo data: {cities} cities tagged '{DemoData.Tag}', assessed in {string.Join(", ", DemoData.Periods)}. "
                + "The answers are invented and say nothing about the real cities.");
            return null;
        }
        catch (InvalidOperationException refused)
        {
            return $"The demo data was not seeded: {refused.Message}";
        }
    }
}
