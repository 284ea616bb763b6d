using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;
using Nlc.Core.Benchmarking;
using Nlc.Core.Cities;
using Nlc.Core.Scoring;
using Nlc.Storage;

namespace Nlc.Web.Assessments;

/// <summary>
/// Works out a city's place among the validated assessments of its country in the same period, through the same
/// <see cref="PeerBenchmark"/> and <see cref="RestrictedRelease"/> rules as the API: hub staff see percentile ranks,
/// everyone else the quarter of the group judged against the released bands, or the reason nothing is shown.
/// </summary>
public sealed class PeerPlaces(BenchmarkStore benchmarks, IConfiguration configuration, IStringLocalizer<SharedResource> text)
{
    // A peer group's benchmark is the same for every page until the eligible rows change; the store hands out a new list
    // after any write, so a benchmark kept with its list is never stale.
    private readonly ConditionalWeakTable<IReadOnlyList<PeerCity>, ConcurrentDictionary<(string Country, bool Restricted, int K), PeerBenchmark>> _benchmarks = new();

    /// <summary>The k of restricted release: the same setting the API's options bind (Nlc:MinimumGroupSize), which the web project cannot see.</summary>
    public int K => configuration.GetValue<int?>("Nlc:MinimumGroupSize") ?? PeerDisclosure.DefaultK;

    /// <summary>The place of <paramref name="open"/>'s city, scored <paramref name="score"/>, among its country's peers.</summary>
    public async Task<PeerPlace> PlaceAsync(OpenAssessment open, ScoreResult score, CancellationToken cancellationToken)
    {
        var rubric = open.Engine.Rubric;
        var locale = AssessmentPage.Locale;
        if (open.Rights.SeesOnlyValidated)
        {
            return new PeerPlace(0, text["PeersNotForPartners"], []);
        }

        var pillarIds = rubric.Pillars.Select(p => p.Id).ToArray();
        var practiceIds = rubric.Practices.Select(p => p.Id).ToArray();
        var eligible = await benchmarks.EligibleAsync(
            rubric.Id, rubric.Version.Major, open.Assessment.Period, new ScoreSnapshotReader(pillarIds, practiceIds), cancellationToken);
        var restricted = !open.Rights.CanReview;
        var benchmark = _benchmarks.GetOrCreateValue(eligible).GetOrAdd(
            (open.City.Country, restricted, K),
            group => PeerBenchmark.Compute(
                eligible, new PeerGroupFilter(Country: group.Country), pillarIds, practiceIds, group.Restricted ? PeerDisclosure.Restricted(group.K) : PeerDisclosure.Exact));
        if (!benchmark.Members.Any(m => m.AssessmentId == open.Assessment.Id))
        {
            return new PeerPlace(benchmark.N, text["PeersNotValidated", open.City.Country, open.Assessment.Period], []);
        }

        if (benchmark.WithheldReason is { } withheld)
        {
            return new PeerPlace(benchmark.N, text["PeersWithheld", withheld], []);
        }

        var rows = new List<PeerPlaceRow> { Row(text["ResultsOverall"], score.Overall, m => m.Overall, benchmark.Banded?.Overall, benchmark, restricted) };
        rows.AddRange(rubric.Pillars.Select((pillar, i) => Row(
            pillar.Title.Get(locale), score.Pillars[i].Score, m => m.Pillars.GetValueOrDefault(pillar.Id), benchmark.Banded?.Pillars.GetValueOrDefault(pillar.Id), benchmark, restricted)));
        return new PeerPlace(benchmark.N, null, rows);
    }

    private PeerPlaceRow Row(string label, double? score, Func<ScoredCity, double?> metric, BandedDistribution? bands, PeerBenchmark benchmark, bool restricted)
    {
        if (score is not { } own)
        {
            return new PeerPlaceRow(label, null, null);
        }

        if (restricted)
        {
            return new PeerPlaceRow(label, own, bands is null ? null : QuarterWords(RestrictedRelease.Quarter(own, bands)));
        }

        var rank = Distribution.PercentileRank(benchmark.Members.Select(metric).OfType<double>().ToArray(), own);
        return new PeerPlaceRow(label, own, text["PeersPercentile", Math.Round(rank).ToString(CultureInfo.CurrentCulture)]);
    }

    /// <summary>"below-q1", "q1-median to median-q3" and the like, in words.</summary>
    private string QuarterWords(string quarter) =>
        string.Join(text["PeersQuarterRangeJoin"], quarter.Split(" to ").Select(q => text[$"PeersQuarter_{q}"].Value));
}
