using System.Globalization;
using System.Text;
using System.Text.Json;
using Nlc.Core.Scoring;
using Nlc.Core.Text;
using Nlc.Storage;

namespace Nlc.Api.Exports;

/// <summary>One exported row: a validated assessment, its city and its scores.</summary>
public sealed record ScoreExportRow(ExportedAssessment Exported, ScoreResult Scores);

/// <summary>
/// Writes a period's validated scores as CSV (RFC 4180, a header row, one column per pillar and practice) or as JSON Lines
/// (one object per assessment). Every text field goes through <see cref="FormulaGuard"/>, so a spreadsheet program
/// opening the file runs nothing; scores are unrounded, with a dot for decimals, empty (CSV) or null (JSON) when there is none.
/// </summary>
public static class ScoreExport
{
    /// <summary>The CSV media type.</summary>
    public const string CsvContentType = "text/csv";

    /// <summary>The JSON Lines media type.</summary>
    public const string JsonLinesContentType = "application/jsonl";

    /// <summary>The rows as CSV; <paramref name="pillarIds"/> and <paramref name="practiceIds"/> name the score columns.</summary>
    public static string ToCsv(IReadOnlyList<ScoreExportRow> rows, IReadOnlyList<string> pillarIds, IReadOnlyList<string> practiceIds)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var csv = new StringBuilder();
        string[] header =
        [
            "city_id", "city_name", "country", "region", "assessment_id", "period", "rubric_id", "rubric_version", "validated_at", "overall",
            "completeness", "answered", "total", "not_applicable", "dont_know",
            .. pillarIds.Select(id => "pillar:" + id), .. practiceIds.Select(id => "practice:" + id),
        ];
        AppendLine(csv, header.Select(Text));
        foreach (var (exported, scores) in rows)
        {
            var a = exported.Assessment;
            var pillars = scores.Pillars.ToDictionary(p => p.PillarId, p => p.Score, StringComparer.Ordinal);
            var practices = scores.Practices.ToDictionary(p => p.PracticeId, p => p.Score, StringComparer.Ordinal);
            var c = scores.Completeness;
            AppendLine(csv,
            [
                Text(exported.Assessment.CityId), Text(exported.CityName), Text(exported.Country), Text(exported.Region ?? ""), Text(a.Id), Text(a.Period),
                Text(a.RubricId), Text(a.RubricVersion.ToString()), Text(a.ValidatedAt?.ToString("O", CultureInfo.InvariantCulture) ?? ""),
                Number(scores.Overall), Number(c.Ratio), Count(c.Answered), Count(c.Total), Count(c.NotApplicable), Count(c.DontKnow),
                .. pillarIds.Select(id => Number(pillars.GetValueOrDefault(id))), .. practiceIds.Select(id => Number(practices.GetValueOrDefault(id))),
            ]);
        }

        return csv.ToString();
    }

    /// <summary>The rows as JSON Lines, one object per assessment.</summary>
    public static string ToJsonLines(IReadOnlyList<ScoreExportRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var lines = new StringBuilder();
        foreach (var (exported, scores) in rows)
        {
            var a = exported.Assessment;
            var c = scores.Completeness;
            lines.Append(JsonSerializer.Serialize(new
            {
                cityId = FormulaGuard.Protect(a.CityId),
                cityName = FormulaGuard.Protect(exported.CityName),
                country = FormulaGuard.Protect(exported.Country),
                region = exported.Region is null ? null : FormulaGuard.Protect(exported.Region),
                assessmentId = FormulaGuard.Protect(a.Id),
                period = FormulaGuard.Protect(a.Period),
                rubricId = FormulaGuard.Protect(a.RubricId),
                rubricVersion = FormulaGuard.Protect(a.RubricVersion.ToString()),
                validatedAt = a.ValidatedAt,
                overall = scores.Overall,
                completeness = new { answered = c.Answered, total = c.Total, notApplicable = c.NotApplicable, dontKnow = c.DontKnow, ratio = c.Ratio },
                pillars = scores.Pillars.ToDictionary(p => FormulaGuard.Protect(p.PillarId), p => p.Score),
                practices = scores.Practices.ToDictionary(p => FormulaGuard.Protect(p.PracticeId), p => p.Score),
            }));
            lines.Append('\n');
        }

        return lines.ToString();
    }

    private static void AppendLine(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields);
        csv.Append("\r\n");
    }

    /// <summary>A text field: formula-safe first, then quoted when it holds a comma, a quote or a line break.</summary>
    private static string Text(string value)
    {
        var safe = FormulaGuard.Protect(value);
        return safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
