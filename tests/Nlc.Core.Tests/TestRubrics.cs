using Nlc.Core.Rubrics;

namespace Nlc.Core.Tests;

/// <summary>Small rubrics built in code, for scoring examples worked out by hand.</summary>
internal static class TestRubrics
{
    private static readonly Lazy<Rubric> ShippedRubric = new(() => RubricLoader.LoadFile(RepositoryPaths.ShippedRubric));

    public static Rubric Shipped => ShippedRubric.Value;

    /// <summary>
    /// Pillars A and B. P1 (links A×2, B×1) has P1.1 (weight 1) and P1.2 (weight 3); P2 (links B×1) has P2.1 and P2.2 (weight 1 each).
    /// </summary>
    public static Rubric TwoPillars() => new RubricSpec()
        .Pillar("a").Pillar("b")
        .Practice("P1", [("a", 2), ("b", 1)], ("P1.1", 1), ("P1.2", 3))
        .Practice("P2", [("b", 1)], ("P2.1", 1), ("P2.2", 1))
        .Build();

    /// <summary>A builder for rubrics with the standard five-level scale and generated texts.</summary>
    public sealed class RubricSpec
    {
        private readonly List<Pillar> _pillars = [];
        private readonly List<Practice> _practices = [];

        public RubricSpec Pillar(string id)
        {
            _pillars.Add(new Pillar(id, Text($"Pillar {id}"), Text($"About {id}")));
            return this;
        }

        public RubricSpec Practice(string id, (string Pillar, double Weight)[] links, params (string Id, double Weight)[] indicators)
        {
            _practices.Add(new Practice(
                id,
                Text($"Practice {id}"),
                Text($"About {id}"),
                links.Select(l => new PillarLink(l.Pillar, l.Weight)).ToArray(),
                indicators.Select(i => new Indicator(
                    i.Id,
                    id,
                    i.Weight,
                    Text($"Question {i.Id}?"),
                    Text("Guidance"),
                    [Text("Evidence")],
                    Enumerable.Range(0, 5).Select(level => new LevelDescriptor(level, Text($"{i.Id} at level {level}"))).ToArray())).ToArray()));
            return this;
        }

        public Rubric Build() => new(
            "test",
            new RubricVersion(1, 0, 0),
            Text("Test rubric"),
            Text("For tests"),
            Text("Made up"),
            Text("Nobody"),
            ["en"],
            new LevelScale(
                Enumerable.Range(0, 5).Select(level => new LevelDefinition(level, Text($"Level {level}"), Text($"Level {level} means"))).ToArray(),
                new AnswerOption(Text("Not applicable"), Text("Does not apply")),
                new AnswerOption(Text("Don't know"), Text("Nobody knows"))),
            _pillars,
            _practices,
            "sha256:test");

        private static LocalizedText Text(string en) => LocalizedText.English(en);
    }
}
