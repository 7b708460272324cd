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
    public void TryDequeue_TargetsReschedulingThemselvesWhileFired_MatchesSortedSetReference()
    {
        // Exercises the slot reuse: a fired target that schedules itself again takes over its slot.
        var targets = new IEventTarget[] { new NullTarget(), new NullTarget(), new NullTarget() };
        var queue = new EventQueue(initialCapacity: 2);
        var reference = new SortedDictionary<(long Time, long Sequence), int>();
        var random = new RandomStream(7);
        long sequence = 0;
        long now = 0;
        void Add(int target)
        {
            long time = now + random.NextInt64(0, 50);
            queue.Enqueue(time, targets[target], token: target, payload: target == 2 ? "message" : null);
            reference.Add((time, sequence++), target);
        }

        for (int i = 0; i < 100; i++)
        {
            Add(random.Next(3));
        }

        while (reference.Count > 0)
        {
            var expected = reference.First();
            reference.Remove(expected.Key);
            Assert.True(queue.TryDequeue(long.MaxValue, out var entry));
            Assert.Equal(expected.Key, (entry.Time, entry.Sequence));
            Assert.Same(targets[expected.Value], entry.Target);
            Assert.Same(targets[expected.Value], queue.FiringTarget);
            now = entry.Time;
            int again = random.Next(0, 4);
            for (int i = 0; i < again && sequence < 60_000; i++)
            {
                // Mostly the fired target itself, sometimes another one first.
                Add(random.Next(4) == 0 ? random.Next(3) : expected.Value);
            }

            queue.ReleaseFired();
            Assert.Null(queue.FiringTarget);
            Assert.Equal(reference.Count, queue.Count);
        }

        Assert.Empty(reference);
        Assert.Equal(0, queue.Count);
        Assert.Equal(0, queue.ReferencesHeld());
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
