namespace Nlc.Excel.Translations;

/// <summary>Where a rubric text is used, in words, from its key ("indicator.GP01.1.level.3" → "Indicator GP01.1: description of level 3").</summary>
internal static class TranslationPlaces
{
    public static string Describe(string key, string language)
    {
        var parts = key.Split('.');
        string Say(string what, params object[] arguments) => ExcelText.Format($"Translation.Where.{what}", language, arguments);
        return parts switch
        {
            ["title" or "description" or "source" or "attribution"] => Say(parts[0]),
            ["scale", "level", var level, "name"] => Say("levelName", level),
            ["scale", "level", var level, "description"] => Say("levelDescription", level),
            ["scale", "notApplicable" or "dontKnow", "name" or "description"] => Say($"{parts[1]}.{parts[2]}"),
            ["pillar", var id, "title" or "summary"] => Say($"pillar.{parts[2]}", id),
            ["practice", var id, "title" or "summary"] => Say($"practice.{parts[2]}", id),
            ["indicator", _, _, "question" or "guidance"] => Say(parts[3], $"{parts[1]}.{parts[2]}"),
            ["indicator", _, _, "evidence", var n] => Say("evidence", $"{parts[1]}.{parts[2]}", n),
            ["indicator", _, _, "level", var n] => Say("levelDescriptor", $"{parts[1]}.{parts[2]}", n),
            _ => key,
        };
    }
}
