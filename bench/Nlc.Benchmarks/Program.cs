using Nlc.Benchmarks;
using Nlc.Core.Rubrics;

// Runs every benchmark and prints one line per figure with its goal. Run in Release:
//   dotnet run -c Release --project bench/Nlc.Benchmarks
var rubric = RubricLoader.LoadDirectory(Path.Combine(AppContext.BaseDirectory, "rubrics")).FindLatest("nlc")!;
Console.WriteLine($"NLC toolkit benchmarks: .NET {Environment.Version}, {Environment.ProcessorCount} cores, {rubric.Key}");
ScoringBenchmark.Run(rubric);
PeerStatisticsBenchmark.Run(rubric, ApiAssembly.Path);
return Report.AllGoalsMet ? 0 : 1;
