using System.Collections.Frozen;
using System.Buffers.Binary;
using System.Text.Json;
using Nlc.Core.Benchmarking;

namespace Nlc.Storage;

/// <summary>
/// Reads stored score snapshots straight into <see cref="MetricScores"/> for a known set of pillar and practice ids, with a
/// forward-only JSON reader, or from their score records (<see cref="ScoreSnapshot.ToRecord"/>): the hot path of
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

    /// <summary>How many values one city's pillar and practice scores take in a values array.</summary>
    public int Width => _pillarIndex.Count + _practiceIndex.Count;

    /// <summary>The overall, pillar and practice scores in a snapshot (as written by <see cref="ScoreSnapshot.ToJson"/>), from its UTF-8 bytes as SQLite stores the text.</summary>
    public (double? Overall, MetricScores Pillars, MetricScores Practices) Read(ReadOnlySpan<byte> utf8)
    {
        var values = new double[Width];
        Array.Fill(values, double.NaN);
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
                ReadSection(ref reader, _pillarLookup, values.AsSpan(0, _pillarIndex.Count), name);
            }
            else if (reader.ValueTextEquals("practices"u8))
            {
                ReadSection(ref reader, _practiceLookup, values.AsSpan(_pillarIndex.Count), name);
            }
            else
            {
                reader.Skip();
            }
        }

        return (overall, new MetricScores(_pillarIndex, values), new MetricScores(_practiceIndex, values, _pillarIndex.Count));
    }

    /// <summary>Where each value of the score records of snapshots shaped like <paramref name="stored"/> (one rubric version's) goes in this reader's layout.</summary>
    public RecordLayout LayoutOf(ScoreSnapshot stored) => new(Targets(stored.Pillars.Keys, _pillarIndex), Targets(stored.Practices.Keys, _practiceIndex));

    /// <summary>
    /// The overall, pillar and practice scores in a score record (as written by <see cref="ScoreSnapshot.ToRecord"/>) laid
    /// out by <paramref name="layout"/>, their values kept in <paramref name="values"/> from <paramref name="offset"/> on
    /// (<see cref="Width"/> of them, all NaN beforehand); false when the record does not hold one value per id of the layout.
    /// </summary>
    public bool TryReadRecord(
        ReadOnlySpan<byte> record, RecordLayout layout, double[] values, int offset, out (double? Overall, MetricScores Pillars, MetricScores Practices) scores)
    {
        if (record.Length != (1 + layout.Pillars.Length + layout.Practices.Length) * sizeof(double))
        {
            scores = default;
            return false;
        }

        var overall = BinaryPrimitives.ReadDoubleLittleEndian(record);
        Place(record, 1, layout.Pillars, values.AsSpan(offset, _pillarIndex.Count));
        Place(record, 1 + layout.Pillars.Length, layout.Practices, values.AsSpan(offset + _pillarIndex.Count, _practiceIndex.Count));
        scores = (double.IsNaN(overall) ? null : overall, new MetricScores(_pillarIndex, values, offset), new MetricScores(_practiceIndex, values, offset + _pillarIndex.Count));
        return true;
    }

    private static int[] Targets(IEnumerable<string> storedIds, FrozenDictionary<string, int> index) =>
        storedIds.Select(id => index.TryGetValue(id, out var target) ? target : -1).ToArray();

    private static void Place(ReadOnlySpan<byte> record, int first, int[] targets, Span<double> values)
    {
        for (var i = 0; i < targets.Length; i++)
        {
            if (targets[i] >= 0)
            {
                values[targets[i]] = BinaryPrimitives.ReadDoubleLittleEndian(record[((first + i) * sizeof(double))..]);
            }
        }
    }

    private static void ReadSection(
        ref Utf8JsonReader reader, FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup, Span<double> values, scoped Span<char> name)
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

/// <summary>Where each value of one rubric version's score records goes in a <see cref="ScoreSnapshotReader"/>'s layout (-1: not read).</summary>
public sealed record RecordLayout(int[] Pillars, int[] Practices);
