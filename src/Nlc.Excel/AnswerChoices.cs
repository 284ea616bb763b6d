using System.Globalization;
using System.Text;
using Nlc.Core.Languages;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;

namespace Nlc.Excel;

/// <summary>
/// The choices of the Level column in one language ("0 - Not in place" … "4 - Embedded", "Not applicable", "Don't know")
/// and the lenient reading of what people actually type there: a name, a number, a number cell, "3 - Established",
/// in any served language (a workbook may be filled in by people of several languages, and re-saved anywhere).
/// </summary>
internal sealed class AnswerChoices
{
    private readonly LevelScale _scale;
    private readonly Dictionary<string, int> _levelByName = new(StringComparer.Ordinal);
    private readonly HashSet<string> _notApplicable = new(StringComparer.Ordinal) { "n/a", "na", "n.a", "not applicable" };
    private readonly HashSet<string> _dontKnow = new(StringComparer.Ordinal) { "don't know", "dont know", "do not know", "dk", "unknown" };

    public AnswerChoices(LevelScale scale, string language)
    {
        _scale = scale;
        Labels = scale.Levels.Select(l => Label(l.Level, l.Name.Get(language))).ToArray();
        NotApplicable = scale.NotApplicable.Name.Get(language);
        DontKnow = scale.DontKnow.Name.Get(language);
        // The workbook's language first, so a name shared by two languages means what it means in the workbook.
        foreach (var locale in SupportedLanguages.All.Prepend(language))
        {
            foreach (var level in scale.Levels)
            {
                _levelByName.TryAdd(Normalize(level.Name.Get(locale)), level.Level);
            }

            _notApplicable.Add(Normalize(scale.NotApplicable.Name.Get(locale)));
            _dontKnow.Add(Normalize(scale.DontKnow.Name.Get(locale)));
        }
    }

    /// <summary>"0 - Not in place" … for every level of the scale, in order.</summary>
    public IReadOnlyList<string> Labels { get; }

    public string NotApplicable { get; }

    public string DontKnow { get; }

    /// <summary>Every choice of the drop-down, in order.</summary>
    public IReadOnlyList<string> All => [.. Labels, NotApplicable, DontKnow];

    /// <summary>The highest level of the scale.</summary>
    public int MaxLevel => _scale.MaxLevel;

    public static string Label(int level, string name) => $"{level.ToString(CultureInfo.InvariantCulture)} - {name}";

    /// <summary>The label a stored answer is shown with; null for unanswered.</summary>
    public string? LabelOf(Answer answer) => answer.Kind switch
    {
        AnswerKind.Level when answer.Level is { } level && level >= 0 && level < Labels.Count => Labels[level],
        AnswerKind.Level => answer.Level?.ToString(CultureInfo.InvariantCulture),
        AnswerKind.NotApplicable => NotApplicable,
        AnswerKind.DontKnow => DontKnow,
        _ => null,
    };

    /// <summary>Reads a number cell: a whole level (3, 3.0) or nothing.</summary>
    public Choice? ParseNumber(double value)
    {
        var rounded = Math.Round(value);
        return Math.Abs(value - rounded) < 1e-9 && rounded >= 0 && rounded <= _scale.MaxLevel ? Choice.AtLevel((int)rounded) : null;
    }

    /// <summary>Reads a text cell; null when it is none of the choices (including when a number and a name disagree).</summary>
    public Choice? ParseText(string text)
    {
        var value = Normalize(text);
        if (value.Length == 0)
        {
            return null;
        }

        if (_notApplicable.Contains(value))
        {
            return Choice.NotApplicable;
        }

        if (_dontKnow.Contains(value))
        {
            return Choice.DontKnow;
        }

        if (_levelByName.TryGetValue(value, out var named))
        {
            return Choice.AtLevel(named);
        }

        // A number, optionally with zero decimals in either notation ("3", "3.0", "3,0"), optionally followed by its name.
        var digits = 0;
        while (digits < value.Length && char.IsAsciiDigit(value[digits]))
        {
            digits++;
        }

        if (digits == 0 || digits > 3)
        {
            return null;
        }

        var level = int.Parse(value.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture);
        var rest = value.AsSpan(digits);
        if (rest.Length > 1 && (rest[0] == '.' || rest[0] == ',') && rest[1..].TrimStart('0').Length == 0)
        {
            rest = [];
        }

        if (level > _scale.MaxLevel)
        {
            return null;
        }

        if (rest.IsEmpty)
        {
            return Choice.AtLevel(level);
        }

        var name = rest.TrimStart(" -–—:.)".AsSpan()).ToString();
        return name.Length > 0 && name.Length < rest.Length && _levelByName.TryGetValue(name, out var byName) && byName == level
            ? Choice.AtLevel(level)
            : null;
    }

    /// <summary>Lower case, one space between words, typographic apostrophes and dashes made plain, trailing dot dropped.</summary>
    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var raw in text)
        {
            var c = raw switch
            {
                '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4' => '\'',
                '\u2013' or '\u2014' or '\u2212' => '-',
                _ => char.ToLowerInvariant(raw),
            };
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        while (builder.Length > 0 && builder[^1] == '.')
        {
            builder.Length--;
        }

        return builder.ToString();
    }
}

/// <summary>What a Level cell says: a level, Not applicable or Don't know.</summary>
internal readonly record struct Choice(AnswerKind Kind, int? Level)
{
    public static Choice NotApplicable => new(AnswerKind.NotApplicable, null);

    public static Choice DontKnow => new(AnswerKind.DontKnow, null);

    public static Choice AtLevel(int level) => new(AnswerKind.Level, level);
}
