using System.Runtime.CompilerServices;
using RedisFailoverSim.Engine.Processes;
using RedisFailoverSim.Engine.Queue;
using RedisFailoverSim.Engine.Random;
using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Engine;

/// <summary>
/// One simulation run: it owns the clock, the event queue and the randomness. Single-threaded; events at the
/// same instant run in the order they were scheduled. A run is a pure function of what is scheduled and the seed.
/// </summary>
public sealed class Simulation
{
    private readonly EventQueue _queue;
    private bool _stopRequested;

    /// <summary>Creates a run with a master seed.</summary>
    public Simulation(ulong seed, int initialQueueCapacity = 1024)
    {
        _queue = new EventQueue(initialQueueCapacity);
        Random = new RandomStreams(seed);
    }

    /// <summary>The current simulated instant.</summary>
    public SimTime Now { get; private set; }

    /// <summary>The named random sub-streams of this run.</summary>
    public RandomStreams Random { get; }

    /// <summary>The process whose body is executing, or null between steps.</summary>
    /// <remarks>
    /// Derived from the event being fired rather than stored on every resume: storing a reference costs a GC write
    /// barrier, twice per event, which the hold benchmark measured at about a fifth of the per-event cost.
    /// </remarks>
    public Process? ActiveProcess =>
        _queue.FiringTarget is Process { State: ProcessState.Running } process ? process : null;

    /// <summary>Events fired so far (stale, cancelled waits included).</summary>
    public long EventsProcessed { get; private set; }

    /// <summary>Events waiting in the queue.</summary>
    public int PendingEvents => _queue.Count;

    /// <summary>Optional observer told of every event as it fires (for trace hashing and debugging).</summary>
    public IEventObserver? Observer { get; set; }

    /// <summary>Starts a process; its body runs first at the current instant, after events already scheduled.</summary>
    public Process Start(string name, Func<Process, IEnumerable<Wait>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new Process(this, name, body);
    }

    /// <summary>Schedules a target to fire after a delay.</summary>
    public void Schedule(SimDuration delay, IEventTarget target, long token = 0, object? payload = null)
    {
        Invariant.Holds(!delay.IsNegative);
        _queue.Enqueue(Now.Nanoseconds + delay.Nanoseconds, target, token, payload);
    }

    /// <summary>Schedules a target to fire at an instant that has not passed.</summary>
    public void ScheduleAt(SimTime at, IEventTarget target, long token = 0, object? payload = null) =>
        ScheduleAt(at.Nanoseconds, target, token, payload);

    /// <summary>Schedules a target to fire at the current instant, after what is already scheduled for it.</summary>
    public void ScheduleNow(IEventTarget target, long token = 0, object? payload = null) =>
        _queue.Enqueue(Now.Nanoseconds, target, token, payload);

    /// <summary>Object references the queue still holds (for leak tests).</summary>
    internal int QueueReferencesHeld() => _queue.ReferencesHeld();

    internal void ScheduleAt(long atNanoseconds, IEventTarget target, long token, object? payload)
    {
        Invariant.Holds(atNanoseconds >= Now.Nanoseconds);
        _queue.Enqueue(atNanoseconds, target, token, payload);
    }

    /// <summary>Fires the next event. Returns false when the queue is empty.</summary>
    public bool Step()
    {
        Invariant.Holds(_queue.FiringTarget is null);
        try
        {
            if (!_queue.TryDequeue(long.MaxValue, out var entry))
            {
                return false;
            }

            Fire(entry);
            return true;
        }
        finally
        {
            _queue.ReleaseFired();
        }
    }

    /// <summary>
    /// Fires every event scheduled at or before <paramref name="until"/>, then sets the clock to it.
    /// Returns early (clock at the last event) when <see cref="RequestStop"/> is called.
    /// </summary>
    public void RunUntil(SimTime until)
    {
        // The loop is not re-entrant: time cannot advance inside an event (a process body calling Step).
        Invariant.Holds(_queue.FiringTarget is null);
        _stopRequested = false;
        try
        {
            while (_queue.TryDequeue(until.Nanoseconds, out var entry))
            {
                Fire(entry);
                if (_stopRequested)
                {
                    return;
                }
            }
        }
        finally
        {
            // Also when a target throws, so that ActiveProcess is null again and the loop can be re-entered.
            _queue.ReleaseFired();
        }

        if (until > Now && until != SimTime.MaxValue)
        {
            Now = until;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Fire(in QueueEntry entry)
    {
        Invariant.Holds(entry.Time >= Now.Nanoseconds);
        Now = new SimTime(entry.Time);
        EventsProcessed++;
        Observer?.OnEvent(Now, entry.Sequence, entry.Target, entry.Token);
        entry.Target.Fire(entry.Token, entry.Payload);
    }

    /// <summary>Fires events until the queue is empty or <see cref="RequestStop"/> is called.</summary>
    public void Run() => RunUntil(SimTime.MaxValue);

    /// <summary>Makes the running <see cref="RunUntil"/> return after the current event.</summary>
    public void RequestStop() => _stopRequested = true;
}
