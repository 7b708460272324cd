using System.Runtime.CompilerServices;

namespace RedisFailoverSim.Engine.Queue;

/// <summary>
/// The future-event list: a 4-ary min-heap of struct entries ordered by (time, insertion sequence), a total
/// and deterministic order. Entries live in one array that only grows, so steady state allocates nothing.
/// </summary>
internal sealed class EventQueue
{
    private const int Arity = 4;
    private QueueEntry[] _heap;
    private int _count;
    private long _nextSequence;

    public EventQueue(int initialCapacity = 1024)
    {
        _heap = new QueueEntry[Math.Max(initialCapacity, 16)];
    }

    public int Count => _count;

    /// <summary>The number of entries ever enqueued; the next entry's sequence number.</summary>
    public long Enqueued => _nextSequence;

    public void Enqueue(long time, IEventTarget target, long token, object? payload)
    {
        if (_count == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }

        var entry = new QueueEntry
        {
            Time = time,
            Sequence = _nextSequence++,
            Target = target,
            Token = token,
            Payload = payload,
        };
        SiftUp(_count++, entry);
    }

    public long PeekTime()
    {
        Invariant.Holds(_count > 0);
        return _heap[0].Time;
    }

    public QueueEntry Dequeue()
    {
        Invariant.Holds(_count > 0);
        var top = _heap[0];
        _count--;
        if (_count > 0)
        {
            var last = _heap[_count];
            _heap[_count] = default;
            SiftDown(0, last);
        }
        else
        {
            _heap[0] = default;
        }

        return top;
    }

    public void Clear()
    {
        Array.Clear(_heap, 0, _count);
        _count = 0;
    }

    /// <summary>Object references still stored anywhere in the queue's arrays (for leak tests).</summary>
    internal int ReferencesHeld()
    {
        int held = 0;
        foreach (var entry in _heap)
        {
            held += (entry.Target is null ? 0 : 1) + (entry.Payload is null ? 0 : 1);
        }

        return held;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Before(in QueueEntry a, in QueueEntry b) =>
        a.Time < b.Time || (a.Time == b.Time && a.Sequence < b.Sequence);

    private void SiftUp(int index, QueueEntry entry)
    {
        var heap = _heap;
        while (index > 0)
        {
            int parent = (index - 1) / Arity;
            if (!Before(entry, heap[parent]))
            {
                break;
            }

            heap[index] = heap[parent];
            index = parent;
        }

        heap[index] = entry;
    }

    private void SiftDown(int index, QueueEntry entry)
    {
        var heap = _heap;
        int count = _count;
        while (true)
        {
            int first = (index * Arity) + 1;
            if (first >= count)
            {
                break;
            }

            int best = first;
            int end = Math.Min(first + Arity, count);
            for (int child = first + 1; child < end; child++)
            {
                if (Before(heap[child], heap[best]))
                {
                    best = child;
                }
            }

            if (!Before(heap[best], entry))
            {
                break;
            }

            heap[index] = heap[best];
            index = best;
        }

        heap[index] = entry;
    }
}
