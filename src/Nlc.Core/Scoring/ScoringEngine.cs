using System.Collections.Frozen;
using Nlc.Core.Assessments;
using Nlc.Core.Rubrics;

namespace Nlc.Core.Scoring;

/// <summary>
/// Scores answers against one rubric. Pure: the same rubric and answers always give the same result, in any order.
/// Rules: indicator = level / top level; practice = weighted mean of its applicable answered indicators;
/// pillar = mean of its scored practices weighted by link weight; overall = mean of the scored pillars.
/// Not applicable and unanswered indicators leave the denominator; Don't know scores 0.
/// </summary>
public sealed class ScoringEngine
{
    private readonly Rubric _rubric;
    private readonly FrozenDictionary<string, int> _indicatorIndex;
    private readonly Indicator[] _indicators;
    private readonly LocalizedText[][] _stepsOfIndicator;
    private readonly LocalizedText[] _findOutOfIndicator;
    private readonly string[] _practiceIds;
    private readonly string[] _pillarIds;
    private readonly int[] _practiceOfIndicator;
    private readonly double[] _indicatorWeight;
    private readonly (int Pillar, double Weight)[][] _pillarLinksOfPractice;
    private readonly int _maxLevel;

    /// <summary>Prepares the rubric's indicator and pillar indices once, so each score is cheap.</summary>
    public ScoringEngine(Rubric rubric)
    {
        _rubric = rubric;
        _maxLevel = rubric.Scale.MaxLevel;
        var indicators = rubric.Indicators;
        _indicators = indicators.ToArray();
        _stepsOfIndicator = indicators.Select(i => i.Levels.Select(l => NextStepWording.ReachLevel(i, l.Level, rubric.Scale)).ToArray()).ToArray();
        _findOutOfIndicator = indicators.Select(NextStepWording.FindOutLevel).ToArray();
        _practiceIds = rubric.Practices.Select(p => p.Id).ToArray();
        _pillarIds = rubric.Pillars.Select(p => p.Id).ToArray();
        _indicatorIndex = indicators.Select((indicator, i) => (indicator.Id, i)).ToFrozenDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var practiceIndex = rubric.Practices.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var pillarIndex = rubric.Pillars.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        _practiceOfIndicator = indicators.Select(i => practiceIndex[i.PracticeId]).ToArray();
        _indicatorWeight = indicators.Select(i => i.Weight).ToArray();
        _pillarLinksOfPractice = rubric.Practices
            .Select(p => p.Pillars.Select(l => (pillarIndex[l.PillarId], l.Weight)).ToArray())
            .ToArray();
    }

    /// <summary>The rubric this engine scores against.</summary>
    public Rubric Rubric => _rubric;

    /// <summary>Every reason the answers cannot be scored: unknown or repeated indicators, or the first <see cref="AnswerRules"/> shape rule an answer breaks.</summary>
    public IReadOnlyList<AnswerProblem> Validate(IReadOnlyList<Answer> answers)
    {
        var kinds = new AnswerKind[_indicatorWeight.Length];
        var levels = new int[_indicatorWeight.Length];
        return Read(answers, kinds, levels) ?? [];
    }

    /// <summary>Scores <paramref name="answers"/>; throws <see cref="InvalidAnswersException"/> naming every bad answer.</summary>
    public ScoreResult Score(IReadOnlyList<Answer> answers)
    {
        var indicatorCount = _indicatorWeight.Length;
        var practiceCount = _pillarLinksOfPractice.Length;
        var pillarCount = _pillarIds.Length;
        Span<AnswerKind> kinds = indicatorCount <= 512 ? stackalloc AnswerKind[indicatorCount] : new AnswerKind[indicatorCount];
        Span<int> levels = indicatorCount <= 512 ? stackalloc int[indicatorCount] : new int[indicatorCount];
        if (Read(answers, kinds, levels) is { } problems)
        {
            throw new InvalidAnswersException(problems);
        }

        Span<double> levelSum = practiceCount <= 256 ? stackalloc double[practiceCount] : new double[practiceCount];
        Span<double> weightSum = practiceCount <= 256 ? stackalloc double[practiceCount] : new double[practiceCount];
        var indicatorScores = new IndicatorScore[indicatorCount];
        int answered = 0, notApplicable = 0, dontKnow = 0, gapCount = 0;
        for (var i = 0; i < indicatorCount; i++)
        {
            var kind = kinds[i];
            int? level = kind == AnswerKind.Level ? levels[i] : null;
            double? score = kind switch
            {
                AnswerKind.Level => 100.0 * levels[i] / _maxLevel,
                AnswerKind.DontKnow => 0.0,
                _ => null,
            };
            indicatorScores[i] = new IndicatorScore(_indicators[i].Id, kind, level, score);
            if (kind != AnswerKind.Unanswered)
            {
                answered++;
            }

            if (kind is AnswerKind.Level or AnswerKind.DontKnow)
            {
                var practice = _practiceOfIndicator[i];
                levelSum[practice] += _indicatorWeight[i] * (kind == AnswerKind.Level ? levels[i] : 0);
                weightSum[practice] += _indicatorWeight[i];
                if (kind == AnswerKind.DontKnow || levels[i] < _maxLevel)
                {
                    gapCount++;
                }
            }

            notApplicable += kind == AnswerKind.NotApplicable ? 1 : 0;
            dontKnow += kind == AnswerKind.DontKnow ? 1 : 0;
        }

        var practiceScores = new PracticeScore[practiceCount];
        Span<double> pillarSum = pillarCount <= 256 ? stackalloc double[pillarCount] : new double[pillarCount];
        Span<double> pillarWeight = pillarCount <= 256 ? stackalloc double[pillarCount] : new double[pillarCount];
        for (var p = 0; p < practiceCount; p++)
        {
            if (weightSum[p] == 0)
            {
                practiceScores[p] = new PracticeScore(_practiceIds[p], null, null);
                continue;
            }

            var meanLevel = levelSum[p] / weightSum[p];
            var score = 100.0 * meanLevel / _maxLevel;
            practiceScores[p] = new PracticeScore(_practiceIds[p], score, MaturityLevel.OfMeanLevel(meanLevel));
            foreach (var (pillar, weight) in _pillarLinksOfPractice[p])
            {
                pillarSum[pillar] += weight * score;
                pillarWeight[pillar] += weight;
            }
        }

        var pillarScores = new PillarScore[pillarCount];
        double overallSum = 0;
        var scoredPillars = 0;
        for (var k = 0; k < pillarCount; k++)
        {
            double? score = pillarWeight[k] > 0 ? pillarSum[k] / pillarWeight[k] : null;
            pillarScores[k] = new PillarScore(_pillarIds[k], score);
            if (score is { } value)
            {
                overallSum += value;
                scoredPillars++;
            }
        }

        double? overall = scoredPillars > 0 ? overallSum / scoredPillars : null;
        var gaps = BuildGaps(gapCount, kinds, levels, weightSum, pillarWeight, scoredPillars);
        return new ScoreResult(
            _rubric.Id,
            _rubric.Version,
            _rubric.ContentHash,
            overall,
            pillarScores,
            practiceScores,
            indicatorScores,
            new Completeness(answered, indicatorCount, notApplicable, dontKnow),
            gaps);
    }

    /// <summary>
    /// The gain of one level on indicator i is exact, because the scores are linear in each level while the set of
    /// applicable indicators stays the same: it flows through its practice's share of each linked pillar.
    /// </summary>
    private GapItem[] BuildGaps(
        int gapCount, ReadOnlySpan<AnswerKind> kinds, ReadOnlySpan<int> levels, ReadOnlySpan<double> practiceWeight,
        ReadOnlySpan<double> pillarWeight, int scoredPillars)
    {
        Span<int> order = gapCount <= 512 ? stackalloc int[gapCount] : new int[gapCount];
        Span<int> currentLevels = kinds.Length <= 512 ? stackalloc int[kinds.Length] : new int[kinds.Length];
        Span<double> gains = kinds.Length <= 512 ? stackalloc double[kinds.Length] : new double[kinds.Length];
        var count = 0;
        for (var i = 0; i < kinds.Length; i++)
        {
            var current = kinds[i] switch
            {
                AnswerKind.Level when levels[i] < _maxLevel => levels[i],
                AnswerKind.DontKnow => 0,
                _ => -1,
            };
            if (current < 0)
            {
                continue;
            }

            var practice = _practiceOfIndicator[i];
            var practiceGain = 100.0 / _maxLevel * _indicatorWeight[i] / practiceWeight[practice];
            double pillarGain = 0;
            foreach (var (pillar, weight) in _pillarLinksOfPractice[practice])
            {
                pillarGain += weight / pillarWeight[pillar] * practiceGain;
            }

            currentLevels[i] = current;
            gains[i] = pillarGain / scoredPillars;
            InsertByGain(order, count++, i, gains);
        }

        var gaps = new GapItem[gapCount];
        for (var g = 0; g < gapCount; g++)
        {
            var i = order[g];
            var indicator = _indicators[i];
            var next = currentLevels[i] + 1;
            var step = kinds[i] == AnswerKind.DontKnow ? _findOutOfIndicator[i] : _stepsOfIndicator[i][next];
            gaps[g] = new GapItem(indicator.Id, indicator.PracticeId, currentLevels[i], next, step, gains[i]);
        }

        return gaps;
    }

    /// <summary>Insertion sort of indicator indices by descending gain; it keeps equal gains in rubric order.</summary>
    private static void InsertByGain(Span<int> order, int count, int indicator, ReadOnlySpan<double> gains)
    {
        var at = count;
        while (at > 0 && gains[order[at - 1]] < gains[indicator])
        {
            order[at] = order[at - 1];
            at--;
        }

        order[at] = indicator;
    }

    /// <summary>Fills kinds and levels by indicator index; returns the problems, or null when there are none.</summary>
    private List<AnswerProblem>? Read(IReadOnlyList<Answer> answers, Span<AnswerKind> kinds, Span<int> levels)
    {
        List<AnswerProblem>? problems = null;
        for (var a = 0; a < answers.Count; a++)
        {
            var answer = answers[a];
            var message = Check(answer, kinds, out var index);
            if (message is not null)
            {
                (problems ??= []).Add(new AnswerProblem(answer.IndicatorId ?? "", message, a));
                continue;
            }

            kinds[index] = answer.Kind;
            levels[index] = answer.Level ?? 0;
        }

        return problems;
    }

    private string? Check(Answer answer, ReadOnlySpan<AnswerKind> kinds, out int index)
    {
        index = -1;
        if (string.IsNullOrEmpty(answer.IndicatorId) || !_indicatorIndex.TryGetValue(answer.IndicatorId, out index))
        {
            return $"unknown indicator '{answer.IndicatorId}': rubric {_rubric.Key} has no such indicator";
        }

        if (kinds[index] != AnswerKind.Unanswered)
        {
            return "answered more than once";
        }

        return AnswerRules.ShapeViolation(answer, _maxLevel)?.Message;
    }
}
