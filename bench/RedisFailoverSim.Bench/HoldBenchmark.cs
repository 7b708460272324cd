using System.Diagnostics;
using System.Globalization;

namespace RedisFailoverSim.Bench;

/// <summary>
/// The hold model as SimSharp's SyntheticBenchmark and JaamSim define it: n processes, each repeatedly waiting
/// uniform(0, 2n) seconds, so the future-event list holds about n entries and the simulation advances about one
/// event per simulated second. The same loop on a bare <see cref="PriorityQueue{TElement, TPriority}"/> is the
/// ceiling (<see cref="BareHeapHold"/>).
/// </summary>
/// <remarks>
/// The two loops run in alternating rounds after a warm-up, so both see the same machine: on a shared machine a
/// round can only be slowed down by other work, never sped up, so each side reports its best round, and the
/// ratio compares the two bests. Every round is printed to standard error, so the spread is visible.
/// </remarks>
internal static class HoldBenchmark
{
    private const int Rounds = 5;

    public static HoldResult Measure(int n, double seconds)
    {
        var engine = new EngineHold(n);
        var bare = new BareHeapHold(n);
        double warmup = Math.Min(0.5, seconds / 2);
        engine.RunFor(warmup);
        bare.RunFor(warmup);

        double roundSeconds = seconds / Rounds;
        double bestEngine = 0, bestBare = 0;
        long engineEvents = 0, engineBytes = 0;
        for (int round = 0; round < Rounds; round++)
        {
            var e = engine.RunFor(roundSeconds);
            var b = bare.RunFor(roundSeconds);
            engineEvents += e.Events;
            engineBytes += e.Bytes;
            bestEngine = Math.Max(bestEngine, e.EventsPerSecond);
            bestBare = Math.Max(bestBare, b.EventsPerSecond);
            Console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"n={n} round={round} wall: engine={e.EventsPerSecond:F0}/s bare={b.EventsPerSecond:F0}/s " +
                $"ratio={e.EventsPerSecond / b.EventsPerSecond:F3} | cpu: engine={e.EventsPerCpuSecond:F0}/s " +
                $"bare={b.EventsPerCpuSecond:F0}/s ratio={e.EventsPerCpuSecond / b.EventsPerCpuSecond:F3} " +
                $"| engine bytes={e.Bytes}"));
        }

        return new HoldResult(n, bestEngine, bestBare, (double)engineBytes / engineEvents);
    }

    /// <summary>Calls <paramref name="chunk"/> until <paramref name="seconds"/> of wall time have passed.</summary>
    internal static RoundResult Time(Func<long> chunk, double seconds)
    {
        // In steady state this thread is the only busy one (no allocation, so no GC; tiering done in warm-up),
        // so the process's CPU time is this loop's. Read outside the allocation window of the caller.
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        long bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        long events = 0;
        double elapsed;
        do
        {
            events += chunk();
            elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
        while (elapsed < seconds);
        long bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        return new RoundResult(events, elapsed, cpu, bytes);
    }
}
