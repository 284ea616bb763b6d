using System.Security.Cryptography;
using System.Text;
using Nlc.Core.Assessments;
using Nlc.Core.Scoring;
using Nlc.Excel.Xlsx;

namespace Nlc.Excel;

/// <summary>
/// Answers as a fill-in workbook can hold them, so a workbook's baseline (the answers it was downloaded with) can be
/// compared with what comes back and with what is saved now. Two answers that read back the same from a workbook are
/// the same here: texts as the workbook writes and reads them (characters XML cannot hold dropped, line breaks as "\n",
/// trimmed), evidence as its non-empty lines.
/// </summary>
public static class AnswerFingerprint
{
    /// <summary>The fingerprint of <paramref name="answer"/>: base64 of a SHA-256 over its workbook form.</summary>
    public static string Of(AnswerInput answer)
    {
        var form = Form.Of(answer);
        var text = string.Join('\0', form.Choice, form.Reason, form.Note, string.Join('\n', form.Evidence));
        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Which parts of the answer differ in their workbook form: "level", "reason", "note", "evidence".</summary>
    public static IReadOnlyList<string> ChangedParts(AnswerInput before, AnswerInput after)
    {
        var (old, now) = (Form.Of(before), Form.Of(after));
        var parts = new List<string>();
        if (old.Choice != now.Choice)
        {
            parts.Add("level");
        }

        if (old.Reason != now.Reason)
        {
            parts.Add("reason");
        }

        if (old.Note != now.Note)
        {
            parts.Add("note");
        }

        if (!old.Evidence.SequenceEqual(now.Evidence))
        {
            parts.Add("evidence");
        }

        return parts;
    }

    private sealed record Form(string Choice, string Reason, string Note, string[] Evidence)
    {
        public static Form Of(AnswerInput answer)
        {
            ArgumentNullException.ThrowIfNull(answer);
            var a = answer.Answer;
            var choice = a.Kind switch
            {
                AnswerKind.Level => $"level {a.Level}",
                AnswerKind.NotApplicable => "notApplicable",
                _ => "dontKnow",
            };
            var evidence = Text(string.Join('\n', answer.Evidence)).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            return new Form(choice, Text(a.Reason), Text(a.Note), evidence);
        }

        private static string Text(string? text) =>
            XmlText.Clean(text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
    }
}
