using Nlc.Core.Rubrics;

namespace Nlc.Api.Rubrics;

/// <summary>One rubric in the list: its id, title and every published version.</summary>
public sealed record RubricSummaryResponse(string Id, string Title, string LatestVersion, IReadOnlyList<string> Versions, IReadOnlyList<string> Locales);

/// <summary>The list of rubrics.</summary>
public sealed record RubricListResponse(IReadOnlyList<RubricSummaryResponse> Items);

/// <summary>
/// A whole rubric version with its texts in one language (<c>language</c>), falling back to English text by text; when
/// that language is a translation, <c>translation</c> says which revision and whether a native speaker reviewed it.
/// </summary>
public sealed record RubricResponse(
    string Id,
    string Version,
    string ContentHash,
    string Language,
    TranslationResponse? Translation,
    IReadOnlyList<string> Locales,
    string Title,
    string Description,
    string Source,
    string Attribution,
    ScaleResponse Scale,
    IReadOnlyList<PillarResponse> Pillars,
    IReadOnlyList<PracticeResponse> Practices)
{
    /// <summary>Writes <paramref name="rubric"/> in <paramref name="locale"/>.</summary>
    public static RubricResponse From(Rubric rubric, string locale) => new(
        rubric.Id,
        rubric.Version.ToString(),
        rubric.ContentHash,
        locale,
        rubric.Translation(locale) is { } translation ? TranslationResponse.From(translation) : null,
        rubric.Locales,
        rubric.Title.Get(locale),
        rubric.Description.Get(locale),
        rubric.Source.Get(locale),
        rubric.Attribution.Get(locale),
        new ScaleResponse(
            rubric.Scale.Levels.Select(l => new LevelResponse(l.Level, l.Name.Get(locale), l.Description.Get(locale))).ToArray(),
            new AnswerOptionResponse(rubric.Scale.NotApplicable.Name.Get(locale), rubric.Scale.NotApplicable.Description.Get(locale)),
            new AnswerOptionResponse(rubric.Scale.DontKnow.Name.Get(locale), rubric.Scale.DontKnow.Description.Get(locale))),
        rubric.Pillars.Select(p => new PillarResponse(p.Id, p.Title.Get(locale), p.Summary.Get(locale))).ToArray(),
        rubric.Practices.Select(p => new PracticeResponse(
            p.Id,
            p.Title.Get(locale),
            p.Summary.Get(locale),
            p.Pillars.Select(l => new PillarLinkResponse(l.PillarId, l.Weight)).ToArray(),
            p.Indicators.Select(i => new IndicatorResponse(
                i.Id,
                i.Weight,
                i.Question.Get(locale),
                i.Guidance.Get(locale),
                i.Evidence.Select(e => e.Get(locale)).ToArray(),
                i.Levels.Select(l => new LevelDescriptorResponse(l.Level, l.Descriptor.Get(locale))).ToArray())).ToArray())).ToArray());
}

/// <summary>
/// The translation a rubric response is written in: its revision, its review status (<c>draft</c> until a native speaker
/// has reviewed it) and the share of the rubric's texts it translates (0 to 1; the rest are in English).
/// Null in a response written in the rubric's own English.
/// </summary>
public sealed record TranslationResponse(string Language, int Revision, ReviewStatus Review, string ReviewNote, double Coverage)
{
    /// <summary>Describes <paramref name="translation"/>.</summary>
    public static TranslationResponse From(RubricTranslation translation) => new(
        translation.Language, translation.Revision, translation.Review, translation.ReviewNote, translation.Report.Coverage);
}

/// <summary>The level scale and the two answers that are not levels.</summary>
public sealed record ScaleResponse(IReadOnlyList<LevelResponse> Levels, AnswerOptionResponse NotApplicable, AnswerOptionResponse DontKnow);

/// <summary>One level of the scale.</summary>
public sealed record LevelResponse(int Level, string Name, string Description);

/// <summary>Not applicable or Don't know.</summary>
public sealed record AnswerOptionResponse(string Name, string Description);

/// <summary>A pillar.</summary>
public sealed record PillarResponse(string Id, string Title, string Summary);

/// <summary>A practice with its pillar links and indicators.</summary>
public sealed record PracticeResponse(
    string Id, string Title, string Summary, IReadOnlyList<PillarLinkResponse> Pillars, IReadOnlyList<IndicatorResponse> Indicators);

/// <summary>A weighted link from a practice to a pillar.</summary>
public sealed record PillarLinkResponse(string PillarId, double Weight);

/// <summary>An indicator with a descriptor per level.</summary>
public sealed record IndicatorResponse(
    string Id, double Weight, string Question, string Guidance, IReadOnlyList<string> Evidence, IReadOnlyList<LevelDescriptorResponse> Levels);

/// <summary>What is observable for an indicator at one level.</summary>
public sealed record LevelDescriptorResponse(int Level, string Descriptor);
