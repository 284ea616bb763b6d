namespace Nlc.Testing;

/// <summary>
/// The test categories, so a developer can run the fast set alone:
/// <c>dotnet test NlcToolkit.sln --filter "TestCategory!=Slow&amp;TestCategory!=External"</c>. Unmarked tests need only
/// the .NET SDK and this repository and finish in seconds; the plain <c>dotnet test NlcToolkit.sln</c> runs every test.
/// </summary>
internal static class TestCategories
{
    /// <summary>Needs a program from outside .NET or a privilege, installing it on first use: LibreOffice and poppler (apt-get), the npm tools in tools/ (npm ci; ajv, redocly, nswag), a tmpfs mount (root).</summary>
    public const string External = "External";

    /// <summary>Long by design: kills and restarts of the server, load for seconds, 1,000-input fuzz corpora, the run command (dotnet run evaluates the project each time).</summary>
    public const string Slow = "Slow";
}
