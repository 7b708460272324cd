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
    private static readonly object TimeoutMarker = new();
    private static readonly object InterruptMarker = new();

    private readonly IEnumerator<Wait> _body;
    private long _token;
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
        Simulation.ScheduleNow(this, _token, TimeoutMarker);
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
        _token++;
        Simulation.ScheduleNow(this, _token, InterruptMarker);
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
        _token++;
        Terminate(ProcessState.Stopped);
        return true;
    }

    internal bool IsWaitingWith(long token) => State == ProcessState.Waiting && token == _token;

    void IEventTarget.Fire(long token, object? payload)
    {
        if (!IsWaitingWith(token))
        {
            return;
        }

        if (ReferenceEquals(payload, InterruptMarker))
        {
            Resume(WaitResult.Interrupted, failed: null);
            return;
        }

        InterruptCause = null;
        if (ReferenceEquals(payload, TimeoutMarker))
        {
            Resume(_waitKind == WaitKind.Timeout ? WaitResult.Completed : WaitResult.TimedOut, failed: null);
            return;
        }

        if (payload is SimEventBase simEvent)
        {
            OnEventFired(simEvent);
            return;
        }

        // A mailbox promised this process an item.
        Resume(WaitResult.Completed, failed: null);
    }

    private void OnEventFired(SimEventBase simEvent)
    {
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
        _token++;
        Result = result;
        FailedEvent = failed;
        State = ProcessState.Running;
        var previous = Simulation.ActiveProcess;
        Simulation.ActiveProcess = this;
        bool more;
        try
        {
            more = _body.MoveNext();
        }
        finally
        {
            Simulation.ActiveProcess = previous;
        }

        if (!more || _stopRequested)
        {
            Invariant.Holds(Reservation is null);
            Terminate(more ? ProcessState.Stopped : ProcessState.Finished);
            return;
        }

        Invariant.Holds(Reservation is null);
        State = ProcessState.Waiting;
        BeginWait(_body.Current);
    }

    private void BeginWait(in Wait wait)
    {
        long token = _token;
        _waitKind = wait.Kind;
        switch (wait.Kind)
        {
            case WaitKind.Timeout:
                ScheduleTimeout(wait, token);
                break;
            case WaitKind.Event:
                ((SimEventBase)wait.Target!).AddWaiter(this, token);
                if (wait.Nanoseconds >= 0)
                {
                    ScheduleTimeout(wait, token);
                }

                break;
            case WaitKind.AnyOf:
                var any = (SimEventBase[])wait.Target!;
                for (int i = 0; i < any.Length; i++)
                {
                    any[i].AddWaiter(this, token);
                }

                break;
            case WaitKind.AllOf:
                var all = (SimEventBase[])wait.Target!;
                _allOfRemaining = all.Length;
                for (int i = 0; i < all.Length; i++)
                {
                    all[i].AddWaiter(this, token);
                }

                break;
            case WaitKind.Receive:
                ((IMailbox)wait.Target!).Register(this, token);
                break;
            default:
                Invariant.Fail("unknown wait kind");
                break;
        }
    }

    private void ScheduleTimeout(in Wait wait, long token)
    {
        long at = wait.IsAbsolute ? wait.Nanoseconds : Simulation.Now.Nanoseconds + wait.Nanoseconds;
        Invariant.Holds(at >= Simulation.Now.Nanoseconds);
        Simulation.ScheduleAt(at, this, token, TimeoutMarker);
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
