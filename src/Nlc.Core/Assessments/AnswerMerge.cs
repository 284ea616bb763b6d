namespace Nlc.Core.Assessments;

/// <summary>An answer one person gave, with what its indicator held when they started editing (its fingerprint; null: no answer).</summary>
public sealed record BasedAnswer(AnswerInput Answer, string? BaseFingerprint);

/// <summary>An indicator both the editor and someone else changed since the editor started: their answer and the one saved now (null: none).</summary>
public sealed record AnswerConflict(AnswerInput Yours, StoredAnswer? Saved)
{
    /// <summary>The indicator both changed.</summary>
    public string IndicatorId => Yours.Answer.IndicatorId;
}

/// <summary>What merging an editor's answers with what is saved now comes to: the answers to write, or the conflicts that forbid writing any.</summary>
public sealed record AnswerMergePlan(IReadOnlyList<AnswerInput> Changes, IReadOnlyList<AnswerConflict> Conflicts);

/// <summary>
/// The three-way merge that keeps colleagues from undoing each other's work when they edit offline: an answer the editor
/// did not change is left as it is saved now; one they changed is written if no one else changed that indicator since
/// they started; if someone did (to something else), it is a conflict. Answers are compared by a fingerprint that the
/// door they came through defines (e.g. what a workbook can show), so an untouched answer never counts as an edit.
/// </summary>
public static class AnswerMerge
{
    /// <summary>Plans the merge of <paramref name="edited"/> into <paramref name="saved"/> (the answers stored now, by indicator id).</summary>
    public static AnswerMergePlan Plan(
        IReadOnlyList<BasedAnswer> edited, IReadOnlyDictionary<string, StoredAnswer> saved, Func<AnswerInput, string> fingerprint)
    {
        ArgumentNullException.ThrowIfNull(edited);
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(fingerprint);
        var changes = new List<AnswerInput>();
        var conflicts = new List<AnswerConflict>();
        foreach (var (answer, baseFingerprint) in edited)
        {
            var yours = fingerprint(answer);
            if (yours == baseFingerprint)
            {
                continue;
            }

            var current = saved.GetValueOrDefault(answer.Answer.IndicatorId);
            var now = current is null ? null : fingerprint(new AnswerInput(current.Answer, current.Evidence));
            if (now == yours)
            {
                continue;
            }

            if (now == baseFingerprint)
            {
                changes.Add(answer);
            }
            else
            {
                conflicts.Add(new AnswerConflict(answer, current));
            }
        }

        return new AnswerMergePlan(changes, conflicts);
    }
}
