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

    /// <summary>From JSON written by <see cref="ToJson"/>.</summary>
    public static ScoreSnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<ScoreSnapshot>(json, AuditLog.Json) ?? throw new InvalidDataException("An empty score snapshot was stored.");
}
