using System.Diagnostics;

namespace Nlc.Testing;

/// <summary>
/// Runs LibreOffice headless to convert files (xlsx → xlsx re-saved by Calc, xlsx → pdf), and poppler's pdftoppm to render
/// a PDF page. Both are installed with apt-get on first use if missing (the test machines run as root); installation
/// happens once per test run, conversions one at a time with a private LibreOffice profile.
/// </summary>
internal static class LibreOffice
{
    private static readonly Lazy<Task<string>> Soffice = new(async () =>
    {
        // The workbooks are laid out for Calibri; LibreOffice draws them with its metric twin Carlito, and without it with a
        // wider font that shrinks every page fitted to its width, so what the tests measure would not be what users see.
        await FindOrInstallAsync(["/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf"], "fonts-crosextra-carlito");
        return await FindOrInstallAsync(["soffice", "libreoffice"], "libreoffice-calc");
    });
    private static readonly Lazy<Task<string>> PdfToPpm = new(() => FindOrInstallAsync(["pdftoppm"], "poppler-utils"));
    private static readonly Lazy<Task<string>> PdfToText = new(() => FindOrInstallAsync(["pdftotext"], "poppler-utils"));
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);
    private static readonly SemaphoreSlim OneInstallAtATime = new(1, 1);
    private static readonly string Profile = Path.Combine(Path.GetTempPath(), $"nlc-libreoffice-profile-{Environment.ProcessId}");
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan ConvertTimeout = TimeSpan.FromMinutes(4);

    /// <summary>
    /// Converts every file in <paramref name="files"/> to <paramref name="format"/> ("xlsx", "pdf") into
    /// <paramref name="outputFolder"/> with one soffice call; returns the converted files in the same order.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ConvertAsync(IReadOnlyList<string> files, string format, string outputFolder)
    {
        var soffice = await Soffice.Value;
        Directory.CreateDirectory(outputFolder);
        await OneAtATime.WaitAsync();
        try
        {
            var (exitCode, output) = await RunAsync(
                soffice,
                ["--headless", "--norestore", "--nolockcheck", $"-env:UserInstallation=file://{Profile}", "--convert-to", format, "--outdir", outputFolder, .. files],
                ConvertTimeout);
            var converted = files.Select(f => Path.Combine(outputFolder, Path.GetFileNameWithoutExtension(f) + "." + format)).ToArray();
            var missing = converted.Where(f => !File.Exists(f)).ToArray();
            if (exitCode != 0 || missing.Length > 0)
            {
                throw new InvalidOperationException($"soffice --convert-to {format} failed (exit {exitCode}; missing: {string.Join(", ", missing)}):\n{output}");
            }

            return converted;
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    /// <summary>
    /// Saves every sheet of every workbook in <paramref name="files"/> as CSV (comma, UTF-8, text quoted where needed)
    /// into <paramref name="outputFolder"/> with one soffice call, as a user's "Save as CSV" does; returns each workbook's
    /// CSV files, one per sheet (hidden sheets too), named "workbook-Sheet.csv".
    /// </summary>
    public static async Task<IReadOnlyList<IReadOnlyList<string>>> ConvertSheetsToCsvAsync(IReadOnlyList<string> files, string outputFolder)
    {
        var soffice = await Soffice.Value;
        Directory.CreateDirectory(outputFolder);
        await OneAtATime.WaitAsync();
        try
        {
            // The CSV filter's options: separator 44 (,), text delimiter 34 ("), character set 76 (UTF-8), ..., and last
            // the sheet to save, -1 for every sheet, each to a file of its own.
            var (exitCode, output) = await RunAsync(
                soffice,
                ["--headless", "--norestore", "--nolockcheck", $"-env:UserInstallation=file://{Profile}",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", outputFolder, .. files],
                ConvertTimeout);
            var converted = files
                .Select(f => (IReadOnlyList<string>)Directory.GetFiles(outputFolder, Path.GetFileNameWithoutExtension(f) + "-*.csv").Order(StringComparer.Ordinal).ToArray())
                .ToArray();
            return exitCode == 0 && converted.All(c => c.Count > 0)
                ? converted
                : throw new InvalidOperationException($"soffice --convert-to csv failed (exit {exitCode}):\n{output}");
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    /// <summary>Renders every page of <paramref name="pdf"/> at <paramref name="dpi"/> as binary PPM (P6) images; returns them in page order.</summary>
    public static async Task<IReadOnlyList<string>> RenderAsync(string pdf, int dpi)
    {
        var pdftoppm = await PdfToPpm.Value;
        var prefix = Path.Combine(Path.GetDirectoryName(pdf)!, Path.GetFileNameWithoutExtension(pdf) + "-page");
        var (exitCode, output) = await RunAsync(pdftoppm, ["-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), pdf, prefix], ConvertTimeout);
        var pages = Directory.GetFiles(Path.GetDirectoryName(pdf)!, Path.GetFileName(prefix) + "-*.ppm").Order(StringComparer.Ordinal).ToArray();
        return exitCode == 0 && pages.Length > 0 ? pages : throw new InvalidOperationException($"pdftoppm failed (exit {exitCode}):\n{output}");
    }

    /// <summary>The text of every page of <paramref name="pdf"/>, as pdftotext reads it.</summary>
    public static async Task<string> TextAsync(string pdf)
    {
        var pdftotext = await PdfToText.Value;
        var (exitCode, output) = await RunAsync(pdftotext, ["-enc", "UTF-8", pdf, "-"], ConvertTimeout);
        return exitCode == 0 ? output : throw new InvalidOperationException($"pdftotext failed (exit {exitCode}):\n{output}");
    }

    /// <summary>The words of page <paramref name="page"/> (1-based) of <paramref name="pdf"/> with their boxes in points, in reading order.</summary>
    public static async Task<IReadOnlyList<PdfWord>> WordsAsync(string pdf, int page)
    {
        var pdftotext = await PdfToText.Value;
        var number = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (exitCode, output) = await RunAsync(pdftotext, ["-f", number, "-l", number, "-bbox", pdf, "-"], ConvertTimeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"pdftotext failed (exit {exitCode}):\n{output}");
        }

        static double At(System.Text.RegularExpressions.Match m, string name) => double.Parse(m.Groups[name].Value, System.Globalization.CultureInfo.InvariantCulture);
        return System.Text.RegularExpressions.Regex.Matches(
                output, "<word xMin=\"(?<x0>[-0-9.]+)\" yMin=\"(?<y0>[-0-9.]+)\" xMax=\"(?<x1>[-0-9.]+)\" yMax=\"(?<y1>[-0-9.]+)\">(?<text>[^<]*)</word>")
            .Select(m => new PdfWord(System.Net.WebUtility.HtmlDecode(m.Groups["text"].Value), At(m, "x0"), At(m, "y0"), At(m, "x1"), At(m, "y1")))
            .ToArray();
    }

    /// <summary>Removes this run's LibreOffice profile; call it once all conversions are done (e.g. from an assembly cleanup).</summary>
    public static void DeleteProfile()
    {
        if (!Directory.Exists(Profile))
        {
            return;
        }

        try
        {
            Directory.Delete(Profile, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left in the temp folder; nothing depends on it.
        }
    }

    private static async Task<string> FindOrInstallAsync(string[] commands, string package)
    {
        if (Find(commands) is { } found)
        {
            return found;
        }

        await OneInstallAtATime.WaitAsync();
        try
        {
            if (Find(commands) is { } installedMeanwhile)
            {
                return installedMeanwhile;
            }

            var (exitCode, output) = await RunAsync(
                "sh",
                ["-c", $"apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends {package}"],
                InstallTimeout);
            return exitCode == 0 && Find(commands) is { } installed
                ? installed
                : throw new InvalidOperationException(
                    $"{string.Join('/', commands)} is missing, and installing {package} " + (exitCode == 0 ? "did not provide it" : $"failed (exit {exitCode})") + $":\n{output}");
        }
        finally
        {
            OneInstallAtATime.Release();
        }
    }

    private static string? Find(string[] commands) => commands.FirstOrDefault(c => Path.IsPathRooted(c) && File.Exists(c)) ??
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => commands.Select(command => Path.Combine(folder, command)))
            .FirstOrDefault(File.Exists);

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within {timeout}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}

/// <summary>One word of a PDF page and its box, in points from the top-left corner.</summary>
internal sealed record PdfWord(string Text, double XMin, double YMin, double XMax, double YMax)
{
    /// <summary>The height of the word's box: about 1.3 times the printed font size for Carlito.</summary>
    public double Height => YMax - YMin;
}
