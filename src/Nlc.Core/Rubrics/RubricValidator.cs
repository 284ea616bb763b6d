using System.Text.RegularExpressions;

namespace Nlc.Core.Rubrics;

/// <summary>
/// Checks that a parsed rubric makes sense as a whole and returns every problem, not just the first:
/// missing fields, duplicate or malformed ids, practices without pillars, pillars without practices,
/// missing level descriptors, non-positive weights, locales not declared, malformed versions.
/// </summary>
internal static partial class RubricValidator
{
    public static IReadOnlyList<RubricProblem> Validate(RubricDocument document)
    {
        var check = new Checker(document.File);

        if (check.Required(document.Id, document.At.Child("id"), "the rubric needs an id") is { } id && !RubricId().IsMatch(id))
        {
            check.Report(document.At.Child("id"), $"id '{id}' must be lower-case letters, digits and hyphens, starting with a letter");
        }

        if (check.Required(document.Version, document.At.Child("version"), "the rubric needs a version") is { } version
            && !RubricVersion.TryParse(version, out _))
        {
            check.Report(document.At.Child("version"), $"version '{version}' is malformed: expected MAJOR.MINOR.PATCH, e.g. 1.0.0");
        }

        var locales = CheckLocales(document, check);
        check.Text(document.Title, document.At.Child("title"), locales);
        check.Text(document.Description, document.At.Child("description"), locales);
        check.Text(document.Source, document.At.Child("source"), locales);
        check.Text(document.Attribution, document.At.Child("attribution"), locales);

        var levelCount = CheckScale(document, check, locales);
        var pillarIds = CheckPillars(document, check, locales);
        CheckPractices(document, check, locales, pillarIds, levelCount);
        return check.Problems;
    }

    private static HashSet<string> CheckLocales(RubricDocument document, Checker check)
    {
        var locales = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in document.Locales)
        {
            if (!LocaleCode().IsMatch(entry.Locale))
            {
                check.Report(entry.At, $"'{entry.Locale}' is not a locale code such as 'en', 'sq' or 'sr-Latn'");
            }
            else if (!locales.Add(entry.Locale))
            {
                check.Report(entry.At, $"locale '{entry.Locale}' is listed twice");
            }
        }

        if (!locales.Contains(LocalizedText.DefaultLocale))
        {
            check.Report(document.At.Child("locales"), $"locales must include '{LocalizedText.DefaultLocale}'");
            locales.Add(LocalizedText.DefaultLocale);
        }

        return locales;
    }

    private static int CheckScale(RubricDocument document, Checker check, HashSet<string> locales)
    {
        if (document.Scale is not { } scale)
        {
            check.Report(document.At.Child("scale"), "the rubric needs a level scale");
            return 0;
        }

        var levelsAt = scale.At.Child("levels");
        if (scale.Levels.Count < 2)
        {
            check.Report(levelsAt, "the scale needs at least two levels");
        }

        for (var i = 0; i < scale.Levels.Count; i++)
        {
            var level = scale.Levels[i];
            if (level.Level != i)
            {
                check.Report(level.At.Child("level"), $"levels must be numbered 0, 1, 2 … in order; expected {i} here, found {Show(level.Level)}");
            }

            check.Text(level.Name, level.At.Child("name"), locales);
            check.Text(level.Description, level.At.Child("description"), locales);
        }

        CheckAnswerOption(scale.NotApplicable, scale.At.Child("notApplicable"), "Not applicable", check, locales);
        CheckAnswerOption(scale.DontKnow, scale.At.Child("dontKnow"), "Don't know", check, locales);
        return scale.Levels.Count;
    }

    private static void CheckAnswerOption(AnswerOptionDocument? option, SourceLocation at, string name, Checker check, HashSet<string> locales)
    {
        if (option is null)
        {
            check.Report(at, $"the scale needs the '{name}' answer");
            return;
        }

        check.Text(option.Name, option.At.Child("name"), locales);
        check.Text(option.Description, option.At.Child("description"), locales);
    }

    private static HashSet<string> CheckPillars(RubricDocument document, Checker check, HashSet<string> locales)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (document.Pillars.Count == 0)
        {
            check.Report(document.At.Child("pillars"), "the rubric needs at least one pillar");
        }

        foreach (var pillar in document.Pillars)
        {
            if (check.Required(pillar.Id, pillar.At.Child("id"), "the pillar needs an id") is { } id)
            {
                if (!PillarId().IsMatch(id))
                {
                    check.Report(pillar.At.Child("id"), $"pillar id '{id}' must be lower-case letters, digits and hyphens, starting with a letter");
                }
                else if (!ids.Add(id))
                {
                    check.Report(pillar.At.Child("id"), $"duplicate pillar id '{id}'");
                }
            }

            check.Text(pillar.Title, pillar.At.Child("title"), locales);
            check.Text(pillar.Summary, pillar.At.Child("summary"), locales);
        }

        var linked = document.Practices.SelectMany(p => p.Pillars).Select(l => l.Pillar).ToHashSet(StringComparer.Ordinal);
        foreach (var pillar in document.Pillars.Where(p => p.Id is not null && ids.Contains(p.Id) && !linked.Contains(p.Id)))
        {
            check.Report(pillar.At, $"pillar '{pillar.Id}' has no practice linked to it, so it could never be scored");
        }

        return ids;
    }

    private static void CheckPractices(RubricDocument document, Checker check, HashSet<string> locales, HashSet<string> pillarIds, int levelCount)
    {
        var practiceIds = new HashSet<string>(StringComparer.Ordinal);
        var indicatorIds = new HashSet<string>(StringComparer.Ordinal);
        if (document.Practices.Count == 0)
        {
            check.Report(document.At.Child("practices"), "the rubric needs at least one practice");
        }

        foreach (var practice in document.Practices)
        {
            var practiceId = check.Required(practice.Id, practice.At.Child("id"), "the practice needs an id");
            if (practiceId is not null)
            {
                if (!PracticeId().IsMatch(practiceId))
                {
                    check.Report(practice.At.Child("id"), $"practice id '{practiceId}' must be letters and digits, e.g. GP01");
                }
                else if (!practiceIds.Add(practiceId))
                {
                    check.Report(practice.At.Child("id"), $"duplicate practice id '{practiceId}'");
                }
            }

            var name = practiceId ?? "this practice";
            check.Text(practice.Title, practice.At.Child("title"), locales);
            check.Text(practice.Summary, practice.At.Child("summary"), locales);
            CheckPillarLinks(practice, name, check, pillarIds);

            if (practice.Indicators.Count == 0)
            {
                check.Report(practice.At.Child("indicators"), $"practice '{name}' has no indicators");
            }

            foreach (var indicator in practice.Indicators)
            {
                CheckIndicator(indicator, practiceId, check, locales, indicatorIds, levelCount);
            }
        }
    }

    private static void CheckPillarLinks(PracticeDocument practice, string name, Checker check, HashSet<string> pillarIds)
    {
        if (practice.Pillars.Count == 0)
        {
            check.Report(practice.At.Child("pillars"), $"practice '{name}' is linked to no pillar, so it would never count in a score");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in practice.Pillars)
        {
            if (check.Required(link.Pillar, link.At.Child("pillar"), "the link needs a pillar id") is { } pillar)
            {
                if (!pillarIds.Contains(pillar))
                {
                    check.Report(link.At.Child("pillar"), $"practice '{name}' links to unknown pillar '{pillar}'");
                }
                else if (!seen.Add(pillar))
                {
                    check.Report(link.At.Child("pillar"), $"practice '{name}' links to pillar '{pillar}' twice");
                }
            }

            check.PositiveWeight(link.Weight, link.At.Child("weight"));
        }
    }

    private static void CheckIndicator(
        IndicatorDocument indicator, string? practiceId, Checker check, HashSet<string> locales, HashSet<string> indicatorIds, int levelCount)
    {
        var id = check.Required(indicator.Id, indicator.At.Child("id"), "the indicator needs an id");
        if (id is not null)
        {
            if (!IndicatorId().IsMatch(id))
            {
                check.Report(indicator.At.Child("id"), $"indicator id '{id}' must be the practice id, a dot and a number, e.g. GP03.2");
            }
            else if (practiceId is not null && !id.StartsWith(practiceId + ".", StringComparison.Ordinal))
            {
                check.Report(indicator.At.Child("id"), $"indicator id '{id}' must start with its practice id '{practiceId}.'");
            }
            else if (!indicatorIds.Add(id))
            {
                check.Report(indicator.At.Child("id"), $"duplicate indicator id '{id}'");
            }
        }

        var name = id ?? "this indicator";
        check.PositiveWeight(indicator.Weight, indicator.At.Child("weight"));
        check.Text(indicator.Question, indicator.At.Child("question"), locales);
        check.Text(indicator.Guidance, indicator.At.Child("guidance"), locales);
        if (indicator.Evidence.Count == 0)
        {
            check.Report(indicator.At.Child("evidence"), $"indicator '{name}' needs at least one example of evidence");
        }

        for (var i = 0; i < indicator.Evidence.Count; i++)
        {
            check.Text(indicator.Evidence[i], indicator.At.Child("evidence").Item(i), locales);
        }

        var described = new HashSet<int>();
        foreach (var level in indicator.Levels)
        {
            if (level.Level is not { } number)
            {
                check.Report(level.At.Child("level"), "the descriptor needs its level number");
            }
            else if (number < 0 || number >= levelCount)
            {
                check.Report(level.At.Child("level"), $"level {number} is not on the scale (0 to {levelCount - 1})");
            }
            else if (!described.Add(number))
            {
                check.Report(level.At.Child("level"), $"indicator '{name}' describes level {number} twice");
            }

            check.Text(level.Descriptor, level.At.Child("descriptor"), locales);
        }

        for (var level = 0; level < levelCount; level++)
        {
            if (!described.Contains(level))
            {
                check.Report(indicator.At.Child("levels"), $"indicator '{name}' has no descriptor for level {level}");
            }
        }
    }

    private static string Show(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing";

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial Regex RubricId();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial Regex PillarId();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,15}$")]
    private static partial Regex PracticeId();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]{0,15}\.[0-9]{1,3}$")]
    private static partial Regex IndicatorId();

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LocaleCode();

    private sealed class Checker(string file)
    {
        public List<RubricProblem> Problems { get; } = [];

        public void Report(SourceLocation at, string message) => Problems.Add(new RubricProblem(file, at.Path, at.Line, message));

        public string? Required(string? value, SourceLocation at, string message)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Report(at, message);
                return null;
            }

            return value;
        }

        public void PositiveWeight(double? weight, SourceLocation at)
        {
            if (weight is null)
            {
                Report(at, "a weight is required");
            }
            else if (weight <= 0)
            {
                Report(at, $"weight must be greater than 0, found {weight.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            }
        }

        public void Text(TextDocument? text, SourceLocation at, HashSet<string> locales)
        {
            if (text is null)
            {
                Report(at, $"a text is required, with at least an '{LocalizedText.DefaultLocale}' entry");
                return;
            }

            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in text.Entries)
            {
                if (!locales.Contains(entry.Locale))
                {
                    Report(entry.At, $"unknown locale '{entry.Locale}': add it to the rubric's locales or correct the code");
                }
                else if (!seen.Add(entry.Locale))
                {
                    Report(entry.At, $"locale '{entry.Locale}' appears twice");
                }

                if (string.IsNullOrWhiteSpace(entry.Text))
                {
                    Report(entry.At, "the text is empty");
                }
            }

            if (!seen.Contains(LocalizedText.DefaultLocale))
            {
                Report(at, $"the '{LocalizedText.DefaultLocale}' text is missing");
            }
        }
    }
}
