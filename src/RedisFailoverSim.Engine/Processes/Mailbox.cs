using RedisFailoverSim.Engine.Queue;

namespace RedisFailoverSim.Engine.Processes;

/// <summary>
/// A FIFO store with blocking get, for message passing between processes. <c>yield return box.Receive()</c>
/// waits for an item; once resumed with <see cref="WaitResult.Completed"/> the process owns one item and takes
/// it with <see cref="Take"/>. Waiting receivers are served in the order they started waiting, and items leave
/// in the order they were put. An item woken for a receiver that is interrupted or stopped before it runs goes
/// to the next receiver.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class Mailbox<T> : IMailbox, IEventTarget
{
    private readonly Simulation _simulation;

    // Items as a ring buffer rather than a Queue<T>: the first _reserved items are owed to woken receivers,
    // so a TryTake must take the item after them, which a Queue<T> cannot reach.
    private T[] _items = new T[4];
    private int _head;
    private int _count;
    private int _reserved;

    // Receivers in waiting order, also a ring. Entries of receivers that were interrupted or stopped go stale
    // (their token no longer matches) and are skipped, and dropped when the ring would otherwise grow.
    private (Process Process, long Token)[] _receivers = new (Process, long)[4];
    private (Process Process, long Token)[] _spareReceivers = new (Process, long)[4];
    private int _receiversHead;
    private int _receiversCount;

    /// <summary>Creates an empty mailbox.</summary>
    public Mailbox(Simulation simulation)
    {
        _simulation = simulation;
    }

    /// <summary>Items held, including those already promised to woken receivers.</summary>
    public int Count => _count;

    /// <summary>Length of the receiver ring (for tests that check stale receivers are dropped).</summary>
    internal int ReceiverCapacity => _receivers.Length;

    /// <summary>Adds an item and wakes the longest-waiting receiver, if any.</summary>
    public void Put(T item)
    {
        if (_count == _items.Length)
        {
            _items = Grow(_items, _head, _count);
            _head = 0;
        }

        _items[(_head + _count) % _items.Length] = item;
        _count++;
        WakeNextReceiver();
    }

    /// <summary>The wait to yield to receive an item.</summary>
    public Wait Receive() => Wait.Receive(this);

    /// <summary>Takes the item promised to the running process by its completed <see cref="Receive"/>.</summary>
    public T Take()
    {
        var process = _simulation.ActiveProcess;
        Invariant.Holds(process is not null && ReferenceEquals(process.Reservation, this));
        Invariant.Holds(_reserved > 0 && _count > 0);
        process.Reservation = null;
        _reserved--;
        var item = _items[_head];
        _items[_head] = default!;
        _head = (_head + 1) % _items.Length;
        _count--;
        return item;
    }

    /// <summary>Takes the oldest item not owed to a woken receiver, without waiting, when there is one.</summary>
    public bool TryTake(out T item)
    {
        if (_count <= _reserved)
        {
            item = default!;
            return false;
        }

        // The item after the reserved ones; shift the reserved ones up by one to close the gap.
        int length = _items.Length;
        int index = (_head + _reserved) % length;
        item = _items[index];
        for (int i = _reserved; i > 0; i--)
        {
            int previous = (index - 1 + length) % length;
            _items[index] = _items[previous];
            index = previous;
        }

        _items[_head] = default!;
        _head = (_head + 1) % length;
        _count--;
        return true;
    }

    IEventTarget IMailbox.AsTarget => this;

    void IMailbox.Register(Process process, long token)
    {
        if (_count > _reserved)
        {
            Promise(process, token);
            return;
        }

        if (_receiversCount == _receivers.Length)
        {
            DropStaleReceivers();
        }

        _receivers[(_receiversHead + _receiversCount) % _receivers.Length] = (process, token);
        _receiversCount++;
    }

    void IMailbox.ReleaseReservation()
    {
        Invariant.Holds(_reserved > 0);
        _reserved--;
        WakeNextReceiver();
    }

    void IEventTarget.Fire(long token, object? payload) => Invariant.Fail("a mailbox is never scheduled itself");

    private static TItem[] Grow<TItem>(TItem[] ring, int head, int count)
    {
        var grown = new TItem[ring.Length * 2];
        for (int i = 0; i < count; i++)
        {
            grown[i] = ring[(head + i) % ring.Length];
        }

        return grown;
    }

    private void WakeNextReceiver()
    {
        while (_count > _reserved && _receiversCount > 0)
        {
            var (process, token) = _receivers[_receiversHead];
            _receivers[_receiversHead] = default;
            _receiversHead = (_receiversHead + 1) % _receivers.Length;
            _receiversCount--;
            if (process.IsWaitingWith(token))
            {
                Promise(process, token);
            }
        }
    }

    // Copies the live entries of the full receiver ring, in order, into the spare array and swaps the two;
    // doubles both when more than half are live. A long run of interrupted waits thus costs amortised O(1)
    // each, allocates nothing in steady state, and memory stays bounded by the live receivers.
    private void DropStaleReceivers()
    {
        int length = _receivers.Length;
        var compacted = _spareReceivers;
        int live = 0;
        for (int i = 0; i < _receiversCount; i++)
        {
            int index = (_receiversHead + i) % length;
            var entry = _receivers[index];
            _receivers[index] = default;
            if (entry.Process.IsWaitingWith(entry.Token))
            {
                compacted[live++] = entry;
            }
        }

        _spareReceivers = _receivers;
        _receivers = compacted;
        if (live > length / 2)
        {
            _receivers = Grow(compacted, 0, live);
            _spareReceivers = new (Process, long)[_receivers.Length];
        }

        _receiversHead = 0;
        _receiversCount = live;
    }

    private void Promise(Process process, long token)
    {
        _reserved++;
        process.Reservation = this;
        _simulation.ScheduleNow(process, token, this);
    }
}
