namespace Nlc.Benchmarks;

/// <summary>Where Nlc.Api.dll was built, in the same configuration as this program.</summary>
internal static class ApiAssembly
{
    public static string Path
    {
        get
        {
            var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar));
            for (var dir = bin; dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "NlcToolkit.sln")))
                {
                    return System.IO.Path.Combine(dir.FullName, "src", "Nlc.Api", "bin", bin.Parent!.Name, bin.Name, "Nlc.Api.dll");
                }
            }

            throw new InvalidOperationException("NlcToolkit.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
