using Nlc.Benchmarks;
using Nlc.Core.Rubrics;

// Runs every benchmark and prints one line per figure with its goal. Run in Release:
//   dotnet run -c Release --project bench/Nlc.Benchmarks [-- --load-seconds 15]
// "-- --only excel [--worst-case-bytes N]" runs the Excel figures alone, with the worst-case workbooks' part at N bytes;
// "-- --only web [--load-seconds N]" runs the web pages' load alone (the hub's pages included); "-- --only hub" the hub's pages alone;
// "-- --only sync" the partners' network-wide list; "-- --only engines [--sizes 10000,100000]" peer statistics on SQLite
// and PostgreSQL side by side (PostgreSQL installed and started by the tests' throw-away cluster); "-- --only load
// [--load-seconds N]" score reads and writes under load through the real server on both engines, with bare baselines.
var rubric = RubricLoader.LoadDirectory(Path.Combine(AppContext.BaseDirectory, "rubrics")).FindLatest("nlc")!;
Console.WriteLine($"NLC toolkit benchmarks: .NET {Environment.Version}, {Environment.ProcessorCount} cores, {rubric.Key}");
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var only = Option("--only");
if (only is null)
{
    ScoringBenchmark.Run(rubric);
}

if (only is null or "excel")
{
    ExcelBenchmark.Run(rubric, Option("--worst-case-bytes") is { } bytes ? long.Parse(bytes, System.Globalization.CultureInfo.InvariantCulture) : null);
}

if (only is null)
{
    PeerStatisticsBenchmark.Run(rubric);
}

if (only is null or "load")
{
    LoadBenchmark.Run(rubric, seconds: LoadSeconds());
}

if (only is null or "engines")
{
    EnginesBenchmark.Run(rubric, (Option("--sizes") ?? "10000,100000").Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray());
}

if (only is null or "sync")
{
    SyncListBenchmark.Run(rubric);
}

if (only is null or "web")
{
    WebLoadBenchmark.Run(rubric, seconds: LoadSeconds());
}

if (only is null or "web" or "hub")
{
    HubLoadBenchmark.Run(rubric, seconds: LoadSeconds());
}

return Report.AllGoalsMet ? 0 : 1;

int LoadSeconds() => Option("--load-seconds") is { } seconds ? int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture) : 15;
