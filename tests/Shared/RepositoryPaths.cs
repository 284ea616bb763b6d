namespace Nlc.Testing;

/// <summary>Finds the repository's folders from the test binaries, wherever the build put them.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Rubrics => Path.Combine(Root, "rubrics");

    public static string ShippedRubric => Path.Combine(Rubrics, "nlc-1.0.0.yaml");

    public static string ShippedTranslations => Path.Combine(Rubrics, "translations", "nlc-1.0.0");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NlcToolkit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NlcToolkit.sln not found above " + AppContext.BaseDirectory);
    }
}
