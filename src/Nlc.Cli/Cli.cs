using System.Globalization;
using System.Resources;
using Nlc.Core.Languages;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;
using Nlc.Excel.FillIn;
using Nlc.Excel.Import;
using Nlc.Excel.Reports;
using Nlc.Excel.Translations;

namespace Nlc.Cli;

/// <summary>
/// The offline command line: <c>blank</c> writes a workbook to fill in, <c>score</c> reads a filled-in one, prints its
/// scores and writes its report next to it, <c>translations export/import</c> is the translators' round trip through
/// Excel. Errors are one clear message each and a non-zero exit code, never a stack trace. What the workbook and report
/// commands print is in the language they wrote (Resources/CliText.resx), and they never claim a language they did not write.
/// </summary>
public static class Cli
{
    /// <summary>Exit code: the command ran.</summary>
    public const int ExitOk = 0;

    /// <summary>Exit code: the input was refused (a workbook or rubric with problems, or a file that cannot be read or written).</summary>
    public const int ExitRefused = 1;

    /// <summary>Exit code: the command line itself was wrong.</summary>
    public const int ExitWrongUsage = 2;

    private const string UsageText = """
        Usage:
          nlc blank --rubric <rubric.yaml> [--lang <locale>] [--out <file.xlsx>]
              Writes a blank workbook to fill in (default file: <rubric id>-<version>.<locale>.xlsx).
          nlc score <filled.xlsx> [--rubrics <folder>] [--lang <locale>] [--out <report.xlsx>]
              Reads a filled-in workbook, prints its scores and writes its report
              (default file: <filled>.report.xlsx next to it). Rubrics are looked up in --rubrics,
              else ./rubrics, else the rubrics shipped with this tool.
          nlc translations export --lang <language> [--rubrics <folder>] [--out <file.xlsx>]
              Writes the translation workbook of one language (sq, mk, sr-Latn, bs, hr) for a translator to
              review: id, where the text is used, the English source, the current translation, its status, a comment.
          nlc translations import <file.xlsx> [--rubrics <folder>]
              Reads a reviewed translation workbook back into <rubrics>/translations/<rubric>-<version>/<language>.yaml:
              all or nothing, every problem named by its cell; only changed texts change, and the revision is raised.
          nlc backup --database <nlc.db> --to <backup.db>
              Writes a consistent copy of a database, even while the API is running and writing to it.
              To restore, stop the API and put the copy in place of the database.
          nlc copy-to-postgres --database <nlc.db> --to <postgres connection string>
              Copies every row of a SQLite database into a new, empty PostgreSQL database in one transaction,
              then compares every row of both. Stop the API first. Example connection string:
              "Host=db.example.org;Database=nlc;Username=nlc;Password=…"
        """;

    /// <summary>Runs the command in <paramref name="args"/>, writing results to <paramref name="output"/> and errors to <paramref name="error"/>; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
            {
                output.WriteLine(UsageText);
                return args.Length == 0 ? ExitWrongUsage : ExitOk;
            }

            var (positional, options) = Parse(args.Skip(1));
            return args[0] switch
            {
                "blank" => Blank(positional, options, output),
                "score" => Score(positional, options, output, error),
                "backup" => Backup(positional, options, output),
                "translations" => Translations(positional, options, output, error),
                "copy-to-postgres" => CopyToPostgres(positional, options, output),
                _ => throw new UsageException($"unknown command '{args[0]}'"),
            };
        }
        catch (UsageException e)
        {
            error.WriteLine($"error: {e.Message}");
            error.WriteLine(UsageText);
            return ExitWrongUsage;
        }
        catch (RubricLoadException e)
        {
            error.WriteLine("error: the rubric files have problems:");
            foreach (var problem in e.Problems)
            {
                error.WriteLine($"  {problem}");
            }

            return ExitRefused;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitRefused;
        }
        catch (Exception e)
        {
            // Anything else is a defect of this tool, still reported as one line; NLC_DEBUG=1 shows the details.
            error.WriteLine($"error: {e.Message}");
            if (Environment.GetEnvironmentVariable("NLC_DEBUG") == "1")
            {
                error.WriteLine(e);
            }

            return ExitRefused;
        }
    }

    private static int Backup(List<string> positional, Dictionary<string, string> options, TextWriter output)
    {
        Allow(options, "database", "to");
        if (positional.Count > 0)
        {
            throw new UsageException($"backup takes no file argument ('{positional[0]}'); use --database and --to");
        }

        var database = options.GetValueOrDefault("database") ?? throw new UsageException("backup needs --database <nlc.db>");
        var target = options.GetValueOrDefault("to") ?? throw new UsageException("backup needs --to <backup.db>");
        if (!File.Exists(database))
        {
            throw new FileNotFoundException($"the database '{database}' does not exist");
        }

        var bytes = Nlc.Storage.DatabaseBackup.BackupAsync(new Nlc.Storage.SqliteDatabase(database), target).GetAwaiter().GetResult();
        output.WriteLine($"Wrote {target}: a consistent copy of {database}, {bytes:N0} bytes.");
        return ExitOk;
    }

    private static int CopyToPostgres(List<string> positional, Dictionary<string, string> options, TextWriter output)
    {
        Allow(options, "database", "to");
        if (positional.Count > 0)
        {
            throw new UsageException($"copy-to-postgres takes no file argument ('{positional[0]}'); use --database and --to");
        }

        var database = options.GetValueOrDefault("database") ?? throw new UsageException("copy-to-postgres needs --database <nlc.db>");
        var connectionString = options.GetValueOrDefault("to") ?? throw new UsageException("copy-to-postgres needs --to <postgres connection string>");
        if (!File.Exists(database))
        {
            throw new FileNotFoundException($"the database '{database}' does not exist");
        }

        var target = new Nlc.Storage.PostgresDatabase(connectionString);
        try
        {
            var report = Nlc.Storage.DatabaseCopy.CopyAsync(new Nlc.Storage.SqliteDatabase(database), target, TimeProvider.System).GetAwaiter().GetResult();
            foreach (var (table, rows) in report.Tables)
            {
                output.WriteLine($"  {table}: {rows:N0} rows");
            }

            output.WriteLine($"Copied {report.Rows:N0} rows from {database} into the {target.Description}; every row of every table compares equal.");
            return ExitOk;
        }
        finally
        {
            target.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static int Blank(List<string> positional, Dictionary<string, string> options, TextWriter output)
    {
        Allow(options, "rubric", "lang", "out");
        if (positional.Count > 0)
        {
            throw new UsageException($"blank takes no file argument ('{positional[0]}'); give the rubric with --rubric");
        }

        var rubricPath = options.GetValueOrDefault("rubric") ?? throw new UsageException("blank needs --rubric <rubric.yaml>");
        if (!File.Exists(rubricPath))
        {
            throw new FileNotFoundException($"the rubric file '{rubricPath}' does not exist");
        }

        var rubric = WithTranslations(RubricLoader.LoadFile(rubricPath), rubricPath);
        var requested = options.GetValueOrDefault("lang");
        var language = AssessmentWorkbookWriter.ServedLanguage(rubric, requested);
        var path = options.GetValueOrDefault("out") ?? $"{rubric.Id}-{rubric.Version}.{language}.xlsx";
        Save(path, new AssessmentWorkbookWriter().WriteBlank(rubric, language));
        SayServed(output, requested, language, rubric);
        output.WriteLine(Text.Format("Blank.Wrote", language, path, rubric.Key, Text.Get("LanguageName", language), language, rubric.Indicators.Count));
        return ExitOk;
    }

    private static int Score(List<string> positional, Dictionary<string, string> options, TextWriter output, TextWriter error)
    {
        Allow(options, "rubrics", "lang", "out");
        if (positional.Count != 1)
        {
            throw new UsageException(positional.Count == 0 ? "score needs the workbook to read" : "score reads one workbook at a time");
        }

        var path = positional[0];
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"the workbook '{path}' does not exist");
        }

        var catalog = RubricLoader.LoadDirectory(RubricFolder(options.GetValueOrDefault("rubrics")));
        WorkbookImport workbook;
        try
        {
            using var stream = File.OpenRead(path);
            workbook = new AssessmentWorkbookReader(catalog).Read(stream, options.GetValueOrDefault("lang"));
        }
        catch (WorkbookRejectedException e)
        {
            error.WriteLine(Text.Format("Score.Refused", SupportedLanguages.Match(options.GetValueOrDefault("lang")) ?? SupportedLanguages.English, path, e.Problems.Count));
            foreach (var problem in e.Problems)
            {
                error.WriteLine($"  {problem}");
            }

            return ExitRefused;
        }

        var metadata = workbook.Metadata;
        var rubric = workbook.Rubric;
        var requested = options.GetValueOrDefault("lang") ?? metadata.Language;
        var language = AssessmentWorkbookWriter.ServedLanguage(rubric, requested);
        var score = new ScoringEngine(rubric).Score(workbook.Answers.Select(a => a.Answer).ToArray());
        var heading = new ReportHeading(
            metadata.CityName ?? Path.GetFileNameWithoutExtension(path), metadata.Period ?? Text.Get("Score.PeriodNotGiven", language), AssessmentId: metadata.AssessmentId);
        var reportPath = options.GetValueOrDefault("out") ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileNameWithoutExtension(path) + ".report.xlsx");
        Save(reportPath, AssessmentReportWriter.Write(rubric, score, heading, language));

        SayServed(output, requested, language, rubric);
        var c = score.Completeness;
        output.WriteLine(Text.Format("Score.Summary", language, path, rubric.Key + (metadata.AssessmentId is null ? "" : $", {metadata.AssessmentId}"), c.Answered, c.Total, c.NotApplicable, c.DontKnow));
        output.WriteLine(Text.Format("Score.Overall", language, Show(score.Overall, language)));
        foreach (var pillar in rubric.Pillars)
        {
            var value = score.Pillars.First(p => p.PillarId == pillar.Id).Score;
            output.WriteLine($"  {pillar.Title.Get(language),-20} {(value is null ? Text.Get("Score.PillarNoScore", language) : Show(value, language))}");
        }

        if (score.Gaps.Count > 0)
        {
            output.WriteLine(Text.Get("Score.NextSteps", language));
            foreach (var gap in score.Gaps.Take(3))
            {
                output.WriteLine(Text.Format("Score.Step", language, gap.IndicatorId, gap.NextLevel, gap.OverallGain, gap.NextStep.Get(language)));
            }
        }

        output.WriteLine(Text.Format("Score.Report", language, reportPath));
        return ExitOk;
    }

    /// <summary>The CLI's own texts, in the language of the file a command wrote.</summary>
    private static readonly TextCatalog Text = new(new ResourceManager("Nlc.Cli.Resources.CliText", typeof(Cli).Assembly));

    /// <summary>Says so when the language asked for is not the one written, and when the one written is a draft translation.</summary>
    private static void SayServed(TextWriter output, string? requested, string language, Rubric rubric)
    {
        if (!string.IsNullOrWhiteSpace(requested) && SupportedLanguages.Match(requested) != language)
        {
            output.WriteLine(Text.Format("Lang.NotServed", language, requested, Text.Get("LanguageName", language), language));
        }

        if (language != SupportedLanguages.English && rubric.Translation(language)?.Review != ReviewStatus.Reviewed)
        {
            output.WriteLine(Text.Get("Lang.Draft", language));
        }
    }

    /// <summary>
    /// The rubric of <paramref name="path"/> with the translations beside it (its folder's translations/), when that folder
    /// loads; else the rubric alone, in English.
    /// </summary>
    private static Rubric WithTranslations(Rubric rubric, string path)
    {
        try
        {
            return RubricLoader.LoadDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!).Find(rubric.Id, rubric.Version) ?? rubric;
        }
        catch (RubricLoadException)
        {
            return rubric;
        }
    }

    private static int Translations(List<string> positional, Dictionary<string, string> options, TextWriter output, TextWriter error)
    {
        var action = positional.FirstOrDefault() ?? throw new UsageException("translations needs export or import");
        var folder = RubricFolder(options.GetValueOrDefault("rubrics"));
        var catalog = RubricLoader.LoadDirectory(folder);
        switch (action)
        {
            case "export":
            {
                Allow(options, "lang", "rubrics", "out", "rubric");
                var requested = options.GetValueOrDefault("lang") ?? throw new UsageException("translations export needs --lang <language>");
                var language = SupportedLanguages.Translated.FirstOrDefault(l => l == SupportedLanguages.Match(requested))
                    ?? throw new UsageException($"'{requested}' is not a language translated by file; expected one of {string.Join(", ", SupportedLanguages.Translated)}");
                var rubric = catalog.FindLatest(options.GetValueOrDefault("rubric") ?? "nlc") ?? throw new UsageException("no such rubric in the rubric folder");
                var file = ReadTranslationFile(TranslationFile.PathFor(folder, rubric, language), rubric, language);
                var path = options.GetValueOrDefault("out") ?? $"{rubric.Id}-{rubric.Version}.{language}.translation.xlsx";
                Save(path, TranslationWorkbookWriter.Write(rubric, file));
                var english = RubricTexts.Of(rubric).ToDictionary(t => t.Key, t => t.Value.ToString(), StringComparer.Ordinal);
                var translated = english.Count(t => file.Texts.TryGetValue(t.Key, out var e) && e.Text.Length > 0 && e.Source == t.Value);
                var missing = english.Count(t => !file.Texts.TryGetValue(t.Key, out var e) || e.Text.Length == 0);
                output.WriteLine(Text.Format("Translations.Exported", SupportedLanguages.English, path, language, rubric.Key, english.Count, translated, missing, english.Count - translated - missing));
                return ExitOk;
            }

            case "import":
            {
                Allow(options, "rubrics");
                if (positional.Count != 2)
                {
                    throw new UsageException("translations import reads one workbook: nlc translations import <file.xlsx>");
                }

                var path = positional[1];
                if (!File.Exists(path))
                {
                    throw new FileNotFoundException($"the workbook '{path}' does not exist");
                }

                TranslationWorkbookImport import;
                try
                {
                    using var stream = File.OpenRead(path);
                    import = TranslationWorkbookReader.Read(stream, catalog, (rubric, language) =>
                        File.Exists(TranslationFile.PathFor(folder, rubric, language)) ? TranslationFile.Read(TranslationFile.PathFor(folder, rubric, language)) : null);
                }
                catch (WorkbookRejectedException e)
                {
                    error.WriteLine(Text.Format("Translations.Refused", SupportedLanguages.English, path, e.Problems.Count));
                    foreach (var problem in e.Problems)
                    {
                        error.WriteLine($"  {problem}");
                    }

                    return ExitRefused;
                }

                var target = TranslationFile.PathFor(folder, import.Rubric, import.Language);
                var before = ReadTranslationFile(target, import.Rubric, import.Language);
                var (after, changed) = TranslationUpdate.Apply(before, import);
                foreach (var row in import.Rows.Where(r => r.Comment is not null))
                {
                    output.WriteLine(Text.Format("Translations.Comment", SupportedLanguages.English, row.Id, row.Comment));
                }

                if (changed.Count == 0)
                {
                    output.WriteLine(Text.Format("Translations.NoChange", SupportedLanguages.English, path, target));
                    return ExitOk;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
                var order = RubricTexts.Of(import.Rubric).Select(t => t.Key).ToArray();
                var temporary = target + ".tmp";
                File.WriteAllText(temporary, after.ToYaml(order));
                File.Move(temporary, target, overwrite: true);
                output.WriteLine(Text.Format("Translations.Imported", SupportedLanguages.English, path, changed.Count, target, after.Revision, string.Join(", ", changed.Take(10)) + (changed.Count > 10 ? ", …" : "")));
                return ExitOk;
            }

            default:
                throw new UsageException($"unknown translations action '{action}'; expected export or import");
        }
    }

    private static TranslationFile ReadTranslationFile(string path, Rubric rubric, string language) =>
        File.Exists(path) ? TranslationFile.Read(path) : TranslationFile.Empty(rubric, language);

    private static void Save(string path, byte[] bytes)
    {
        try
        {
            File.WriteAllBytes(path, bytes);
        }
        catch (DirectoryNotFoundException)
        {
            throw new IOException($"cannot write '{path}': its folder does not exist");
        }
    }

    private static string Show(double? score, string language) =>
        score is { } value ? value.ToString("0.0", TextCatalog.CultureOf(language)) : Text.Get("Score.NoScore", language);

    private static string RubricFolder(string? given)
    {
        if (given is not null)
        {
            return Directory.Exists(given) ? given : throw new DirectoryNotFoundException($"the rubric folder '{given}' does not exist");
        }

        return Directory.Exists("rubrics") ? "rubrics" : Path.Combine(AppContext.BaseDirectory, "rubrics");
    }

    private static (List<string> Positional, Dictionary<string, string> Options) Parse(IEnumerable<string> args)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        using var items = args.GetEnumerator();
        while (items.MoveNext())
        {
            var arg = items.Current;
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(arg);
                continue;
            }

            var name = arg[2..];
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            string value;
            if (equals >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }
            else if (items.MoveNext())
            {
                value = items.Current;
            }
            else
            {
                throw new UsageException($"--{name} needs a value");
            }

            if (!options.TryAdd(name, value))
            {
                throw new UsageException($"--{name} is given twice");
            }
        }

        return (positional, options);
    }

    private static void Allow(Dictionary<string, string> options, params string[] names)
    {
        var unknown = options.Keys.FirstOrDefault(k => !names.Contains(k, StringComparer.Ordinal));
        if (unknown is not null)
        {
            throw new UsageException($"unknown option --{unknown}");
        }
    }

    private sealed class UsageException(string message) : Exception(message);
}
