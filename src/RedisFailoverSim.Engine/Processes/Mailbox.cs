using RedisFailoverSim.Engine.Queue;

namespace RedisFailoverSim.Engine.Processes;

/// <summary>
/// A FIFO store with blocking get, for message passing between processes. <c>yield return box.Receive()</c>
/// waits for an item; once resumed with <see cref="WaitResult.Completed"/> the process owns one item and takes
/// it with <see cref="Take"/>. Waiting receivers are served in the order they started waiting. An item woken
/// for a receiver that is interrupted or stopped before it runs goes to the next receiver.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class Mailbox<T> : IMailbox, IEventTarget
{
    private readonly Simulation _simulation;
    private readonly Queue<T> _items = new();
    private readonly Queue<(Process Process, long Token)> _receivers = new();
    private int _reserved;

    /// <summary>Creates an empty mailbox.</summary>
    public Mailbox(Simulation simulation)
    {
        _simulation = simulation;
    }

    /// <summary>Items held, including those already promised to woken receivers.</summary>
    public int Count => _items.Count;

    /// <summary>Adds an item and wakes the longest-waiting receiver, if any.</summary>
    public void Put(T item)
    {
        _items.Enqueue(item);
        WakeNextReceiver();
    }

    /// <summary>The wait to yield to receive an item.</summary>
    public Wait Receive() => Wait.Receive(this);

    /// <summary>Takes the item promised to the running process by its completed <see cref="Receive"/>.</summary>
    public T Take()
    {
        var process = _simulation.ActiveProcess;
        Invariant.Holds(process is not null && ReferenceEquals(process.Reservation, this));
        Invariant.Holds(_reserved > 0 && _items.Count > 0);
        process.Reservation = null;
        _reserved--;
        return _items.Dequeue();
    }

    /// <summary>Takes an item without waiting, when one is free.</summary>
    public bool TryTake(out T item)
    {
        if (_items.Count > _reserved)
        {
            item = _items.Dequeue();
            return true;
        }

        item = default!;
        return false;
    }

    IEventTarget IMailbox.AsTarget => this;

    void IMailbox.Register(Process process, long token)
    {
        if (_items.Count > _reserved)
        {
            Promise(process, token);
            return;
        }

        _receivers.Enqueue((process, token));
    }

    void IMailbox.ReleaseReservation()
    {
        Invariant.Holds(_reserved > 0);
        _reserved--;
        WakeNextReceiver();
    }

    void IEventTarget.Fire(long token, object? payload) => Invariant.Fail("a mailbox is never scheduled itself");

    private void WakeNextReceiver()
    {
        while (_items.Count > _reserved && _receivers.Count > 0)
        {
            var (process, token) = _receivers.Dequeue();
            if (process.IsWaitingWith(token))
            {
                Promise(process, token);
            }
        }
    }

    private void Promise(Process process, long token)
    {
        _reserved++;
        process.Reservation = this;
        _simulation.ScheduleNow(process, token, this);
    }
}
