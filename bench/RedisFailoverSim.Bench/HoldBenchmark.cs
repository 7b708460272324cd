using System.Diagnostics;
using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Processes;
using RedisFailoverSim.Engine.Random;
using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Bench;

/// <summary>
/// The hold model as SimSharp's SyntheticBenchmark and JaamSim define it: n processes, each repeatedly waiting
/// uniform(0, 2n) seconds, so the future-event list holds about n entries and the simulation advances about one
/// event per simulated second. The same loop on a bare <see cref="PriorityQueue{TElement, TPriority}"/> keyed by
/// (time, sequence), with the same generator and the same seconds-to-nanoseconds conversion, is the ceiling.
/// </summary>
internal static class HoldBenchmark
{
    private const ulong Seed = 42;

    // Events per timed chunk between clock reads; small enough to stop close to the wall budget.
    private const int ChunkEvents = 50_000;

    public static HoldResult Measure(int n, double seconds)
    {
        double warmup = Math.Min(0.5, seconds / 2);
        var (engineRate, bytesPerEvent) = MeasureEngine(n, warmup, seconds);
        double bareRate = MeasureBareHeap(n, warmup, seconds);
        return new HoldResult(n, engineRate, bareRate, bytesPerEvent);
    }

    private static (double EventsPerSecond, double BytesPerEvent) MeasureEngine(int n, double warmup, double seconds)
    {
        var simulation = new Simulation(Seed, initialQueueCapacity: (2 * n) + 16);
        var random = simulation.Random.Stream("hold");
        double high = 2.0 * n;
        for (int i = 0; i < n; i++)
        {
            simulation.Start("hold", _ => Hold(random, high));
        }

        // The model advances about one event per simulated second, so a chunk of k seconds is about k events.
        var chunk = SimDuration.FromSeconds(ChunkEvents);
        RunFor(simulation, chunk, warmup);

        long bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        long eventsBefore = simulation.EventsProcessed;
        double elapsed = RunFor(simulation, chunk, seconds);
        long events = simulation.EventsProcessed - eventsBefore;
        long bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        return (events / elapsed, (double)bytes / events);
    }

    private static double RunFor(Simulation simulation, SimDuration chunk, double seconds)
    {
        long start = Stopwatch.GetTimestamp();
        double elapsed;
        do
        {
            simulation.RunUntil(simulation.Now + chunk);
            elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
        while (elapsed < seconds);
        return elapsed;
    }

    private static IEnumerable<Wait> Hold(RandomStream random, double high)
    {
        while (true)
        {
            yield return Wait.For(SimDuration.FromSecondsRounded(random.NextDouble(0, high)));
        }
    }

    private static double MeasureBareHeap(int n, double warmup, double seconds)
    {
        var random = new RandomStreams(Seed).Stream("hold");
        var queue = new PriorityQueue<int, (long Time, long Sequence)>(n);
        long sequence = 0;
        for (int i = 0; i < n; i++)
        {
            queue.Enqueue(i, (0, sequence++));
        }

        double high = 2.0 * n;
        long now = 0;
        BareChunks(queue, random, high, ref now, ref sequence, warmup);
        long start = Stopwatch.GetTimestamp();
        long events = BareChunks(queue, random, high, ref now, ref sequence, seconds);
        return events / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static long BareChunks(
        PriorityQueue<int, (long Time, long Sequence)> queue,
        RandomStream random,
        double high,
        ref long now,
        ref long sequence,
        double seconds)
    {
        long start = Stopwatch.GetTimestamp();
        long events = 0;
        do
        {
            for (int i = 0; i < ChunkEvents; i++)
            {
                queue.TryDequeue(out int id, out var key);
                now = key.Time;
                long delay = SimDuration.FromSecondsRounded(random.NextDouble(0, high)).Nanoseconds;
                queue.Enqueue(id, (now + delay, sequence++));
            }

            events += ChunkEvents;
        }
        while (Stopwatch.GetElapsedTime(start).TotalSeconds < seconds);
        return events;
    }
}
