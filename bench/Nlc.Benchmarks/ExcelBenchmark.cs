using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml;
using Nlc.Core.Assessments;
using Nlc.Core.Cities;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;
using Nlc.Excel.FillIn;
using Nlc.Excel.Import;
using Nlc.Excel.Reports;
using Nlc.Storage;

namespace Nlc.Benchmarks;

/// <summary>
/// Excel round trip of one complete assessment of the shipped rubric: writing its fill-in workbook, importing it filled in,
/// writing its report; and the import against a baseline, a bare SAX pass (OpenXmlReader) over every part of the same file.
/// </summary>
internal static class ExcelBenchmark
{
    /// <summary>Runs every figure; the worst cases fill one part up to <paramref name="partBytes"/> (the default limit when null).</summary>
    public static void Run(Rubric rubric, long? partBytes = null)
    {
        var answers = rubric.Indicators
            .Select((indicator, i) => (i % 13) switch
            {
                5 => Answer.NotApplicable(indicator.Id, "Not a municipal task here"),
                9 => Answer.DontKnow(indicator.Id, "Ask the police"),
                _ => Answer.AtLevel(indicator.Id, i % 5, $"Agreed with the ministry in {2020 + (i % 5)}"),
            })
            .Select(answer => new StoredAnswer(answer, ["https://example.org/minutes", "Council decision 12/2024"], "key_bench", DateTimeOffset.UnixEpoch))
            .ToArray();
        var when = DateTimeOffset.UnixEpoch;
        var city = new City("city_1", "Danilovgrad", "ME", null, null, [], when, when, 1);
        var assessment = new Assessment("asm_1", city.Id, rubric.Id, rubric.Version, "2025", AssessmentStatus.Draft, when, when, null, null, 1);
        var writer = new AssessmentWorkbookWriter();
        var reader = new AssessmentWorkbookReader(new RubricCatalog([rubric]));
        var filled = writer.Write(rubric, assessment, city, answers, "en");
        var score = new ScoringEngine(rubric).Score(answers.Select(a => a.Answer).ToArray());
        var heading = new ReportHeading(city.Name, assessment.Period, city.Country, assessment.Id);
        if (reader.Read(new MemoryStream(filled)).Answers.Count != answers.Length)
        {
            throw new InvalidOperationException("the benchmark workbook does not read back complete");
        }

        var write = Measurement.Of(() => writer.Write(rubric, assessment, city, answers, "en"), 20);
        var baseline = Measurement.Of(() => SaxPass(filled), 20);
        var import = Measurement.Of(() => reader.Read(new MemoryStream(filled)), 20);
        var report = Measurement.Of(() => AssessmentReportWriter.Write(rubric, score, heading, "en"), 20);

        var size = string.Format(CultureInfo.InvariantCulture, "{0} answers, {1:N0} bytes", answers.Length, filled.Length);
        Report.Figure("excel: time to write the fill-in workbook", write.NanosecondsPerOp / 1e6, "ms", 50, size);
        Report.Figure("excel: time to import a filled workbook", import.NanosecondsPerOp / 1e6, "ms", 50, "zip checks, SDK open, shared strings, _meta and Assessment sheets, validation");
        Report.Figure("excel: time to write the assessment report", report.NanosecondsPerOp / 1e6, "ms", 50, "3 sheets and a radar chart");
        Report.Figure(
            "excel: import / bare SAX pass over every part",
            import.NanosecondsPerOp / baseline.NanosecondsPerOp,
            "x",
            3,
            string.Format(CultureInfo.InvariantCulture, "baseline (open + OpenXmlReader over every XML part): {0:N2} ms", baseline.NanosecondsPerOp / 1e6));
        WorstCases(reader, filled, import, partBytes ?? WorkbookReadLimits.Default.MaxCharactersInPart);
    }

    /// <summary>
    /// The costliest workbooks the default limits let through the zip checks, each against the normal import above: each
    /// must be imported or refused in under a second, growing the heap by under 50 MB.
    /// </summary>
    private static void WorstCases(AssessmentWorkbookReader reader, byte[] filled, Measurement normal, long partBytes)
    {
        foreach (var (name, workbook) in HostileWorkbooks.All(filled, partBytes))
        {
            var outcome = Outcome(reader, workbook);
            // An operation that already takes over a second is timed once, not repeated for minutes.
            var once = Measurement.Once(() => Outcome(reader, workbook));
            var measured = once.NanosecondsPerOp > 1e9 ? once : Measurement.Of(() => Outcome(reader, workbook), 1);
            var heap = Measurement.PeakHeapGrowth(() => Outcome(reader, workbook));
            Report.Figure(
                $"excel worst: {name}",
                measured.NanosecondsPerOp / 1e6,
                "ms",
                1000,
                string.Format(
                    CultureInfo.InvariantCulture,
                    "{0:N0}x a normal import ({1:N1} ms); {2:N0} KB file; {3}",
                    measured.NanosecondsPerOp / normal.NanosecondsPerOp,
                    normal.NanosecondsPerOp / 1e6,
                    workbook.Length / 1024.0,
                    outcome.Length > 80 ? outcome[..79] + "…" : outcome));
            Report.Figure(
                $"excel worst: {name}, extra memory",
                heap / 1e6,
                "MB",
                50,
                string.Format(CultureInfo.InvariantCulture, "peak heap growth; {0:N1} MB allocated in all (a normal import: {1:N1} MB)", measured.BytesPerOp / 1e6, normal.BytesPerOp / 1e6));
        }
    }

    private static string Outcome(AssessmentWorkbookReader reader, byte[] workbook)
    {
        try
        {
            return $"imported, {reader.Read(new MemoryStream(workbook)).Answers.Count} answers";
        }
        catch (WorkbookRejectedException e)
        {
            return $"refused: {e.Problems[0]}";
        }
    }

    /// <summary>Opens the workbook with the SDK and reads every XML part once with OpenXmlReader, doing nothing with it.</summary>
    private static long SaxPass(byte[] workbook)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook, writable: false), false);
        long elements = 0;
        foreach (var part in document.GetAllParts().Where(p => p.ContentType.EndsWith("xml", StringComparison.Ordinal)))
        {
            using var reader = OpenXmlReader.Create(part);
            while (reader.Read())
            {
                elements++;
            }
        }

        return elements;
    }
}
