using System.Globalization;
using Microsoft.Data.Sqlite;
using Nlc.Api.Scores;
using Nlc.Core.Access;
using Nlc.Core.Languages;
using Nlc.Core.Rubrics;
using Nlc.Storage;

namespace Nlc.Api.Hosting;

/// <summary>What must hold before the server listens: valid rubrics, a migrated database that knows them, and an admin key.</summary>
public static class Startup
{
    /// <summary>Prepares storage; returns the rubric catalog, or the reason the server must not start.</summary>
    public static async Task<(RubricCatalog? Rubrics, string? Failure)> PrepareAsync(
        SqliteDatabase database, NlcOptions options, string? bootstrapAdminKey, TimeProvider clock, TextWriter console)
    {
        try
        {
            var files = RubricLoader.LoadDirectory(options.ResolvedRubricsPath);
            ReportTranslations(files, console);
            var applied = await Migrator.MigrateAsync(database, clock);
            foreach (var migration in applied)
            {
                console.WriteLine($"Applied database migration {migration.Name} to {database.Path}.");
            }

            var rubrics = await new RubricStore(database, clock).SynchronizeAsync(files);
            var engines = new ScoringEngines(rubrics);
            var backfilled = await new AssessmentStore(database, clock).BackfillSnapshotsAsync(a => engines.For(a.RubricId, a.RubricVersion));
            if (backfilled > 0)
            {
                console.WriteLine($"Stored the scores of {backfilled} validated assessments.");
            }

            await EnsureAdminKeyAsync(new ApiKeyStore(database, clock), bootstrapAdminKey, console);
            return (rubrics, null);
        }
        catch (RubricLoadException error)
        {
            return (null, $"The API cannot start: the rubrics in {options.ResolvedRubricsPath} are invalid.{Environment.NewLine}{error.Message}");
        }
        catch (DatabaseVersionException error)
        {
            return (null, $"The API cannot start: {error.Message}");
        }
        catch (SqliteException error)
        {
            return (null, $"The API cannot start: the database {database.Path} cannot be used: {error.Message}");
        }
    }

    /// <summary>Says what each translation covers; its gaps are warnings, served in English text by text, not reasons to stop.</summary>
    private static void ReportTranslations(RubricCatalog rubrics, TextWriter console)
    {
        const int Shown = 20;
        foreach (var rubric in rubrics.All)
        {
            // Serbian Cyrillic is made from Serbian Latin and shares its report: said once.
            foreach (var translation in rubric.Translations.Where(t => t.Language != SupportedLanguages.SerbianCyrillic))
            {
                var report = translation.Report;
                console.WriteLine(
                    $"Translation of {rubric.Key} into {translation.Language}: revision {translation.Revision}, {translation.Review.ToString().ToLowerInvariant()}, "
                    + $"{report.Translated} of {report.Total} texts ({Math.Floor(report.Coverage * 100).ToString(CultureInfo.InvariantCulture)}%)"
                    + (report.Problems.Count == 0 ? "." : $"; {report.Problems.Count} warning(s), these texts are served in English:"));
                foreach (var problem in report.Problems.Take(Shown))
                {
                    console.WriteLine($"  warning: {problem}");
                }

                if (report.Problems.Count > Shown)
                {
                    console.WriteLine($"  … and {report.Problems.Count - Shown} more.");
                }
            }
        }
    }

    private static async Task EnsureAdminKeyAsync(ApiKeyStore keys, string? bootstrapAdminKey, TextWriter console)
    {
        if (await keys.CountAsync() > 0)
        {
            return;
        }

        if (!string.IsNullOrWhiteSpace(bootstrapAdminKey))
        {
            await keys.CreateAsync("bootstrap admin", ApiRole.Admin, [], "system", bootstrapAdminKey.Trim());
            console.WriteLine("Created the admin key given by NLC_BOOTSTRAP_ADMIN_KEY.");
            return;
        }

        var (_, secret) = await keys.CreateAsync("bootstrap admin", ApiRole.Admin, [], "system");
        console.WriteLine("No API key existed, so an admin key was created. It is shown only this once; keep it safe:");
        console.WriteLine($"  {secret}");
    }
}
