using System.Collections.Concurrent;
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
    private readonly ConcurrentDictionary<(string, string), int> _indicatorCounts = new();

    /// <summary>One page (from 1) of the cities <paramref name="filter"/> asks for, sorted by <paramref name="sort"/>.</summary>
    public async Task<NetworkView> ReadAsync(
        NetworkFilter filter, NetworkSort sort, bool descending, int pageNumber, int pageSize, CancellationToken cancellationToken)
    {
        var all = await network.ReadAsync(cancellationToken);
        var cities = all.Where(filter.Matches).ToArray();
        var rows = Sort(cities.Select(city => RowOf(city, filter)), sort, descending).ToArray();
        var offset = (Math.Max(1, pageNumber) - 1) * pageSize;
        var counts = cities
            .SelectMany(c => c.Assessments.Where(filter.Matches))
            .GroupBy(a => a.Period)
            .OrderByDescending(g => g.Key, Period.TextComparer)
            .Select(g => new PeriodCounts(
                g.Key, g.Count(a => a.Status == AssessmentStatus.Draft), g.Count(a => a.Status == AssessmentStatus.Submitted), g.Count(a => a.Status == AssessmentStatus.Validated)))
            .ToArray();
        return OptionsOf(all) with { Cities = new Page<NetworkRow>(rows.Skip(offset).Take(pageSize).ToArray(), rows.Length, pageSize, offset), Counts = counts };
    }

    /// <summary>The values the filters offer, drawn from the whole network (no cities, no counts).</summary>
    public async Task<NetworkView> OptionsAsync(CancellationToken cancellationToken) => OptionsOf(await network.ReadAsync(cancellationToken));

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

    /// <summary>The submitted assessments of the whole network with their cities, oldest submission first.</summary>
    public async Task<IReadOnlyList<(NetworkCity City, NetworkAssessment Assessment)>> SubmittedAsync(CancellationToken cancellationToken) =>
        (await network.ReadAsync(cancellationToken))
            .SelectMany(c => c.Assessments.Where(a => a.Status == AssessmentStatus.Submitted).Select(a => (City: c, Assessment: a)))
            .OrderBy(x => x.Assessment.SubmittedAt ?? x.Assessment.UpdatedAt)
            .ThenBy(x => x.Assessment.Id, StringComparer.Ordinal)
            .ToArray();

    private NetworkRow RowOf(NetworkCity city, NetworkFilter filter)
    {
        var shown = city.Assessments.Where(filter.Matches).OrderByDescending(a => a.Period, Period.TextComparer).ThenByDescending(a => a.UpdatedAt).ToArray();
        var latest = shown.FirstOrDefault();
        var validated = shown.FirstOrDefault(a => a.Status == AssessmentStatus.Validated);
        var previous = validated is null
            ? null
            : city.Assessments
                .Where(a => a.Status == AssessmentStatus.Validated && a.RubricId == validated.RubricId && Period.TextComparer.Compare(a.Period, validated.Period) < 0)
                .OrderByDescending(a => a.Period, Period.TextComparer)
                .FirstOrDefault();
        var change = previous is null ? null : new ScoreChange("overall", previous.ValidatedOverall, validated!.ValidatedOverall).Delta;
        return new NetworkRow(city, latest, latest is null ? null : CompletenessOf(latest), validated?.ValidatedOverall, validated?.Period, change);
    }

    private double? CompletenessOf(NetworkAssessment assessment)
    {
        var total = _indicatorCounts.GetOrAdd((assessment.RubricId, assessment.RubricVersion), key =>
            RubricVersion.TryParse(key.Item2, out var version) && rubrics.Find(key.Item1, version) is { } rubric ? rubric.Indicators.Count : 0);
        return total == 0 ? null : new Completeness(Math.Min(assessment.Answered, total), total, 0, 0).Ratio;
    }

    private static IEnumerable<NetworkRow> Sort(IEnumerable<NetworkRow> rows, NetworkSort sort, bool descending)
    {
        var byName = StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, ignoreCase: true);
        IOrderedEnumerable<NetworkRow> Order<T>(Func<NetworkRow, T> key, IComparer<T>? comparer = null)
        {
            // Rows without a value go last whichever way the column is sorted.
            var present = rows.OrderBy(r => key(r) is null ? 1 : 0);
            return descending ? present.ThenByDescending(key, comparer) : present.ThenBy(key, comparer);
        }

        var sorted = sort switch
        {
            NetworkSort.Country => Order(r => r.City.Country, StringComparer.OrdinalIgnoreCase),
            NetworkSort.Region => Order(r => r.City.Region, byName),
            NetworkSort.Population => Order(r => r.City.Population),
            NetworkSort.Period => Order(r => r.Latest?.Period, (IComparer<string?>)Period.TextComparer),
            NetworkSort.Status => Order(r => r.Latest?.Status),
            NetworkSort.Completeness => Order(r => r.Completeness),
            NetworkSort.Index => Order(r => r.Index),
            NetworkSort.Change => Order(r => r.Change),
            _ => Order(r => r.City.Name, byName),
        };
        return sorted.ThenBy(r => r.City.Name, byName).ThenBy(r => r.City.Id, StringComparer.Ordinal);
    }

    private static string[] Distinct(IEnumerable<string> values) =>
        values.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToArray();
}
