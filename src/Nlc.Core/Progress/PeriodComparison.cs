using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;

namespace Nlc.Core.Progress;

/// <summary>
/// The change between two scored assessments of one city. Only metrics that mean the same in both are compared: the
/// same rubric id, the same level scale and the id present in both versions; the others are listed in
/// <see cref="NotComparable"/>, never mixed in.
/// </summary>
public sealed record PeriodComparison(
    ScoreChange? Overall,
    IReadOnlyList<ScoreChange> Pillars,
    IReadOnlyList<ScoreChange> Practices,
    IReadOnlyList<string> NotComparable,
    IReadOnlyList<ScoreChange> MostImproved,
    IReadOnlyList<ScoreChange> MostDeclined)
{
    /// <summary>How many practices <see cref="MostImproved"/> and <see cref="MostDeclined"/> list at most.</summary>
    public const int TopCount = 3;

    /// <summary>Compares <paramref name="from"/> (scored with <paramref name="fromRubric"/>) to <paramref name="to"/>.</summary>
    public static PeriodComparison Between(Rubric fromRubric, ScoreResult from, Rubric toRubric, ScoreResult to)
    {
        var sameFramework = fromRubric.Id == toRubric.Id && fromRubric.Scale.MaxLevel == toRubric.Scale.MaxLevel;
        var notComparable = new List<string>();

        var fromPractices = from.Practices.ToDictionary(p => p.PracticeId, p => p.Score);
        var toPractices = to.Practices.ToDictionary(p => p.PracticeId, p => p.Score);
        var practices = Compare(fromPractices, toPractices, sameFramework, notComparable);

        var fromPillars = from.Pillars.ToDictionary(p => p.PillarId, p => p.Score);
        var toPillars = to.Pillars.ToDictionary(p => p.PillarId, p => p.Score);
        var pillars = Compare(fromPillars, toPillars, sameFramework && SameLinks(fromRubric, toRubric), notComparable);

        ScoreChange? overall = null;
        if (sameFramework && fromPillars.Keys.Order().SequenceEqual(toPillars.Keys.Order()) && SameLinks(fromRubric, toRubric))
        {
            overall = new ScoreChange("overall", from.Overall, to.Overall);
        }
        else
        {
            notComparable.Add("overall");
        }

        var changed = practices.Where(p => p.Delta is not null).ToList();
        return new PeriodComparison(
            overall,
            pillars,
            practices,
            notComparable,
            changed.Where(p => p.Delta > 0).OrderByDescending(p => p.Delta).ThenBy(p => p.Id, StringComparer.Ordinal).Take(TopCount).ToArray(),
            changed.Where(p => p.Delta < 0).OrderBy(p => p.Delta).ThenBy(p => p.Id, StringComparer.Ordinal).Take(TopCount).ToArray());
    }

    private static List<ScoreChange> Compare(
        Dictionary<string, double?> from, Dictionary<string, double?> to, bool comparable, List<string> notComparable)
    {
        var changes = new List<ScoreChange>();
        foreach (var id in from.Keys.Union(to.Keys).Order(StringComparer.Ordinal))
        {
            if (comparable && from.TryGetValue(id, out var before) && to.TryGetValue(id, out var after))
            {
                changes.Add(new ScoreChange(id, before, after));
            }
            else
            {
                notComparable.Add(id);
            }
        }

        return changes;
    }

    /// <summary>Pillar scores mean the same only if every practice feeds the same pillars with the same weights.</summary>
    private static bool SameLinks(Rubric a, Rubric b) =>
        a.Practices.SelectMany(p => p.Pillars.Select(l => (p.Id, l.PillarId, l.Weight))).Order()
            .SequenceEqual(b.Practices.SelectMany(p => p.Pillars.Select(l => (p.Id, l.PillarId, l.Weight))).Order());
}
