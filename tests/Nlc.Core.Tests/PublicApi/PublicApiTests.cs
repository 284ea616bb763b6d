using Nlc.Core.Rubrics;

namespace Nlc.Core.Tests.PublicApi;

/// <summary>
/// The public API of Nlc.Core, listed by reflection and compared with the committed PublicApi/Nlc.Core.txt, so every
/// change to what other projects and library users can call shows in review as a diff of that file.
/// </summary>
[TestClass]
public sealed class PublicApiTests
{
    /// <summary>Set to 1 to rewrite the committed file with the current API instead of comparing.</summary>
    public const string UpdateVariable = "NLC_UPDATE_PUBLIC_API";

    private static string CommittedFile => Path.Combine(RepositoryPaths.Root, "tests", "Nlc.Core.Tests", "PublicApi", "Nlc.Core.txt");

    [TestMethod]
    public void ThePublicApiOfCore_IsTheCommittedOne()
    {
        var current = PublicApiListing.Of(typeof(RubricLoader).Assembly);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(CommittedFile, current);
            return;
        }

        var committed = File.Exists(CommittedFile) ? File.ReadAllText(CommittedFile).ReplaceLineEndings("\n") : "";
        var added = Lines(current).Except(Lines(committed)).ToArray();
        var removed = Lines(committed).Except(Lines(current)).ToArray();

        Assert.IsTrue(added.Length == 0 && removed.Length == 0,
            $"The public API of Nlc.Core differs from {Path.GetRelativePath(RepositoryPaths.Root, CommittedFile)}.{Environment.NewLine}" +
            $"Added:{Environment.NewLine}{string.Join(Environment.NewLine, added.Select(l => "+ " + l))}{Environment.NewLine}" +
            $"Removed:{Environment.NewLine}{string.Join(Environment.NewLine, removed.Select(l => "- " + l))}{Environment.NewLine}" +
            $"If the change is deliberate, rewrite the file and commit it with the change:{Environment.NewLine}" +
            $"  {UpdateVariable}=1 dotnet test tests/Nlc.Core.Tests --filter \"FullyQualifiedName~PublicApiTests\"");
    }

    [TestMethod]
    public void Core_DependsOnNoDatabaseLibrary()
    {
        var references = typeof(RubricLoader).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToArray();

        CollectionAssert.DoesNotContain(references, "Dapper");
        CollectionAssert.DoesNotContain(references, "Microsoft.Data.Sqlite");
        Assert.IsFalse(references.Any(r => r!.StartsWith("SQLitePCL", StringComparison.Ordinal)), string.Join(", ", references));
    }

    [TestMethod]
    public void TheListing_ShowsSignaturesWithNullabilityAndDefaults()
    {
        var listing = PublicApiListing.Of(typeof(RubricLoader).Assembly);

        StringAssert.Contains(listing, "public static class Nlc.Core.Rubrics.RubricLoader\n");
        StringAssert.Contains(listing, "  public static Nlc.Core.Rubrics.Rubric LoadFile(string path)\n");
        Assert.IsFalse(listing.Contains("internal ", StringComparison.Ordinal), "internal members must not be listed");
        Assert.IsFalse(listing.Contains("<Clone>$", StringComparison.Ordinal), "compiler-generated members must not be listed");
    }

    /// <summary>Every line of a listing, each member prefixed with its type, so a difference says where it is.</summary>
    private static List<string> Lines(string text)
    {
        var lines = new List<string>();
        var type = "";
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!line.StartsWith(' '))
            {
                type = line.Split(' ').First(word => word.StartsWith("Nlc.", StringComparison.Ordinal));
                lines.Add(line);
            }
            else
            {
                lines.Add($"{type}: {line.Trim()}");
            }
        }

        return lines;
    }
}
