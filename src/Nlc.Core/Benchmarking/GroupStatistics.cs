using System.Buffers;

namespace Nlc.Core.Benchmarking;

/// <summary>
/// The statistics of one peer group: how many cities, and a <see cref="Distribution"/> per metric (null where no city had a score).
/// </summary>
public sealed record GroupStatistics(
    int N,
    Distribution? Overall,
    IReadOnlyDictionary<string, Distribution?> Pillars,
    IReadOnlyDictionary<string, Distribution?> Practices)
{
    /// <summary>The statistics of <paramref name="cities"/> for the given pillar and practice ids.</summary>
    public static GroupStatistics Of(IReadOnlyList<ScoredCity> cities, IEnumerable<string> pillarIds, IEnumerable<string> practiceIds)
    {
        // One buffer serves every metric in turn: a group of many thousands of cities would otherwise put a large array
        // per metric on the large-object heap, and each one can cost a full collection.
        var buffer = ArrayPool<double>.Shared.Rent(Math.Max(cities.Count, 1));
        try
        {
            Distribution? Of(Func<ScoredCity, double?> score)
            {
                var count = 0;
                foreach (var city in cities)
                {
                    if (score(city) is { } value)
                    {
                        buffer[count++] = value;
                    }
                }

                return Distribution.OfSortedInPlace(buffer.AsSpan(0, count));
            }

            return new GroupStatistics(
                cities.Count,
                Of(c => c.Overall),
                pillarIds.ToDictionary(id => id, id => Of(c => c.Pillars.GetValueOrDefault(id))),
                practiceIds.ToDictionary(id => id, id => Of(c => c.Practices.GetValueOrDefault(id))));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }
}
