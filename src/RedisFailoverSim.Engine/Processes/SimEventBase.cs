using RedisFailoverSim.Engine.Queue;

namespace RedisFailoverSim.Engine.Processes;

/// <summary>
/// A one-shot occurrence that processes (or any <see cref="IEventTarget"/>) can wait for. It succeeds or fails
/// once; waiters are resumed at the current instant, in the order they started waiting. Reusable after
/// <see cref="Reset"/>, so hot paths can pool events.
/// </summary>
public abstract class SimEventBase
{
    private readonly List<(IEventTarget Target, long Token)> _waiters = new(2);

    /// <summary>Creates a pending event owned by a simulation.</summary>
    protected SimEventBase(Simulation simulation)
    {
        Simulation = simulation;
    }

    /// <summary>The simulation this event belongs to.</summary>
    public Simulation Simulation { get; }

    /// <summary>Pending, succeeded or failed.</summary>
    public EventState State { get; private set; }

    /// <summary>True once the event has succeeded or failed.</summary>
    public bool IsTriggered => State != EventState.Pending;

    /// <summary>What the event failed with, when it failed.</summary>
    public object? Error { get; private set; }

    /// <summary>
    /// Number of targets waiting. Waits of processes that have since moved on (timed out, interrupted, stopped)
    /// may be included until the event triggers or the list next needs room.
    /// </summary>
    public int WaiterCount => _waiters.Count;

    /// <summary>Registers a target to be fired with this event as payload when it triggers (at once if it has).</summary>
    public void AddWaiter(IEventTarget target, long token)
    {
        if (IsTriggered)
        {
            Simulation.ScheduleNow(target, token, this);
            return;
        }

        if (_waiters.Count == _waiters.Capacity && _waiters.Count > 0)
        {
            DropStaleWaiters();
        }

        _waiters.Add((target, token));
    }

    /// <summary>Returns the event to pending so it can be reused; it must have no waiters.</summary>
    public void Reset()
    {
        Invariant.Holds(_waiters.Count == 0);
        State = EventState.Pending;
        Error = null;
        OnReset();
    }

    /// <summary>Marks the event succeeded and resumes the waiters.</summary>
    protected void TriggerSuccess()
    {
        Invariant.Holds(!IsTriggered);
        State = EventState.Succeeded;
        ReleaseWaiters();
    }

    /// <summary>Marks the event failed and resumes the waiters.</summary>
    public void Fail(object? error)
    {
        Invariant.Holds(!IsTriggered);
        State = EventState.Failed;
        Error = error;
        ReleaseWaiters();
    }

    /// <summary>Clears a subclass's value on <see cref="Reset"/>.</summary>
    protected virtual void OnReset()
    {
    }

    // Before the list grows, drop the waits of processes that have moved on: a process that waits on an event
    // with a timeout in a loop would otherwise leave one dead entry per timeout for as long as the event stays
    // pending. A stale entry would be ignored when fired, so dropping it changes no outcome. Grows by doubling
    // when more than half are live, so the cost stays amortised O(1) per wait.
    private void DropStaleWaiters()
    {
        int capacity = _waiters.Capacity;
        int live = 0;
        for (int i = 0; i < _waiters.Count; i++)
        {
            var waiter = _waiters[i];
            if (waiter.Target is not Process process || process.IsWaitingWith(waiter.Token))
            {
                _waiters[live++] = waiter;
            }
        }

        _waiters.RemoveRange(live, _waiters.Count - live);
        if (live > capacity / 2)
        {
            _waiters.Capacity = capacity * 2;
        }
    }

    private void ReleaseWaiters()
    {
        for (int i = 0; i < _waiters.Count; i++)
        {
            Simulation.ScheduleNow(_waiters[i].Target, _waiters[i].Token, this);
        }

        _waiters.Clear();
    }
}
