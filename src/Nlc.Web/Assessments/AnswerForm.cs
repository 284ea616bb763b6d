using System.Globalization;
using Microsoft.AspNetCore.Http;
using Nlc.Core.Assessments;
using Nlc.Core.Scoring;

namespace Nlc.Web.Assessments;

/// <summary>
/// One indicator's answer as the fill-in form holds it: the choice ("0".."4", "na", "dk" or empty), the reason, the
/// note, the evidence (one entry per line), the fingerprint of the saved answer the page was loaded with, and — after a
/// conflict — which answer to keep. Field names are "{part}-{indicatorId}".
/// </summary>
public sealed record AnswerForm(string IndicatorId, string Choice, string Reason, string Note, string Evidence, string Base, string? Resolve, bool InConflict)
{
    /// <summary>The choice value of a Not applicable answer.</summary>
    public const string NotApplicable = "na";

    /// <summary>The choice value of a Don't know answer.</summary>
    public const string DontKnow = "dk";

    /// <summary>The resolution that keeps this person's answer.</summary>
    public const string KeepMine = "mine";

    /// <summary>The resolution that keeps the answer saved by someone else.</summary>
    public const string KeepSaved = "saved";

    /// <summary>Whether nothing was entered for the indicator.</summary>
    public bool IsBlank => Choice.Length == 0 && string.IsNullOrWhiteSpace(Reason) && string.IsNullOrWhiteSpace(Note) && string.IsNullOrWhiteSpace(Evidence);

    /// <summary>The form of a saved answer (or of none), with its fingerprint as the baseline.</summary>
    public static AnswerForm Of(string indicatorId, StoredAnswer? saved, Func<AnswerInput, string> fingerprint)
    {
        if (saved is null)
        {
            return new AnswerForm(indicatorId, "", "", "", "", "", null, false);
        }

        var answer = saved.Answer;
        var choice = answer.Kind switch
        {
            AnswerKind.Level => answer.Level!.Value.ToString(CultureInfo.InvariantCulture),
            AnswerKind.NotApplicable => NotApplicable,
            _ => DontKnow,
        };
        return new AnswerForm(
            indicatorId, choice, answer.Reason ?? "", answer.Note ?? "", string.Join('\n', saved.Evidence), fingerprint(new AnswerInput(answer, saved.Evidence)), null, false);
    }

    /// <summary>Reads the indicator's fields from a posted form.</summary>
    public static AnswerForm Read(string indicatorId, IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        string Field(string part) => form[$"{part}-{indicatorId}"].ToString();
        var resolve = Field("resolve");
        return new AnswerForm(
            indicatorId, Field("choice"), Field("reason"), Field("note"), Field("evidence"), Field("base"), resolve.Length == 0 ? null : resolve, Field("conflict").Length > 0);
    }

    /// <summary>
    /// The answer the form gives, or null when no choice was made. A reason typed and then left behind by choosing a level
    /// or Don't know is dropped: without scripts the reason box is always on the page.
    /// </summary>
    public AnswerInput? ToInput()
    {
        var note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
        var evidence = Evidence.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Answer? answer = Choice switch
        {
            NotApplicable => new Answer(IndicatorId, AnswerKind.NotApplicable, Reason: string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim(), Note: note),
            DontKnow => Answer.DontKnow(IndicatorId, note),
            _ when int.TryParse(Choice, NumberStyles.None, CultureInfo.InvariantCulture, out var level) => Answer.AtLevel(IndicatorId, level, note),
            "" => null,
            _ => new Answer(IndicatorId, AnswerKind.Level, -1, Note: note),
        };
        return answer is null ? null : new AnswerInput(answer, evidence);
    }
}
