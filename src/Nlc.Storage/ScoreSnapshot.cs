using System.Globalization;
using System.Text.Json;
using Nlc.Core.Scoring;

namespace Nlc.Storage;

/// <summary>The stored form of a validated assessment's scores: overall, by pillar id and by practice id.</summary>
public sealed record ScoreSnapshot(double? Overall, IReadOnlyDictionary<string, double?> Pillars, IReadOnlyDictionary<string, double?> Practices)
{
    /// <summary>The snapshot of <paramref name="result"/>.</summary>
    public static ScoreSnapshot Of(ScoreResult result) => new(
        result.Overall,
        result.Pillars.ToDictionary(p => p.PillarId, p => p.Score),
        result.Practices.ToDictionary(p => p.PracticeId, p => p.Score));

    /// <summary>As JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, AuditLog.Json);

    /// <summary>
    /// The compact record the peer-statistics read parses (migration 0008): the numbers only, in this snapshot's order,
    /// as <c>overall|pillar,...|practice,...</c> with an empty field for a missing score. Each number round-trips exactly.
    /// </summary>
    public string ToCompact() =>
        Number(Overall) + "|" + string.Join(",", Pillars.Values.Select(Number)) + "|" + string.Join(",", Practices.Values.Select(Number));

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    /// <summary>From JSON written by <see cref="ToJson"/>.</summary>
    public static ScoreSnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<ScoreSnapshot>(json, AuditLog.Json) ?? throw new InvalidDataException("An empty score snapshot was stored.");
}
