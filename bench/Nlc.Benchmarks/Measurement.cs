using System.Diagnostics;

namespace Nlc.Benchmarks;

/// <summary>Time and allocation per operation: the median of several timed batches after a warm-up.</summary>
internal readonly record struct Measurement(double NanosecondsPerOp, double BytesPerOp)
{
    private const int Batches = 15;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    public static Measurement Of(Action operation, int operationsPerBatch)
    {
        // Long enough for the JIT to replace the first, unoptimised code with its optimised tier.
        var warmUpStarted = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(warmUpStarted) < WarmUp)
        {
            operation();
        }

        var times = new double[Batches];
        long allocated = 0;
        for (var batch = 0; batch < Batches; batch++)
        {
            var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < operationsPerBatch; i++)
            {
                operation();
            }

            times[batch] = Stopwatch.GetElapsedTime(started).TotalNanoseconds / operationsPerBatch;
            allocated += GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        }

        Array.Sort(times);
        return new Measurement(times[Batches / 2], (double)allocated / (Batches * operationsPerBatch));
    }
}
