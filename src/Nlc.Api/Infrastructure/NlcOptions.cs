namespace Nlc.Api.Infrastructure;

/// <summary>The toolkit's settings, from the "Nlc" configuration section (or NLC__* environment variables).</summary>
public sealed class NlcOptions
{
    /// <summary>The configuration section these options are read from.</summary>
    public const string Section = "Nlc";

    /// <summary>The folder of rubric files; empty means the "rubrics" folder shipped beside the binaries.</summary>
    public string RubricsPath { get; set; } = "";

    /// <summary>The rubric folder to load: <see cref="RubricsPath"/> or the shipped default.</summary>
    public string ResolvedRubricsPath =>
        string.IsNullOrWhiteSpace(RubricsPath) ? Path.Combine(AppContext.BaseDirectory, "rubrics") : Path.GetFullPath(RubricsPath);
}
