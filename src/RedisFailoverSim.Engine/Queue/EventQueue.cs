using System.Runtime.CompilerServices;

namespace RedisFailoverSim.Engine.Queue;

/// <summary>
/// The future-event list: a 4-ary min-heap ordered by (time, insertion sequence), a total and deterministic
/// order. Arrays only grow, so steady state allocates nothing.
/// </summary>
/// <remarks>
/// Layout, measured with the hold benchmark (bench/README.md): the heap holds 24-byte nodes of plain numbers
/// (time, sequence, slot), and what to fire (target, token, payload) sits in a slot table indexed by the node. A
/// sift then moves no object references, so it needs no GC write barriers, and four children span 96 bytes instead
/// of 160. Freed slots are reused last-in first-out, so a process that reschedules itself reuses a warm slot.
/// <para>
/// Removing the minimum leaves a hole at the root and defers the sift-down: when the fired target schedules
/// again (the common case: a process waiting again), the new node drops into the hole and sifts down once, instead
/// of a sift-down of the last node followed by a sift-up of the new one. Any other operation fills the hole first.
/// </para>
/// <para>
/// Likewise the slot of the entry being fired is kept until the event loop calls <see cref="ReleaseFired"/>; if the
/// target schedules itself meanwhile, the new entry takes over that slot, whose target is already right: no write
/// barrier, no clearing, no trip through the free list.
/// </para>
/// </remarks>
internal sealed class EventQueue
{
    private const int Arity = 4;
    private Node[] _heap;
    private Slot[] _slots;
    private int[] _freeSlots;
    private int _freeCount;
    private int _slotsUsed;

    // The slot of the entry handed out by the last TryDequeue, until ReleaseFired or reuse; -1 when none.
    private int _firedSlot = -1;

    // The same slot until ReleaseFired, even once reused: it still names the target being fired (reuse requires
    // the same target), which is how the simulation knows the active process without storing a reference.
    private int _firingSlot = -1;

    // Nodes in _heap[0.._size); when _hasHole, _heap[0] is empty and Count is _size - 1.
    private int _size;
    private bool _hasHole;
    private long _nextSequence;

    public EventQueue(int initialCapacity = 1024)
    {
        int capacity = Math.Max(initialCapacity, 16);
        _heap = new Node[capacity];
        _slots = new Slot[capacity];
        _freeSlots = new int[capacity];
    }

    public int Count => _hasHole ? _size - 1 : _size;

    /// <summary>The target of the entry being fired, between <see cref="TryDequeue"/> and <see cref="ReleaseFired"/>.</summary>
    public IEventTarget? FiringTarget => _firingSlot >= 0 ? _slots[_firingSlot].Target : null;

    /// <summary>The number of entries ever enqueued; the next entry's sequence number.</summary>
    public long Enqueued => _nextSequence;

    public void Enqueue(long time, IEventTarget target, long token, object? payload)
    {
        int slot = _firedSlot;
        if (slot >= 0 && ReferenceEquals(_slots[slot].Target, target))
        {
            // The target being fired schedules itself: take over its slot; the target is already in place.
            _firedSlot = -1;
        }
        else
        {
            slot = TakeFreeSlot();
            _slots[slot].Target = target;
        }

        ref var entry = ref _slots[slot];
        entry.Token = token;
        entry.Payload = payload;
        var node = new Node(time, _nextSequence++, slot);
        if (_hasHole)
        {
            _hasHole = false;
            SiftDown(0, node);
        }
        else
        {
            SiftUp(_size++, node);
        }
    }

    public long PeekTime()
    {
        FillHole();
        Invariant.Holds(_size > 0);
        return _heap[0].Time;
    }

    /// <summary>
    /// Removes the first entry when there is one due at or before <paramref name="until"/>. Its slot stays
    /// reserved until <see cref="ReleaseFired"/> (or the next dequeue), so its target can reschedule into it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryDequeue(long until, out QueueEntry entry)
    {
        ReleaseFired();
        FillHole();
        if (_size == 0 || _heap[0].Time > until)
        {
            entry = default;
            return false;
        }

        var top = _heap[0];
        _hasHole = true;
        _firedSlot = top.Slot;
        _firingSlot = top.Slot;
        ref var slot = ref _slots[top.Slot];
        entry = new QueueEntry
        {
            Time = top.Time,
            Sequence = top.Sequence,
            Target = slot.Target!,
            Token = slot.Token,
            Payload = slot.Payload,
        };
        return true;
    }

    /// <summary>The entry last dequeued has been fired: free its slot unless its target rescheduled into it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ReleaseFired()
    {
        _firingSlot = -1;
        int slot = _firedSlot;
        if (slot >= 0)
        {
            _firedSlot = -1;
            _slots[slot] = default;
            _freeSlots[_freeCount++] = slot;
        }
    }

    public QueueEntry Dequeue()
    {
        bool dequeued = TryDequeue(long.MaxValue, out var entry);
        Invariant.Holds(dequeued);
        ReleaseFired();
        return entry;
    }

    public void Clear()
    {
        Array.Clear(_slots);
        _firedSlot = -1;
        _firingSlot = -1;
        _freeCount = 0;
        _slotsUsed = 0;
        _size = 0;
        _hasHole = false;
    }

    /// <summary>Object references still stored in the slot table (for leak tests).</summary>
    internal int ReferencesHeld()
    {
        int held = 0;
        foreach (var slot in _slots)
        {
            held += (slot.Target is null ? 0 : 1) + (slot.Payload is null ? 0 : 1);
        }

        return held;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Before(in Node a, in Node b) =>
        a.Time < b.Time || (a.Time == b.Time && a.Sequence < b.Sequence);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void FillHole()
    {
        if (_hasHole)
        {
            FillHoleWithLast();
        }
    }

    private void FillHoleWithLast()
    {
        _hasHole = false;
        _size--;
        if (_size > 0)
        {
            SiftDown(0, _heap[_size]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int TakeFreeSlot()
    {
        if (_freeCount > 0)
        {
            return _freeSlots[--_freeCount];
        }

        if (_slotsUsed == _slots.Length)
        {
            Grow();
        }

        return _slotsUsed++;
    }

    private void Grow()
    {
        // Slots in use are the nodes in the heap plus at most the fired slot, whose node left the heap (the hole),
        // so the heap never needs more nodes than there are slots and all three grow together.
        int capacity = _slots.Length * 2;
        Array.Resize(ref _slots, capacity);
        Array.Resize(ref _freeSlots, capacity);
        Array.Resize(ref _heap, capacity);
    }

    private void SiftUp(int index, Node node)
    {
        var heap = _heap;
        while (index > 0)
        {
            int parent = (index - 1) / Arity;
            if (!Before(node, heap[parent]))
            {
                break;
            }

            heap[index] = heap[parent];
            index = parent;
        }

        heap[index] = node;
    }

    private void SiftDown(int index, Node node)
    {
        var heap = _heap;
        int size = _size;
        while (true)
        {
            int first = (index * Arity) + 1;
            if (first >= size)
            {
                break;
            }

            int best = first;
            int end = Math.Min(first + Arity, size);
            for (int child = first + 1; child < end; child++)
            {
                if (Before(heap[child], heap[best]))
                {
                    best = child;
                }
            }

            if (!Before(heap[best], node))
            {
                break;
            }

            heap[index] = heap[best];
            index = best;
        }

        heap[index] = node;
    }

    /// <summary>A heap node: the ordering key and the slot holding what to fire. No references, so no barriers.</summary>
    private readonly record struct Node(long Time, long Sequence, int Slot);

    /// <summary>What to fire, kept out of the heap so sifting moves only numbers.</summary>
    private struct Slot
    {
        public IEventTarget? Target;
        public long Token;
        public object? Payload;
    }
}
