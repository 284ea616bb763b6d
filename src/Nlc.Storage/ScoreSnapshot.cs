using System.Buffers.Binary;
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
    /// The score record the peer-statistics read takes instead of the JSON (migration 0008): the numbers only, overall then
    /// pillars then practices in this snapshot's order, each an IEEE 754 double in little-endian bytes, NaN for a missing
    /// score. The ids are not repeated: every snapshot of one rubric version lists the same ids in the same order.
    /// </summary>
    public byte[] ToRecord()
    {
        var values = new[] { Overall }.Concat(Pillars.Values).Concat(Practices.Values).ToArray();
        var record = new byte[values.Length * sizeof(double)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(record.AsSpan(i * sizeof(double)), values[i] ?? double.NaN);
        }

        return record;
    }

    /// <summary>From JSON written by <see cref="ToJson"/>.</summary>
    public static ScoreSnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<ScoreSnapshot>(json, AuditLog.Json) ?? throw new InvalidDataException("An empty score snapshot was stored.");
}
