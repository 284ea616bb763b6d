using System.Globalization;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;
using Nlc.Excel.FillIn;
using Nlc.Excel.Import;
using Nlc.Excel.Reports;

namespace Nlc.Cli;

/// <summary>
/// The offline command line: <c>blank</c> writes a workbook to fill in, <c>score</c> reads a filled-in one, prints its
/// scores and writes its report next to it. Errors are one clear message each and a non-zero exit code, never a stack trace.
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

        var rubric = RubricLoader.LoadFile(rubricPath);
        var language = options.GetValueOrDefault("lang") ?? LocalizedText.DefaultLocale;
        var path = options.GetValueOrDefault("out") ?? $"{rubric.Id}-{rubric.Version}.{language}.xlsx";
        Save(path, new AssessmentWorkbookWriter().WriteBlank(rubric, language));
        output.WriteLine($"Wrote {path}: a blank workbook of rubric {rubric.Key} in '{language}', {rubric.Indicators.Count} indicators.");
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
            workbook = new AssessmentWorkbookReader(catalog).Read(stream);
        }
        catch (WorkbookRejectedException e)
        {
            error.WriteLine($"error: {path} cannot be scored ({e.Problems.Count} problem{(e.Problems.Count == 1 ? "" : "s")}):");
            foreach (var problem in e.Problems)
            {
                error.WriteLine($"  {problem}");
            }

            return ExitRefused;
        }

        var metadata = workbook.Metadata;
        var rubric = workbook.Rubric;
        var language = options.GetValueOrDefault("lang") ?? metadata.Language;
        var score = new ScoringEngine(rubric).Score(workbook.Answers.Select(a => a.Answer).ToArray());
        var heading = new ReportHeading(metadata.CityName ?? Path.GetFileNameWithoutExtension(path), metadata.Period ?? "not given", AssessmentId: metadata.AssessmentId);
        var reportPath = options.GetValueOrDefault("out") ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileNameWithoutExtension(path) + ".report.xlsx");
        Save(reportPath, AssessmentReportWriter.Write(rubric, score, heading, language));

        var c = score.Completeness;
        output.WriteLine($"{path}: rubric {rubric.Key}" + (metadata.AssessmentId is null ? "" : $", assessment {metadata.AssessmentId}")
            + $"; {c.Answered} of {c.Total} indicators answered ({c.NotApplicable} not applicable, {c.DontKnow} don't know).");
        output.WriteLine($"Overall index: {Show(score.Overall)}");
        foreach (var pillar in rubric.Pillars)
        {
            var value = score.Pillars.First(p => p.PillarId == pillar.Id).Score;
            output.WriteLine($"  {pillar.Title.Get(language),-20} {(value is null ? "no score" : Show(value))}");
        }

        if (score.Gaps.Count > 0)
        {
            output.WriteLine("Next steps with the largest gain:");
            foreach (var gap in score.Gaps.Take(3))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {gap.IndicatorId} to level {gap.NextLevel} (+{gap.OverallGain:0.00}): {gap.NextStep.Get(language)}"));
            }
        }

        output.WriteLine($"Report written to {reportPath}");
        return ExitOk;
    }

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

    private static string Show(double? score) =>
        score is { } value ? value.ToString("0.0", CultureInfo.InvariantCulture) : "no score (nothing applicable answered)";

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
