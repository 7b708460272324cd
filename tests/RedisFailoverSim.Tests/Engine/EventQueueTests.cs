using RedisFailoverSim.Engine.Queue;
using RedisFailoverSim.Engine.Random;

namespace RedisFailoverSim.Tests.Engine;

public class EventQueueTests
{
    private static readonly IEventTarget Target = new NullTarget();

    [Fact]
    public void Dequeue_RandomInsertsAndRemovals_MatchesSortedSetReference()
    {
        // Grows from a tiny initial capacity, so resizing is exercised too.
        var queue = new EventQueue(initialCapacity: 1);
        var reference = new SortedSet<(long Time, long Sequence)>();
        var random = new RandomStream(99);
        long sequence = 0;
        int removed = 0;
        for (int round = 0; round < 200_000; round++)
        {
            if (reference.Count == 0 || random.Next(0, 100) < 55)
            {
                long time = random.NextInt64(0, 1_000);
                queue.Enqueue(time, Target, token: sequence, payload: null);
                reference.Add((time, sequence++));
                continue;
            }

            var expected = reference.Min;
            reference.Remove(expected);
            Assert.Equal(expected.Time, queue.PeekTime());
            var entry = queue.Dequeue();
            Assert.Equal(expected, (entry.Time, entry.Sequence));
            Assert.Equal(expected.Sequence, entry.Token);
            removed++;
        }

        Assert.Equal(reference.Count, queue.Count);
        Assert.True(removed > 80_000, $"only {removed} removals");
    }

    [Fact]
    public void Dequeue_LastEntry_ReleasesTargetAndPayloadReferences()
    {
        var queue = new EventQueue(initialCapacity: 4);
        var payload = new object();
        queue.Enqueue(5, Target, token: 7, payload);

        var entry = queue.Dequeue();

        Assert.Same(payload, entry.Payload);
        Assert.Equal(0, queue.Count);
        Assert.Equal(0, queue.ReferencesHeld());
    }

    private sealed class NullTarget : IEventTarget
    {
        public void Fire(long token, object? payload)
        {
        }
    }
}
