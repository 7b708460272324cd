using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Processes;
using RedisFailoverSim.Engine.Random;
using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Bench;

/// <summary>The hold model on our engine: n processes, each yielding <c>Wait.For(uniform(0, 2n) s)</c>.</summary>
internal sealed class EngineHold
{
    // The model advances about one event per simulated second, so a chunk of k seconds is about k events
    // between clock reads.
    private static readonly SimDuration Chunk = SimDuration.FromSeconds(50_000);

    private readonly Simulation _simulation;
    private readonly Func<long> _runChunk;

    public EngineHold(int n)
    {
        _runChunk = RunChunk;   // made once: a method group converted per call allocates a delegate
        _simulation = new Simulation(seed: 42, initialQueueCapacity: (2 * n) + 16);
        var random = _simulation.Random.Stream("hold");
        double high = 2.0 * n;
        for (int i = 0; i < n; i++)
        {
            _simulation.Start("hold", _ => Hold(random, high));
        }
    }

    public RoundResult RunFor(double seconds) => HoldBenchmark.Time(_runChunk, seconds);

    private static IEnumerable<Wait> Hold(RandomStream random, double high)
    {
        while (true)
        {
            yield return Wait.For(SimDuration.FromSecondsRounded(random.NextDouble(0, high)));
        }
    }

    private long RunChunk()
    {
        long before = _simulation.EventsProcessed;
        _simulation.RunUntil(_simulation.Now + Chunk);
        return _simulation.EventsProcessed - before;
    }
}
