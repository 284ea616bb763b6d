using System.Diagnostics;

namespace Nlc.Benchmarks;

/// <summary>Time and allocation per operation: the median of several timed batches after a warm-up.</summary>
internal readonly record struct Measurement(double NanosecondsPerOp, double BytesPerOp)
{
    private const int Batches = 15;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    /// <summary>One run, unwarmed: for operations so slow that repeating them would take minutes.</summary>
    public static Measurement Once(Action operation)
    {
        var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        operation();
        return new Measurement(Stopwatch.GetElapsedTime(started).TotalNanoseconds, GC.GetAllocatedBytesForCurrentThread() - bytesBefore);
    }

    /// <summary>
    /// How far the managed heap grows above its size before one run of <paramref name="operation"/>, sampled every
    /// millisecond: the extra memory the run takes, garbage not yet collected included.
    /// </summary>
    public static long PeakHeapGrowth(Action operation)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var peak = before;
        var done = false;
        var sampler = new Thread(() =>
        {
            while (!Volatile.Read(ref done))
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                Thread.Sleep(1);
            }
        });
        sampler.Start();
        operation();
        peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
        Volatile.Write(ref done, true);
        sampler.Join();
        return peak - before;
    }

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
