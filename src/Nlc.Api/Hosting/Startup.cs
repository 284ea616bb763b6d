using System.Globalization;
using System.Data.Common;
using Microsoft.AspNetCore.DataProtection;
using Nlc.Core.Access;
using Nlc.Core.Languages;
using Nlc.Core.Rubrics;
using Nlc.Storage;
using Nlc.Web.Accounts;

namespace Nlc.Api.Hosting;

/// <summary>What must hold before the server listens: valid rubrics, a migrated database that knows them, and an admin key.</summary>
public static class Startup
{
    /// <summary>
    /// Prepares storage; returns the rubric catalog, or the reason the server must not start, and on a database without
    /// accounts the path of a new one-time invitation for the first admin (printed with the server's address once it listens).
    /// </summary>
    public static async Task<(RubricCatalog? Rubrics, string? Failure, string? FirstAdminInvitationPath)> PrepareAsync(
        Database database, NlcOptions options, string? bootstrapAdminKey, TimeProvider clock, TextWriter console)
    {
        try
        {
            var files = RubricLoader.LoadDirectory(options.ResolvedRubricsPath);
            ReportTranslations(files, console);
            var applied = await Migrator.MigrateAsync(database, clock);
            foreach (var migration in applied)
            {
                console.WriteLine($"Applied database migration {migration.Name} to {database.Description}.");
            }

            // Two servers sharing a PostgreSQL database may start at once: one at a time stores rubrics and creates the first key.
            await using var preparing = await database.HoldPreparationLockAsync();
            var rubrics = await new RubricStore(database, clock).SynchronizeAsync(files);
            var engines = new ScoringEngines(rubrics);
            var backfilled = await new AssessmentStore(database, clock).BackfillSnapshotsAsync(a => engines.For(a.RubricId, a.RubricVersion));
            if (backfilled > 0)
            {
                console.WriteLine($"Stored the scores of {backfilled} validated assessments.");
            }

            var recorded = await new AssessmentStore(database, clock).BackfillScoreRecordsAsync();
            if (recorded > 0)
            {
                console.WriteLine($"Wrote the score records of {recorded} stored scores.");
            }

            await EnsureAdminKeyAsync(new ApiKeyStore(database, clock), bootstrapAdminKey, console);
            var invitationPath = await InviteFirstAdminAsync(new AccountStore(database, clock), options.FirstAdminEmail);
            return (rubrics, null, invitationPath);
        }
        catch (RubricLoadException error)
        {
            return (null, $"The API cannot start: the rubrics in {options.ResolvedRubricsPath} are invalid.{Environment.NewLine}{error.Message}", null);
        }
        catch (DatabaseVersionException error)
        {
            return (null, $"The API cannot start: {error.Message}", null);
        }
        catch (DbException error)
        {
            return (null, $"The API cannot start: the database {database.Description} cannot be used: {error.Message}", null);
        }
    }

    /// <summary>
    /// Makes sure the data-protection key ring (it protects sign-in cookies and antiforgery tokens) has its key before the
    /// server listens, one server at a time. Two servers starting at once on an empty database would otherwise each find no
    /// key, each create and keep using one of their own, and refuse each other's cookies once ASP.NET Core stops reloading
    /// the key ring for an unknown key (two minutes after start).
    /// </summary>
    public static async Task PrepareKeyRingAsync(Database database, IServiceProvider services)
    {
        await using var preparing = await database.HoldPreparationLockAsync();
        // Protecting anything loads the key ring from the database, creating and storing the first key when there is none.
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Nlc.Startup").Protect([]);
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

    private static async Task<string?> InviteFirstAdminAsync(AccountStore accounts, string email)
    {
        if (await accounts.CountAsync() > 0)
        {
            return null;
        }

        var invitation = await accounts.InviteAsync(new NewAccount(email, "Administrator", ApiRole.Admin, []), "system");
        return invitation.Value is null ? null : InvitationLinks.PathOf(invitation.Value.Token);
    }

    /// <summary>Prints the first admin's invitation link at each address the server listens on.</summary>
    public static void PrintFirstAdminInvitation(string path, string email, IEnumerable<string> addresses, TextWriter console)
    {
        console.WriteLine($"No account existed, so an invitation for the first admin ({email}) was created. It works once, for {AccountStore.InvitationLifetime.TotalDays:0} days; open it in a browser to choose the password:");
        foreach (var address in addresses)
        {
            console.WriteLine($"  {address.TrimEnd('/')}{path}");
        }
    }
}
