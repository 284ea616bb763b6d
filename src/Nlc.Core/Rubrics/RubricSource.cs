namespace Nlc.Core.Rubrics;

/// <summary>The file a rubric was loaded from and its text, kept so storage can hold on to every version ever used.</summary>
public sealed record RubricSource(string FileName, string Text);
