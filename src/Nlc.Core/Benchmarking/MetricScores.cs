using System.Collections;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Nlc.Core.Benchmarking;

/// <summary>
/// Scores by metric id (pillar or practice) held in an array laid out by a shared index, so reading thousands of cities
/// costs one small array each rather than a dictionary each.
/// </summary>
public sealed class MetricScores : IReadOnlyDictionary<string, double?>
{
    private readonly FrozenDictionary<string, int> _index;
    private readonly double?[] _values;

    /// <summary>Wraps <paramref name="values"/>, laid out as <paramref name="index"/> says.</summary>
    public MetricScores(FrozenDictionary<string, int> index, double?[] values)
    {
        _index = index;
        _values = values;
    }

    /// <summary>The layout of <paramref name="ids"/>: each id with its position in the values array, in order.</summary>
    public static FrozenDictionary<string, int> Layout(IEnumerable<string> ids) =>
        ids.Select((id, i) => (id, i)).ToFrozenDictionary(x => x.id, x => x.i, StringComparer.Ordinal);

    /// <inheritdoc />
    public double? this[string key] => _values[_index[key]];

    /// <inheritdoc />
    public IEnumerable<string> Keys => _index.Keys;

    /// <inheritdoc />
    public IEnumerable<double?> Values => _index.Values.Select(i => _values[i]);

    /// <inheritdoc />
    public int Count => _index.Count;

    /// <inheritdoc />
    public bool ContainsKey(string key) => _index.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out double? value)
    {
        if (_index.TryGetValue(key, out var i))
        {
            value = _values[i];
            return true;
        }

        value = null;
        return false;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, double?>> GetEnumerator() =>
        _index.Select(pair => KeyValuePair.Create(pair.Key, _values[pair.Value])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
