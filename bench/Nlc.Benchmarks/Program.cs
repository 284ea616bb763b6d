using Nlc.Benchmarks;
using Nlc.Core.Rubrics;

// Runs every benchmark and prints one line per figure with its goal. Run in Release:
//   dotnet run -c Release --project bench/Nlc.Benchmarks [-- --load-seconds 15]
var rubric = RubricLoader.LoadDirectory(Path.Combine(AppContext.BaseDirectory, "rubrics")).FindLatest("nlc")!;
Console.WriteLine($"NLC toolkit benchmarks: .NET {Environment.Version}, {Environment.ProcessorCount} cores, {rubric.Key}");
ScoringBenchmark.Run(rubric);
ExcelBenchmark.Run(rubric);
PeerStatisticsBenchmark.Run(rubric);
LoadBenchmark.Run(rubric, seconds: args.SkipWhile(a => a != "--load-seconds").Skip(1).Select(int.Parse).FirstOrDefault(15));
return Report.AllGoalsMet ? 0 : 1;
