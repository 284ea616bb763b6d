namespace Nlc.Core.Rubrics;

/// <summary>
/// Every text of a rubric under its stable key, the keys translations are filed under: "title", "scale.level.3.name",
/// "pillar.trust.summary", "practice.GP01.title", "indicator.GP01.1.evidence.2" (1-based), "indicator.GP01.1.level.4" …
/// </summary>
public static class RubricTexts
{
    /// <summary>Every text of <paramref name="rubric"/> with its key, in rubric order.</summary>
    public static IReadOnlyList<KeyValuePair<string, LocalizedText>> Of(Rubric rubric)
    {
        var texts = new List<KeyValuePair<string, LocalizedText>>();
        Map(rubric, (key, text) =>
        {
            texts.Add(new KeyValuePair<string, LocalizedText>(key, text));
            return text;
        });
        return texts;
    }

    /// <summary>
    /// <paramref name="rubric"/> with every text replaced by <paramref name="map"/>(key, text), visited in rubric order.
    /// The single definition of the key scheme: <see cref="Of"/> is this walk, recording instead of replacing.
    /// </summary>
    internal static Rubric Map(Rubric rubric, Func<string, LocalizedText, LocalizedText> map)
    {
        // Arguments are evaluated left to right, so the texts are visited in the order they stand in the rubric file.
        var title = map("title", rubric.Title);
        var description = map("description", rubric.Description);
        var source = map("source", rubric.Source);
        var attribution = map("attribution", rubric.Attribution);
        var scale = new LevelScale(
            rubric.Scale.Levels
                .Select(l => new LevelDefinition(l.Level, map($"scale.level.{l.Level}.name", l.Name), map($"scale.level.{l.Level}.description", l.Description)))
                .ToArray(),
            new AnswerOption(map("scale.notApplicable.name", rubric.Scale.NotApplicable.Name), map("scale.notApplicable.description", rubric.Scale.NotApplicable.Description)),
            new AnswerOption(map("scale.dontKnow.name", rubric.Scale.DontKnow.Name), map("scale.dontKnow.description", rubric.Scale.DontKnow.Description)));
        var pillars = rubric.Pillars
            .Select(p => new Pillar(p.Id, map($"pillar.{p.Id}.title", p.Title), map($"pillar.{p.Id}.summary", p.Summary)))
            .ToArray();
        var practices = rubric.Practices
            .Select(p => new Practice(
                p.Id,
                map($"practice.{p.Id}.title", p.Title),
                map($"practice.{p.Id}.summary", p.Summary),
                p.Pillars,
                p.Indicators.Select(i => MapIndicator(i, map)).ToArray()))
            .ToArray();

        // Built anew rather than with `with`, which would keep the derived Indicators list of the old practices.
        return new Rubric(rubric.Id, rubric.Version, title, description, source, attribution, rubric.Locales, scale, pillars, practices, rubric.ContentHash)
        {
            Translations = rubric.Translations,
        };
    }

    private static Indicator MapIndicator(Indicator indicator, Func<string, LocalizedText, LocalizedText> map)
    {
        var key = $"indicator.{indicator.Id}";
        return new Indicator(
            indicator.Id,
            indicator.PracticeId,
            indicator.Weight,
            map($"{key}.question", indicator.Question),
            map($"{key}.guidance", indicator.Guidance),
            indicator.Evidence.Select((e, i) => map($"{key}.evidence.{i + 1}", e)).ToArray(),
            indicator.Levels.Select(l => new LevelDescriptor(l.Level, map($"{key}.level.{l.Level}", l.Descriptor))).ToArray());
    }
}
