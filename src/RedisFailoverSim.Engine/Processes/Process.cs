using System.Runtime.CompilerServices;
using RedisFailoverSim.Engine.Queue;

namespace RedisFailoverSim.Engine.Processes;

/// <summary>
/// A process: a C# iterator that yields <see cref="Wait"/>s. After each <c>yield</c> the body reads
/// <see cref="Result"/> to learn how the wait ended, and must re-check anything it read before waiting.
/// </summary>
/// <remarks>
/// Interrupt semantics: <see cref="Interrupt"/> cancels the current wait, whatever it is, and resumes the process
/// at the current instant with <see cref="WaitResult.Interrupted"/> and the cause; if several interrupts arrive
/// before it runs, it resumes once, with the last cause. <see cref="Stop"/> ends the process for good: its
/// iterator is disposed (its <c>finally</c> blocks run) and nothing it waited for will resume it. A process
/// cannot interrupt itself; it may stop itself, which takes effect when its current step yields.
/// </remarks>
public sealed class Process : IEventTarget
{
    // Every entry a process schedules or hands out carries a token: the number of the wait it belongs to, shifted
    // left two bits, with the reason for the wake-up in the low bits. A wake-up whose wait number is not the
    // current one is stale (the wait ended some other way) and is ignored. Timeouts and interrupts thus need no
    // payload; scheduling a null payload needs no GC write barrier on the hot path.
    private const int ReasonBits = 2;
    private const long ReasonMask = (1 << ReasonBits) - 1;
    private const long WokenByPayload = 0;
    private const long WokenByTimeout = 1;
    private const long WokenByInterrupt = 2;

    private readonly IEnumerator<Wait> _body;
    private long _waitNumber;
    private int _allOfRemaining;
    private WaitKind _waitKind;
    private bool _stopRequested;
    private SimEvent? _completion;

    internal Process(Simulation simulation, string name, Func<Process, IEnumerable<Wait>> body)
    {
        Simulation = simulation;
        Name = name;
        _body = body(this).GetEnumerator();
        State = ProcessState.Waiting;
        _waitKind = WaitKind.Timeout;
        Simulation.ScheduleNow(this, Token(WokenByTimeout));
    }

    /// <summary>The simulation running this process.</summary>
    public Simulation Simulation { get; }

    /// <summary>A name for traces and errors.</summary>
    public string Name { get; }

    /// <summary>Waiting, running, finished or stopped.</summary>
    public ProcessState State { get; private set; }

    /// <summary>How the last wait ended.</summary>
    public WaitResult Result { get; private set; }

    /// <summary>The cause given to the interrupt that ended the last wait, when it was interrupted.</summary>
    public object? InterruptCause { get; private set; }

    /// <summary>The event that failed and ended the last wait, when it failed.</summary>
    public SimEventBase? FailedEvent { get; private set; }

    /// <summary>True while the process can still run.</summary>
    public bool IsAlive => State is ProcessState.Waiting or ProcessState.Running;

    /// <summary>An event that succeeds when the body returns and fails when the process is stopped.</summary>
    public SimEvent Completion
    {
        get
        {
            _completion ??= new SimEvent(Simulation);
            if (!_completion.IsTriggered && !IsAlive)
            {
                CompleteTermination();
            }

            return _completion;
        }
    }

    internal IMailbox? Reservation { get; set; }

    /// <summary>Cancels the current wait and resumes the process now with <see cref="WaitResult.Interrupted"/>.</summary>
    /// <returns>False when the process had already ended.</returns>
    public bool Interrupt(object? cause)
    {
        Invariant.Holds(State != ProcessState.Running);
        if (!IsAlive)
        {
            return false;
        }

        ReleaseReservation();
        InterruptCause = cause;
        _waitNumber++;
        Simulation.ScheduleNow(this, Token(WokenByInterrupt));
        return true;
    }

    /// <summary>Ends the process for good; its iterator is disposed.</summary>
    /// <returns>False when the process had already ended.</returns>
    public bool Stop()
    {
        if (!IsAlive)
        {
            return false;
        }

        if (State == ProcessState.Running)
        {
            _stopRequested = true;
            return true;
        }

        ReleaseReservation();
        _waitNumber++;
        Terminate(ProcessState.Stopped);
        return true;
    }

    /// <summary>True when <paramref name="token"/> (as given to an event or a mailbox) belongs to the current wait.</summary>
    internal bool IsWaitingWith(long token) =>
        State == ProcessState.Waiting && (token >> ReasonBits) == _waitNumber;

    void IEventTarget.Fire(long token, object? payload)
    {
        if (!IsWaitingWith(token))
        {
            return;
        }

        switch (token & ReasonMask)
        {
            case WokenByTimeout:
                InterruptCause = null;
                Resume(_waitKind == WaitKind.Timeout ? WaitResult.Completed : WaitResult.TimedOut, failed: null);
                break;
            case WokenByInterrupt:
                Resume(WaitResult.Interrupted, failed: null);
                break;
            default:
                InterruptCause = null;
                OnPayload(payload);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long Token(long reason) => (_waitNumber << ReasonBits) | reason;

    private void OnPayload(object? payload)
    {
        if (payload is not SimEventBase simEvent)
        {
            // A mailbox promised this process an item.
            Resume(WaitResult.Completed, failed: null);
            return;
        }

        if (simEvent.State == EventState.Failed)
        {
            Resume(WaitResult.Failed, simEvent);
            return;
        }

        if (_waitKind == WaitKind.AllOf && --_allOfRemaining > 0)
        {
            return;
        }

        Resume(WaitResult.Completed, failed: null);
    }

    private void Resume(WaitResult result, SimEventBase? failed)
    {
        _waitNumber++;
        Result = result;
        FailedEvent = failed;
        State = ProcessState.Running;

        // While the body runs, Simulation.ActiveProcess is this process without being stored: it is derived from
        // the event being fired (whose target we are) and our Running state.
        bool more = _body.MoveNext();
        Invariant.Holds(Reservation is null);
        if (!more || _stopRequested)
        {
            Terminate(more ? ProcessState.Stopped : ProcessState.Finished);
            return;
        }

        State = ProcessState.Waiting;
        var simulation = Simulation;

        // One read of Current on the hot path: copying the whole Wait made the JIT use wide loads spanning the
        // iterator's separate field stores, which defeats store-to-load forwarding (the hottest spot of the hold
        // benchmark), and each extra read is an interface call when the iterator type is not devirtualized.
        var body = _body;
        long relativeTimeout = body.Current.RelativeTimeoutNanoseconds;
        if (relativeTimeout >= 0)
        {
            _waitKind = WaitKind.Timeout;
            simulation.ScheduleAt(simulation.Now.Nanoseconds + relativeTimeout, this, Token(WokenByTimeout), null);
            return;
        }

        var wait = body.Current;
        _waitKind = wait.Kind;
        BeginWait(wait.Kind, wait.Nanoseconds, wait.IsAbsolute, wait.Target);
    }

    private void BeginWait(WaitKind kind, long nanoseconds, bool absolute, object? target)
    {
        long token = Token(WokenByPayload);
        switch (kind)
        {
            case WaitKind.Timeout:
                ScheduleTimeout(nanoseconds, absolute);
                break;
            case WaitKind.Event:
                ((SimEventBase)target!).AddWaiter(this, token);
                if (nanoseconds >= 0)
                {
                    ScheduleTimeout(nanoseconds, absolute);
                }

                break;
            case WaitKind.AnyOf:
                var any = (SimEventBase[])target!;
                for (int i = 0; i < any.Length; i++)
                {
                    any[i].AddWaiter(this, token);
                }

                break;
            case WaitKind.AllOf:
                var all = (SimEventBase[])target!;
                _allOfRemaining = all.Length;
                for (int i = 0; i < all.Length; i++)
                {
                    all[i].AddWaiter(this, token);
                }

                break;
            case WaitKind.Receive:
                ((IMailbox)target!).Register(this, token);
                break;
            default:
                Invariant.Fail("unknown wait kind");
                break;
        }
    }

    private void ScheduleTimeout(long nanoseconds, bool absolute)
    {
        long at = absolute ? nanoseconds : Simulation.Now.Nanoseconds + nanoseconds;
        Simulation.ScheduleAt(at, this, Token(WokenByTimeout), null);
    }

    private void ReleaseReservation()
    {
        if (Reservation is { } mailbox)
        {
            Reservation = null;
            mailbox.ReleaseReservation();
        }
    }

    private void Terminate(ProcessState final)
    {
        State = final;
        _body.Dispose();
        if (_completion is not null)
        {
            CompleteTermination();
        }
    }

    private void CompleteTermination()
    {
        if (State == ProcessState.Finished)
        {
            _completion!.Succeed();
        }
        else
        {
            _completion!.Fail("stopped");
        }
    }
}
