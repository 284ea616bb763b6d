using System.Globalization;

namespace Nlc.Excel.Tests;

/// <summary>
/// Pins the culture of every test thread to the invariant culture (tests that need another set it themselves), and
/// removes LibreOffice's profile (and stops the PostgreSQL cluster, if a test started one) at the end.
/// </summary>
[TestClass]
public static class TestSetup
{
    [AssemblyInitialize]
    public static void PinCulture(TestContext context)
    {
        _ = context;
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }

    [AssemblyCleanup]
    public static async Task DeleteLibreOfficeProfileAndStopPostgres()
    {
        LibreOffice.DeleteProfile();
        await PostgresCluster.StopAsync();
    }
}
