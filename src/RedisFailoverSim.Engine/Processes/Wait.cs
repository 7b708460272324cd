using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Engine.Processes;

/// <summary>
/// What a process yields: a small struct describing what it waits for. Yielding a timeout allocates nothing.
/// </summary>
public readonly struct Wait
{
    private Wait(WaitKind kind, long nanoseconds, bool absolute, object? target)
    {
        Kind = kind;
        Nanoseconds = nanoseconds;
        IsAbsolute = absolute;
        Target = target;
        RelativeTimeoutNanoseconds = kind == WaitKind.Timeout && !absolute ? nanoseconds : -1;
    }

    /// <summary>The kind of wait.</summary>
    public WaitKind Kind { get; }

    /// <summary>Timeout length, or the instant when <see cref="IsAbsolute"/>; -1 means no timeout.</summary>
    internal long Nanoseconds { get; }

    /// <summary>True when <see cref="Nanoseconds"/> is an instant rather than a span.</summary>
    internal bool IsAbsolute { get; }

    /// <summary>The event, event array or mailbox waited on.</summary>
    internal object? Target { get; }

    /// <summary>The span of a relative timeout (<see cref="For"/>), or -1 for every other wait.</summary>
    /// <remarks>
    /// Stored, not computed: the process loop's hot path reads this one field of the iterator's current value,
    /// which the JIT does without copying the whole struct (see Process.Resume).
    /// </remarks>
    internal long RelativeTimeoutNanoseconds { get; }

    /// <summary>Wait for a span of simulated time.</summary>
    public static Wait For(SimDuration duration)
    {
        Invariant.Holds(!duration.IsNegative);
        return new Wait(WaitKind.Timeout, duration.Nanoseconds, absolute: false, target: null);
    }

    /// <summary>Wait until an instant (now, if it has passed... it must not have).</summary>
    public static Wait Until(SimTime instant) =>
        new(WaitKind.Timeout, instant.Nanoseconds, absolute: true, target: null);

    /// <summary>Let every other event at the current instant run first, then continue.</summary>
    public static Wait Yield() => For(SimDuration.Zero);

    /// <summary>Wait until the event succeeds or fails.</summary>
    public static Wait On(SimEventBase simEvent)
    {
        ArgumentNullException.ThrowIfNull(simEvent);
        return new Wait(WaitKind.Event, -1, absolute: false, target: simEvent);
    }

    /// <summary>Wait until the event succeeds or fails, or the timeout expires (result <see cref="WaitResult.TimedOut"/>).</summary>
    public static Wait On(SimEventBase simEvent, SimDuration timeout)
    {
        ArgumentNullException.ThrowIfNull(simEvent);
        Invariant.Holds(!timeout.IsNegative);
        return new Wait(WaitKind.Event, timeout.Nanoseconds, absolute: false, target: simEvent);
    }

    /// <summary>Wait for the first of the events to succeed or fail. The array is kept; do not change it while waiting.</summary>
    public static Wait AnyOf(SimEventBase[] events)
    {
        Invariant.Holds(events.Length > 0);
        return new Wait(WaitKind.AnyOf, -1, absolute: false, target: events);
    }

    /// <summary>Wait for all of the events to succeed, or the first to fail. The array is kept; do not change it while waiting.</summary>
    public static Wait AllOf(SimEventBase[] events)
    {
        Invariant.Holds(events.Length > 0);
        return new Wait(WaitKind.AllOf, -1, absolute: false, target: events);
    }

    /// <summary>Wait for an item; after <see cref="WaitResult.Completed"/> call <see cref="Mailbox{T}.Take"/> before yielding again.</summary>
    internal static Wait Receive(IMailbox mailbox) => new(WaitKind.Receive, -1, absolute: false, target: mailbox);
}
