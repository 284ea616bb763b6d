using Nlc.Core.Assessments;
using Nlc.Core.Benchmarking;
using Nlc.Core.Periods;
using Nlc.Core.Rubrics;

namespace Nlc.Storage.Network;

/// <summary>
/// What the hub comparison workbook lists, read the same way for the API's report and the hub's heat map page: each
/// city of a peer group with its validated assessment of a period and its change since its previous validated period.
/// </summary>
public sealed class CityComparisons(BenchmarkStore benchmarks, AssessmentStore assessments, ScoreCache scores)
{
    /// <summary>
    /// The members of the group <paramref name="filter"/> names among the cities validated in <paramref name="period"/> for
    /// rubric <paramref name="rubric"/> (any version of major <paramref name="major"/>), by city id.
    /// </summary>
    public async Task<IReadOnlyList<ComparedAssessment>> ReadAsync(
        Rubric rubric, int major, string period, PeerGroupFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(filter);
        var eligible = await benchmarks.EligibleAsync(
            rubric.Id, major, period, new ScoreSnapshotReader(rubric.Pillars.Select(p => p.Id), rubric.Practices.Select(p => p.Id)), cancellationToken);
        var compared = new List<ComparedAssessment>();
        foreach (var member in eligible.Where(filter.Matches))
        {
            var assessment = (await assessments.FindAsync(member.City.AssessmentId, cancellationToken))!;
            // The city's latest validated assessment of the same rubric before this period, for the change since then.
            var previous = (await assessments.ListAllAsync(assessment.CityId, new AssessmentFilter(Status: AssessmentStatus.Validated), cancellationToken))
                .Where(a => a.RubricId == assessment.RubricId && Period.TextComparer.Compare(a.Period, assessment.Period) < 0)
                .OrderBy(a => a.Period, Period.TextComparer)
                .LastOrDefault();
            compared.Add(new ComparedAssessment(
                member,
                assessment,
                await scores.ScoreAsync(assessment, cancellationToken),
                previous,
                previous is null ? null : await scores.ScoreAsync(previous, cancellationToken)));
        }

        return compared;
    }
}
