using System.Collections;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Nlc.Core.Benchmarking;

/// <summary>
/// Scores by metric id (pillar or practice) held in a slice of an array laid out by a shared index, so reading thousands
/// of cities costs no dictionary each, and can share one array between them all. NaN in the array is a missing score.
/// </summary>
public sealed class MetricScores : IReadOnlyDictionary<string, double?>
{
    private readonly FrozenDictionary<string, int> _index;
    private readonly double[] _values;
    private readonly int _offset;

    /// <summary>Wraps the slice of <paramref name="values"/> from <paramref name="offset"/>, laid out as <paramref name="index"/> says; NaN is a missing score.</summary>
    public MetricScores(FrozenDictionary<string, int> index, double[] values, int offset = 0)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset + index.Count, values.Length, nameof(values));
        _index = index;
        _values = values;
        _offset = offset;
    }

    /// <summary>The layout of <paramref name="ids"/>: each id with its position in the values array, in order.</summary>
    public static FrozenDictionary<string, int> Layout(IEnumerable<string> ids) =>
        ids.Select((id, i) => (id, i)).ToFrozenDictionary(x => x.id, x => x.i, StringComparer.Ordinal);

    /// <inheritdoc />
    public double? this[string key] => At(_index[key]);

    /// <inheritdoc />
    public IEnumerable<string> Keys => _index.Keys;

    /// <inheritdoc />
    public IEnumerable<double?> Values => _index.Values.Select(At);

    /// <inheritdoc />
    public int Count => _index.Count;

    /// <inheritdoc />
    public bool ContainsKey(string key) => _index.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out double? value)
    {
        if (_index.TryGetValue(key, out var i))
        {
            value = At(i);
            return true;
        }

        value = null;
        return false;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, double?>> GetEnumerator() =>
        _index.Select(pair => KeyValuePair.Create(pair.Key, At(pair.Value))).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private double? At(int position) => _values[_offset + position] is var value && double.IsNaN(value) ? null : value;
}
