using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Nlc.Core.Benchmarking;

namespace Nlc.Storage;

/// <summary>
/// Reads stored score snapshots straight into <see cref="MetricScores"/> for a known set of pillar and practice ids, with a
/// forward-only JSON reader, or from their compact records (<see cref="ScoreSnapshot.ToCompact"/>): the hot path of
/// benchmarks over thousands of cities. Ids not asked for are skipped.
/// </summary>
public sealed class ScoreSnapshotReader
{
    private readonly FrozenDictionary<string, int> _pillarIndex;
    private readonly FrozenDictionary<string, int> _practiceIndex;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _pillarLookup;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _practiceLookup;

    /// <summary>A reader for snapshots of rubrics with these pillar and practice ids.</summary>
    public ScoreSnapshotReader(IEnumerable<string> pillarIds, IEnumerable<string> practiceIds)
    {
        _pillarIndex = MetricScores.Layout(pillarIds);
        _practiceIndex = MetricScores.Layout(practiceIds);
        _pillarLookup = _pillarIndex.GetAlternateLookup<ReadOnlySpan<char>>();
        _practiceLookup = _practiceIndex.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The pillar and practice ids this reader lays scores out by, as one text.</summary>
    public string Layout => string.Join(",", _pillarIndex.OrderBy(p => p.Value).Select(p => p.Key)) + ";" + string.Join(",", _practiceIndex.OrderBy(p => p.Value).Select(p => p.Key));

    /// <summary>The overall, pillar and practice scores in a snapshot (as written by <see cref="ScoreSnapshot.ToJson"/>), from its UTF-8 bytes as SQLite stores the text.</summary>
    public (double? Overall, MetricScores Pillars, MetricScores Practices) Read(ReadOnlySpan<byte> utf8)
    {
        var pillars = new double?[_pillarIndex.Count];
        var practices = new double?[_practiceIndex.Count];
        double? overall = null;
        var reader = new Utf8JsonReader(utf8);
        Span<char> name = stackalloc char[128];

        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("overall"u8))
            {
                reader.Read();
                overall = reader.TokenType == JsonTokenType.Number ? reader.GetDouble() : null;
            }
            else if (reader.ValueTextEquals("pillars"u8))
            {
                ReadSection(ref reader, _pillarLookup, pillars, name);
            }
            else if (reader.ValueTextEquals("practices"u8))
            {
                ReadSection(ref reader, _practiceLookup, practices, name);
            }
            else
            {
                reader.Skip();
            }
        }

        return (overall, new MetricScores(_pillarIndex, pillars), new MetricScores(_practiceIndex, practices));
    }

    /// <summary>Where each value of a compact record of the snapshots shaped like <paramref name="stored"/> (one rubric version's) goes in this reader's layout.</summary>
    public CompactLayout LayoutOf(ScoreSnapshot stored) => new(Targets(stored.Pillars.Keys, _pillarIndex), Targets(stored.Practices.Keys, _practiceIndex));

    /// <summary>The overall, pillar and practice scores in a compact record (as written by <see cref="ScoreSnapshot.ToCompact"/>) laid out by <paramref name="layout"/>.</summary>
    public (double? Overall, MetricScores Pillars, MetricScores Practices) ReadCompact(ReadOnlySpan<byte> utf8, CompactLayout layout)
    {
        var pillars = new double?[_pillarIndex.Count];
        var practices = new double?[_practiceIndex.Count];
        var overallEnd = utf8.IndexOf((byte)'|');
        var rest = overallEnd < 0 ? throw Malformed() : utf8[(overallEnd + 1)..];
        var pillarsEnd = rest.IndexOf((byte)'|');
        if (pillarsEnd < 0)
        {
            throw Malformed();
        }

        double? overall = overallEnd == 0 ? null : Number(utf8[..overallEnd]);
        ReadValues(rest[..pillarsEnd], layout.Pillars, pillars);
        ReadValues(rest[(pillarsEnd + 1)..], layout.Practices, practices);
        return (overall, new MetricScores(_pillarIndex, pillars), new MetricScores(_practiceIndex, practices));
    }

    private static int[] Targets(IEnumerable<string> storedIds, FrozenDictionary<string, int> index) =>
        storedIds.Select(id => index.TryGetValue(id, out var target) ? target : -1).ToArray();

    /// <summary>The comma-separated values, one per entry of <paramref name="targets"/> (an empty text holds none when there are no targets).</summary>
    private static void ReadValues(ReadOnlySpan<byte> text, int[] targets, double?[] values)
    {
        if (targets.Length == 0)
        {
            if (!text.IsEmpty)
            {
                throw Malformed();
            }

            return;
        }

        for (var i = 0; i < targets.Length; i++)
        {
            var end = text.IndexOf((byte)',');
            if ((end < 0) != (i == targets.Length - 1))
            {
                throw Malformed();
            }

            var field = end < 0 ? text : text[..end];
            if (field.Length > 0 && targets[i] >= 0)
            {
                values[targets[i]] = Number(field);
            }

            text = end < 0 ? [] : text[(end + 1)..];
        }
    }

    private static double Number(ReadOnlySpan<byte> utf8) => double.Parse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static InvalidDataException Malformed() =>
        new("A stored compact score record does not match its rubric version's snapshot (one value per pillar and practice).");

    private static void ReadSection(
        ref Utf8JsonReader reader, FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup, double?[] values, scoped Span<char> name)
    {
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var length = reader.CopyString(name);
            reader.Read();
            if (lookup.TryGetValue(name[..length], out var index) && reader.TokenType == JsonTokenType.Number)
            {
                values[index] = reader.GetDouble();
            }
        }
    }
}

/// <summary>Where each value of one rubric version's compact score records goes in a <see cref="ScoreSnapshotReader"/>'s layout (-1: not read).</summary>
public sealed record CompactLayout(int[] Pillars, int[] Practices);
