using RedisFailoverSim.Engine.Random;
using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Bench;

/// <summary>
/// The hold loop with no process machinery: a <see cref="PriorityQueue{TElement, TPriority}"/> of entity ids keyed
/// by (time, sequence), the same generator and the same seconds-to-nanoseconds conversion. The ceiling.
/// </summary>
internal sealed class BareHeapHold
{
    private const int ChunkEvents = 50_000;

    private readonly PriorityQueue<int, (long Time, long Sequence)> _queue;
    private readonly RandomStream _random;
    private readonly double _high;
    private readonly Func<long> _runChunk;
    private long _sequence;

    public BareHeapHold(int n)
    {
        _runChunk = RunChunk;
        _random = new RandomStreams(42).Stream("hold");
        _queue = new PriorityQueue<int, (long Time, long Sequence)>(n);
        _high = 2.0 * n;
        for (int i = 0; i < n; i++)
        {
            _queue.Enqueue(i, (0, _sequence++));
        }
    }

    public RoundResult RunFor(double seconds) => HoldBenchmark.Time(_runChunk, seconds);

    private long RunChunk()
    {
        var queue = _queue;
        var random = _random;
        for (int i = 0; i < ChunkEvents; i++)
        {
            queue.TryDequeue(out int id, out var key);
            long delay = SimDuration.FromSecondsRounded(random.NextDouble(0, _high)).Nanoseconds;
            queue.Enqueue(id, (key.Time + delay, _sequence++));
        }

        return ChunkEvents;
    }
}
