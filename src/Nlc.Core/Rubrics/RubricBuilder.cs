namespace Nlc.Core.Rubrics;

/// <summary>Turns a document that passed <see cref="RubricValidator"/> into the immutable <see cref="Rubric"/>.</summary>
internal static class RubricBuilder
{
    public static Rubric Build(RubricDocument document)
    {
        var scale = document.Scale!;
        return new Rubric(
            document.Id!,
            RubricVersion.Parse(document.Version!),
            Text(document.Title),
            Text(document.Description),
            Text(document.Source),
            Text(document.Attribution),
            document.Locales.Select(l => l.Locale).ToArray(),
            new LevelScale(
                scale.Levels.Select(l => new LevelDefinition(l.Level!.Value, Text(l.Name), Text(l.Description))).ToArray(),
                new AnswerOption(Text(scale.NotApplicable!.Name), Text(scale.NotApplicable.Description)),
                new AnswerOption(Text(scale.DontKnow!.Name), Text(scale.DontKnow.Description))),
            document.Pillars.Select(p => new Pillar(p.Id!, Text(p.Title), Text(p.Summary))).ToArray(),
            document.Practices.Select(BuildPractice).ToArray(),
            document.ContentHash);
    }

    private static Practice BuildPractice(PracticeDocument practice) => new(
        practice.Id!,
        Text(practice.Title),
        Text(practice.Summary),
        practice.Pillars.Select(l => new PillarLink(l.Pillar!, l.Weight!.Value)).ToArray(),
        practice.Indicators.Select(i => new Indicator(
            i.Id!,
            practice.Id!,
            i.Weight!.Value,
            Text(i.Question),
            Text(i.Guidance),
            i.Evidence.Select(Text).ToArray(),
            i.Levels.OrderBy(l => l.Level).Select(l => new LevelDescriptor(l.Level!.Value, Text(l.Descriptor))).ToArray())).ToArray());

    private static LocalizedText Text(TextDocument? text) =>
        new(text!.Entries.ToDictionary(e => e.Locale, e => e.Text.Trim(), StringComparer.OrdinalIgnoreCase));
}
