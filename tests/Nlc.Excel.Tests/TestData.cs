using System.Globalization;
using Nlc.Core.Assessments;
using Nlc.Core.Cities;
using Nlc.Core.Rubrics;
using Nlc.Core.Scoring;
using Nlc.Storage;

namespace Nlc.Excel.Tests;

/// <summary>The shipped rubric, a small bilingual rubric, and builders for assessments, cities, answers and scores.</summary>
internal static class TestData
{
    private static readonly Lazy<RubricCatalog> ShippedCatalog = new(() => RubricLoader.LoadDirectory(RepositoryPaths.Rubrics));
    private static readonly Lazy<Rubric> BilingualRubric = new(BuildBilingual);

    public static RubricCatalog Catalog => ShippedCatalog.Value;

    public static Rubric Shipped => Catalog.FindLatest("nlc")!;

    /// <summary>Two pillars, two practices of two indicators, every text in English and Serbian (Latin).</summary>
    public static Rubric Bilingual => BilingualRubric.Value;

    public static RubricCatalog BilingualCatalog => new([Bilingual]);

    public static readonly DateTimeOffset When = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static City City(string id = "city_1", string name = "Danilovgrad", string country = "ME") =>
        new(id, name, country, "Central", 18000, ["lsc"], When, When, 1);

    public static Assessment Assessment(Rubric rubric, string id = "asm_1", string cityId = "city_1", string period = "2025") =>
        new(id, cityId, rubric.Id, rubric.Version, period, AssessmentStatus.Draft, When, When, null, null, 3);

    public static StoredAnswer Stored(Answer answer, params string[] evidence) => new(answer, evidence, "key_test", When);

    /// <summary>Every indicator answered: levels 0–4 in turn, every 13th Not applicable, every 13th (offset) Don't know.</summary>
    public static Answer[] CompleteAnswers(Rubric rubric) => rubric.Indicators
        .Select((indicator, i) => (i % 13) switch
        {
            5 => Answer.NotApplicable(indicator.Id, "Not a municipal task here", note: "Checked with the ministry"),
            9 => Answer.DontKnow(indicator.Id),
            _ => Answer.AtLevel(indicator.Id, i % 5, note: i % 2 == 0 ? $"Note on {indicator.Id}" : null),
        })
        .ToArray();

    public static ScoreResult Score(Rubric rubric, IReadOnlyList<Answer> answers) => new ScoringEngine(rubric).Score(answers);

    /// <summary>Sets the thread's culture (and UI culture) until disposed, for tests that must hold in any locale.</summary>
    public static IDisposable Culture(string name)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        return new Restore(() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui));
    }

    private static Rubric BuildBilingual()
    {
        static LocalizedText T(string en, string sr) => new(new Dictionary<string, string> { ["en"] = en, ["sr-Latn"] = sr });
        string[] levelsEn = ["Not in place", "Initial", "Developing", "Established", "Embedded"];
        string[] levelsSr = ["Ne postoji", "Početno", "U razvoju", "Uspostavljeno", "Ugrađeno"];
        Practice Practice(string id, string pillar) => new(
            id,
            T($"Practice {id}", $"Praksa {id}"),
            T($"About {id}", $"O {id}"),
            [new PillarLink(pillar, 1)],
            Enumerable.Range(1, 2).Select(n => new Indicator(
                $"{id}.{n}",
                id,
                1,
                T($"Question {id}.{n}?", $"Pitanje {id}.{n}?"),
                T("Guidance", "Smernice"),
                [T("A document", "Dokument")],
                Enumerable.Range(0, 5).Select(level => new LevelDescriptor(level, T($"{id}.{n} at level {level}", $"{id}.{n} na nivou {level}"))).ToArray())).ToArray());

        return new Rubric(
            "bi",
            new RubricVersion(1, 2, 0),
            T("Bilingual rubric", "Dvojezična rubrika"),
            T("For tests", "Za testove"),
            T("Made up", "Izmišljeno"),
            T("Nobody", "Niko"),
            ["en", "sr-Latn"],
            new LevelScale(
                Enumerable.Range(0, 5).Select(level => new LevelDefinition(level, T(levelsEn[level], levelsSr[level]), T($"Level {level}", $"Nivo {level}"))).ToArray(),
                new AnswerOption(T("Not applicable", "Nije primenljivo"), T("Does not apply", "Ne primenjuje se")),
                new AnswerOption(T("Don't know", "Ne znam"), T("Nobody knows", "Niko ne zna"))),
            [new Pillar("a", T("Alpha", "Alfa"), T("A", "A")), new Pillar("b", T("Beta", "Beta"), T("B", "B"))],
            [Practice("P1", "a"), Practice("P2", "b")],
            "sha256:bilingual");
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
