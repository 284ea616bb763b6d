using Nlc.Core.Scoring;

namespace Nlc.Core.ActionPlans;

/// <summary>Starting an action from a next step: the step's practice, indicator and level filled in, ready to complete and save.</summary>
public static class NextStepAction
{
    /// <summary>
    /// An action input for <paramref name="step"/>: titled with the step in <paramref name="language"/> (cut to
    /// <see cref="ActionRules.MaxTitle"/>), targeting its indicator at its next level; the responsible body and dates are left to the city.
    /// </summary>
    public static ActionInput From(GapItem step, string language)
    {
        var title = step.NextStep.Get(language);
        if (title.Length > ActionRules.MaxTitle)
        {
            title = title[..(ActionRules.MaxTitle - 1)].TrimEnd() + "…";
        }

        return new ActionInput(title, step.NextStep.Get(language), [new ActionTarget(step.PracticeId, step.IndicatorId, Math.Max(1, step.NextLevel))], null, [], null, null);
    }

    /// <summary>The next step of <paramref name="score"/> for <paramref name="indicatorId"/>, or null when that indicator has none (already at the top level).</summary>
    public static GapItem? Find(ScoreResult score, string indicatorId)
    {
        ArgumentNullException.ThrowIfNull(score);
        return score.Gaps.Cast<GapItem?>().FirstOrDefault(g => g!.Value.IndicatorId == indicatorId);
    }
}
