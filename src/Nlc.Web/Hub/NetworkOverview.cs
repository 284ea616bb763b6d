using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Nlc.Core.Assessments;
using Nlc.Core.Periods;
using Nlc.Core.Progress;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;
using Nlc.Storage;
using Nlc.Storage.Network;

namespace Nlc.Web.Hub;

/// <summary>
/// The hub's view of the whole network, built from the one read of <see cref="NetworkStore"/>: each city's latest
/// assessment and validated index, the counts per period, filtering, sorting and paging. Scores are the stored ones,
/// computed by the library when each assessment was validated.
/// </summary>
public sealed class NetworkOverview(NetworkStore network, RubricCatalog rubrics)
{
    // What does not depend on the filters is worked out once per read of the network (and language, for name order):
    // a new read after a write is a new list, so nothing kept here is stale.
    private readonly ConditionalWeakTable<IReadOnlyList<NetworkCity>, ConcurrentDictionary<string, Prepared>> _prepared = new();
    private readonly ConcurrentDictionary<(string, string), int> _indicatorCounts = new();

    /// <summary>One page (from 1) of the cities <paramref name="filter"/> asks for, sorted by <paramref name="sort"/>.</summary>
    public async Task<NetworkView> ReadAsync(
        NetworkFilter filter, NetworkSort sort, bool descending, int pageNumber, int pageSize, CancellationToken cancellationToken)
    {
        var prepared = Prepare(await network.ReadAsync(cancellationToken));
        var cities = prepared.Cities.Where(c => filter.Matches(c.City)).ToArray();
        var rows = Sort(cities.Select(city => RowOf(city, filter)).ToArray(), sort, descending, prepared.NameOrder);
        var offset = (Math.Max(1, pageNumber) - 1) * pageSize;
        var counts = cities
            .SelectMany(c => c.Newest.Where(a => filter.Matches(a.Assessment)))
            .GroupBy(a => a.Period)
            .OrderByDescending(g => g.Key)
            .Select(g => new PeriodCounts(
                g.First().Assessment.Period,
                g.Count(a => a.Assessment.Status == AssessmentStatus.Draft),
                g.Count(a => a.Assessment.Status == AssessmentStatus.Submitted),
                g.Count(a => a.Assessment.Status == AssessmentStatus.Validated)))
            .ToArray();
        return prepared.Options with { Cities = new Page<NetworkRow>(rows.Skip(offset).Take(pageSize).ToArray(), rows.Length, pageSize, offset), Counts = counts };
    }

    /// <summary>The values the filters offer, drawn from the whole network (no cities, no counts).</summary>
    public async Task<NetworkView> OptionsAsync(CancellationToken cancellationToken) => Prepare(await network.ReadAsync(cancellationToken)).Options;

    /// <summary>The submitted assessments of the whole network with their cities, oldest submission first.</summary>
    public async Task<IReadOnlyList<(NetworkCity City, NetworkAssessment Assessment)>> SubmittedAsync(CancellationToken cancellationToken) =>
        (await network.ReadAsync(cancellationToken))
            .SelectMany(c => c.Assessments.Where(a => a.Status == AssessmentStatus.Submitted).Select(a => (City: c, Assessment: a)))
            .OrderBy(x => x.Assessment.SubmittedAt ?? x.Assessment.UpdatedAt)
            .ThenBy(x => x.Assessment.Id, StringComparer.Ordinal)
            .ToArray();

    /// <summary>The city names' order in the current language, for sorting and for pages that list cities by name.</summary>
    public static IComparer<string> NameOrder => StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true);

    private Prepared Prepare(IReadOnlyList<NetworkCity> all) =>
        _prepared.GetOrCreateValue(all).GetOrAdd(CultureInfo.CurrentCulture.Name, _ =>
        {
            var compare = CultureInfo.CurrentCulture.CompareInfo;
            var cities = all
                .Select(c => new PreparedCity(
                    c,
                    c.Assessments
                        .Select(a => new DatedAssessment(a, Period.TryParse(a.Period, out var period) ? period : default))
                        .OrderByDescending(a => a.Period).ThenByDescending(a => a.Assessment.UpdatedAt)
                        .ToArray()))
                .ToArray();
            var nameOrder = cities
                .OrderBy(c => compare.GetSortKey(c.City.Name, CompareOptions.IgnoreCase), Comparer<SortKey>.Create(SortKey.Compare))
                .ThenBy(c => c.City.Id, StringComparer.Ordinal)
                .Select((c, i) => (c.City.Id, i))
                .ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
            return new Prepared(cities, nameOrder, OptionsOf(all));
        });

    private NetworkRow RowOf(PreparedCity city, NetworkFilter filter)
    {
        DatedAssessment? latest = null, validated = null;
        foreach (var dated in city.Newest)
        {
            if (filter.Matches(dated.Assessment))
            {
                latest ??= dated;
                if (dated.Assessment.Status == AssessmentStatus.Validated)
                {
                    validated = dated;
                    break;
                }
            }
        }

        var previous = validated is null
            ? null
            : city.Newest.FirstOrDefault(a => a.Assessment.Status == AssessmentStatus.Validated && a.Assessment.RubricId == validated.Assessment.RubricId && a.Period < validated.Period);
        var change = previous is null ? null : new ScoreChange("overall", previous.Assessment.ValidatedOverall, validated!.Assessment.ValidatedOverall).Delta;
        return new NetworkRow(
            city.City, latest?.Assessment, latest is null ? null : CompletenessOf(latest.Assessment),
            validated?.Assessment.ValidatedOverall, validated?.Assessment.Period, change);
    }

    private double? CompletenessOf(NetworkAssessment assessment)
    {
        var total = _indicatorCounts.GetOrAdd((assessment.RubricId, assessment.RubricVersion), key =>
            RubricVersion.TryParse(key.Item2, out var version) && rubrics.Find(key.Item1, version) is { } rubric ? rubric.Indicators.Count : 0);
        return total == 0 ? null : new Completeness(Math.Min(assessment.Answered, total), total, 0, 0).Ratio;
    }

    private static NetworkRow[] Sort(NetworkRow[] rows, NetworkSort sort, bool descending, IReadOnlyDictionary<string, int> nameOrder)
    {
        IOrderedEnumerable<NetworkRow> Order<T>(Func<NetworkRow, T> key, IComparer<T>? comparer = null)
        {
            // Rows without a value go last whichever way the column is sorted.
            var present = rows.OrderBy(r => key(r) is null ? 1 : 0);
            return descending ? present.ThenByDescending(key, comparer) : present.ThenBy(key, comparer);
        }

        var sorted = sort switch
        {
            NetworkSort.Country => Order(r => r.City.Country, StringComparer.OrdinalIgnoreCase),
            NetworkSort.Region => Order(r => r.City.Region, (IComparer<string?>)NameOrder),
            NetworkSort.Population => Order(r => r.City.Population),
            NetworkSort.Period => Order(r => r.Latest?.Period, (IComparer<string?>)Period.TextComparer),
            NetworkSort.Status => Order(r => r.Latest?.Status),
            NetworkSort.Completeness => Order(r => r.Completeness),
            NetworkSort.Index => Order(r => r.Index),
            NetworkSort.Change => Order(r => r.Change),
            _ => Order(r => nameOrder[r.City.Id]),
        };
        return sorted.ThenBy(r => nameOrder[r.City.Id]).ToArray();
    }

    private static NetworkView OptionsOf(IReadOnlyList<NetworkCity> all)
    {
        var assessments = all.SelectMany(c => c.Assessments).ToArray();
        return new NetworkView(
            new Page<NetworkRow>([], 0, 0, 0),
            [],
            Distinct(all.Select(c => c.Country.ToUpperInvariant())),
            Distinct(all.Select(c => c.Region).OfType<string>()),
            Distinct(all.SelectMany(c => c.Tags)),
            assessments.Select(a => a.Period).Distinct(StringComparer.Ordinal).OrderByDescending(p => p, Period.TextComparer).ToArray(),
            assessments.Select(a => a.RubricVersion).Distinct(StringComparer.Ordinal).OrderBy(v => RubricVersion.TryParse(v, out var parsed) ? parsed : default).ToArray());
    }

    private static string[] Distinct(IEnumerable<string> values) =>
        values.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToArray();

    private sealed record DatedAssessment(NetworkAssessment Assessment, Period Period);

    private sealed record PreparedCity(NetworkCity City, IReadOnlyList<DatedAssessment> Newest);

    private sealed record Prepared(IReadOnlyList<PreparedCity> Cities, IReadOnlyDictionary<string, int> NameOrder, NetworkView Options);
}
