using RedisFailoverSim.Engine.Processes;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Model.Clients;

/// <summary>
/// The timeout policy: a command's timeout starts when it was issued or when it was sent (<see cref="TimeoutOrigin"/>),
/// is acted on at the heartbeat or at the instant (<see cref="ClientTimers"/>), and may close the connection
/// (<see cref="ClientSettings.OnTimeout"/>). The heartbeat also retries a lost connection and runs the health checks.
/// </summary>
public sealed partial class WriteClient
{
    private static readonly object TimeoutTimer = new();
    private static readonly object ReconnectTimer = new();
    private static readonly SimTime NoDeadline = SimTime.FromStart(ClientSettings.Never);
    private long _timeoutTimerToken;
    private bool _timeoutArmed;
    private SimTime _timeoutArmedAt;

    /// <summary>Every heartbeat: expire timed-out commands (heartbeat timers), retry a lost connection, check health.</summary>
    private IEnumerable<Wait> RunHeartbeat(Process self)
    {
        yield return Wait.For(SimDuration.FromSecondsRounded(_arrivals.NextDouble() * _settings.Heartbeat.TotalSeconds));
        while (true)
        {
            int timedOut = 0;
            if (_settings.Timers == ClientTimers.Heartbeat)
            {
                timedOut = ExpireDue();
            }
            else
            {
                PruneAnswered();
            }

            if (_tracking)
            {
                DetectDeadSocket(timedOut);
                DetectDeadOtherPrimaries();
                MaintainNodeConnections();
            }
            else if (State == ClientConnectionState.Disconnected && Sim.Now >= _nextRetry && !TryResurrectBridge())
            {
                StartDiscovery();
            }

            if (_discovery is ClusterShardDiscovery)
            {
                DetectDeadClusterSocket(timedOut);
            }

            PruneResent();
            CheckTcpClock();
            _discovery.OnHeartbeat();
            CheckSilentConnection();
            if (_poolWaiting.Count > 0)
            {
                ServePoolWaiters();
            }

            yield return Wait.For(_settings.Heartbeat);
        }
    }

    /// <summary>Expires every command whose timeout passed and applies the on-timeout action; returns how many were in flight.</summary>
    private int ExpireDue()
    {
        int timedOut = ExpireTimedOut(_inFlight, WriteOutcome.Unknown);

        // ASSUMPTION A8: a write that never left the client failed; the client knows it was never sent, unless its
        // library's timeout error does not say (client.unsent-timeout: unknown, Valkey GLIDE).
        ExpireBacklog();
        if (_poolWaiting.Count > 0)
        {
            ExpirePoolWaiters();
        }

        ExpireTimedOut(_stranded, UnsentTimeoutOutcome);
        ExpireViaOther();
        ExpireOnOtherPrimaries();

        // Kept for re-send: they were sent once, so the client cannot know whether they were applied.
        ExpireTimedOut(_resend, WriteOutcome.Unknown);
        if (timedOut > 0 && _settings.OnTimeout != Specs.ConnectionAction.Keep && State == ClientConnectionState.Connected)
        {
            ActOnConnection(_settings.OnTimeout, _target, $"{timedOut} commands timed out");
        }

        return timedOut;
    }

    /// <summary>How a write that timed out unsent ends: failed when the library says it was never sent (A8), else unknown.</summary>
    private WriteOutcome UnsentTimeoutOutcome => _settings.UnsentTimeout == UnsentTimeout.Failed ? WriteOutcome.Failed : WriteOutcome.Unknown;

    /// <summary>The instant a write sent now times out: never, when only queued writes time out.</summary>
    private SimTime SentDeadline(long writeId) => _settings.TimeoutOrigin switch
    {
        TimeoutOrigin.IntendedStart => _ledger.IntendedStart(writeId) + _settings.CommandTimeout,
        TimeoutOrigin.Sent => Sim.Now + _settings.CommandTimeout,
        TimeoutOrigin.Queued => NoDeadline,
        _ => throw new System.Diagnostics.UnreachableException(),
    };

    /// <summary>The instant a write waiting unsent times out: never, when timeouts start at the send.</summary>
    private SimTime BacklogDeadline(long writeId) => _settings.TimeoutOrigin != TimeoutOrigin.Sent
        ? _ledger.IntendedStart(writeId) + _settings.CommandTimeout
        : NoDeadline;

    private void ExpireBacklog()
    {
        while (_backlog.Count > 0)
        {
            long writeId = _backlog.Peek().WriteId;
            if (_ledger.IsPending(writeId) && BacklogDeadline(writeId) > Sim.Now)
            {
                return;
            }

            _backlog.Dequeue();
            _ledger.Resolve(writeId, UnsentTimeoutOutcome, Sim.Now);
        }
    }

    /// <summary>Resolves the writes in <paramref name="queue"/> whose timeout passed; returns how many.</summary>
    private int ExpireTimedOut(Queue<InFlightWrite> queue, WriteOutcome outcome)
    {
        int expired = 0;
        while (queue.Count > 0)
        {
            var write = queue.Peek();
            if (!_ledger.IsPending(write.WriteId) || _awaitingRetry.Contains(write.WriteId))
            {
                queue.Dequeue();
                continue;
            }

            if (write.Deadline > Sim.Now)
            {
                return expired;
            }

            queue.Dequeue();
            expired++;
            _ledger.Resolve(write.WriteId, outcome, Sim.Now);
            if (outcome == WriteOutcome.Unknown && queue == _inFlight)
            {
                _lastInFlightTimeout = Sim.Now;
            }
        }

        return expired;
    }

    /// <summary>With exact timers: makes sure a timer fires by <paramref name="deadline"/> (deadlines queue in order).</summary>
    private void ArmTimeoutTimer(SimTime deadline)
    {
        if (_settings.Timers != ClientTimers.Exact || deadline >= NoDeadline || (_timeoutArmed && _timeoutArmedAt <= deadline))
        {
            return;
        }

        _timeoutArmed = true;
        _timeoutArmedAt = deadline;
        _timeoutTimerToken++;
        Sim.ScheduleAt(deadline > Sim.Now ? deadline : Sim.Now, this, _timeoutTimerToken, TimeoutTimer);
    }

    private void OnTimeoutTimer(long token)
    {
        if (token != _timeoutTimerToken)
        {
            return;
        }

        _timeoutArmed = false;
        ExpireDue();

        // Each queue is in deadline order and its head is now pending and not due: the next timer is the earliest head.
        if (_inFlight.Count > 0)
        {
            ArmTimeoutTimer(_inFlight.Peek().Deadline);
        }

        if (_stranded.Count > 0)
        {
            ArmTimeoutTimer(_stranded.Peek().Deadline);
        }

        if (_resend.Count > 0)
        {
            ArmTimeoutTimer(_resend.Peek().Deadline);
        }

        if (_viaOther.Count > 0)
        {
            ArmTimeoutTimer(_viaOther.Peek().Deadline);
        }

        if (_onOtherPrimary.Count > 0)
        {
            ArmTimeoutTimer(_onOtherPrimary.Peek().Deadline);
        }

        if (_backlog.Count > 0)
        {
            ArmTimeoutTimer(BacklogDeadline(_backlog.Peek().WriteId));
        }

        if (_poolWaiting.Count > 0)
        {
            ArmTimeoutTimer(_poolWaiting.Peek().Deadline);
        }
    }
}
