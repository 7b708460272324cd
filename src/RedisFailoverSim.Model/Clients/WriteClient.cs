using MathNet.Numerics.Distributions;
using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Processes;
using RedisFailoverSim.Engine.Queue;
using RedisFailoverSim.Engine.Random;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.Sentinel;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Model.Clients;

/// <summary>
/// A client issuing an open stream of writes (each a unique set element, Jepsen's set workload) on its own
/// schedule, whatever happened to earlier ones: latency counts from the intended start, so a stalled client
/// does not hide its queue. The core here keeps the write stream and the bookkeeping of writes in flight and queued;
/// what the library does is data (<see cref="ClientSettings"/>: a profile's policy choices), carried out by concern in
/// the partial files: timeouts (<c>WriteClient.Timeouts.cs</c>), replies and resets (<c>WriteClient.Replies.cs</c>),
/// dead-socket checks (<c>WriteClient.Health.cs</c>) and, for a StackExchange.Redis Sentinel client, a connection to
/// every node (assumption A37, <c>WriteClient.Nodes.cs</c>). Discovery (Sentinel, endpoint/DNS) is a
/// <see cref="ClientDiscovery"/>. The defaults are StackExchange.Redis's (docs/sources.md §9.2).
/// </summary>
public sealed partial class WriteClient : Member, IEventTarget
{
    private readonly ClientSpec _spec;
    private readonly ClientSettings _settings;
    private readonly WorkloadSpec _workload;
    private readonly TrafficShape _traffic;
    private readonly WriteLedger _ledger;
    private readonly RunRecorder _recorder;
    private readonly RandomStream _arrivals;
    private readonly RandomStream _retryJitter;
    private readonly ClientDiscovery _discovery;
    private readonly Func<MemberId, int> _nodeIndexOf;
    private readonly Queue<InFlightWrite> _inFlight = new();
    private readonly Queue<QueuedWrite> _backlog = new();

    // Writes queued for a node the client has since moved away from: never sent, they fail at the command timeout.
    private readonly Queue<InFlightWrite> _stranded = new();

    // Commands in flight on a closed connection, to be sent again on the next one (in-flight-on-drop: resend, A46).
    private readonly Queue<InFlightWrite> _resend = new();
    private readonly int _writeBytes;
    private MemberId _target = MemberId.None;

    // The node a write queued now waits for (assumption A36); None for endpoint clients and before any connection.
    private MemberId _queueNode = MemberId.None;
    private long _connectAttempt;
    private SimTime _nextRetry;
    private SimTime _lastHeard;
    private SimTime _connectedAt;
    private SimTime _lastInFlightTimeout = SimTime.FromStart(SimDuration.FromNanoseconds(-1));

    /// <summary>Creates a client; call <see cref="Boot"/> to start writing.</summary>
    public WriteClient(
        SimNetwork network,
        ClientSpec spec,
        int azIndex,
        int clientIndex,
        ClientSettings settings,
        WorkloadSpec workload,
        TrafficShape traffic,
        WriteLedger ledger,
        RunRecorder recorder,
        RandomStream arrivals,
        RandomStream retryJitter,
        ClientDiscovery discovery,
        Func<MemberId, int> nodeIndexOf)
        : base(network, spec.Name, azIndex)
    {
        _spec = spec;
        ClientIndex = clientIndex;
        _settings = settings;
        _workload = workload;
        _traffic = traffic;
        _ledger = ledger;
        _recorder = recorder;
        _arrivals = arrivals;
        _retryJitter = retryJitter;
        _discovery = discovery;
        _nodeIndexOf = nodeIndexOf;

        // ASSUMPTION A2: an SADD's stream size is the value plus 40 bytes of command overhead.
        _writeBytes = workload.ValueBytes + 40;
        discovery.Attach(this);
    }

    /// <summary>Index among the world's clients.</summary>
    public int ClientIndex { get; }

    /// <summary>
    /// The hash slot every write of this client carries, for a Redis Cluster client's per-shard connection (-1: no
    /// cluster); the node answers -MOVED when another node serves it.
    /// </summary>
    public int Slot { get; init; } = -1;

    /// <summary>The connection state.</summary>
    public ClientConnectionState State { get; private set; }

    /// <summary>The node the client is connected (or connecting) to.</summary>
    public MemberId Target => _target;

    /// <summary>The client's settings.</summary>
    public ClientSettings Settings => _settings;

    /// <summary>When the client last received a reply from the node it is connected to.</summary>
    public SimTime LastHeardFromTarget => _lastHeard;

    /// <summary>When the current connection was established.</summary>
    public SimTime ConnectedAt => _connectedAt;

    /// <summary>When a write sent on a connection last timed out without an answer.</summary>
    public SimTime LastInFlightTimeout => _lastInFlightTimeout;

    /// <summary>
    /// Closes the connection because the client judged it dead: writes in flight become unknown and a new attempt
    /// follows after the retry delay.
    /// </summary>
    public void DropConnection(string why)
    {
        if (State is not (ClientConnectionState.Connected or ClientConnectionState.Connecting))
        {
            return;
        }

        _recorder.Event(Name, "client", $"{Name} dropped its connection to {Network.Members[_target.Value].Name}: {why}");
        Disconnect(WriteOutcome.Unknown);
        ScheduleRetry();
    }

    /// <summary>Writes queued on a node connection the client moved away from, waiting to fail (assumption A36).</summary>
    public int StrandedCount => _stranded.Count;

    /// <summary>Starts discovery, the heartbeat and the write stream.</summary>
    public void Boot()
    {
        StartDiscovery();
        Sim.Start(Name + "/heartbeat", RunHeartbeat);
        Sim.Start(Name + "/writes", RunWriteStream);
    }

    /// <summary>Discovery found a node to try: connect and check its role.</summary>
    public void ConnectTo(MemberId node)
    {
        if (TracksEveryNode)
        {
            // Assumption A37: the Sentinels' answer is the first node the client knows; it connects to every node.
            BeginTracking(node);
            return;
        }

        _bridgeServer = MemberId.None;
        State = ClientConnectionState.Connecting;
        _target = node;
        QueueFor(node);
        _connectAttempt++;

        // A new socket: what the old one still holds for retransmission no longer stands in front of it (A62).
        Network.OpenConnection(Id, node);
        bool handshakeWaits = HandshakeWaits(node);
        Send(node, new RoleRequest { OnConnectedSocket = handshakeWaits });
        Sim.Schedule(handshakeWaits ? BridgeKeepAlive : _settings.ConnectTimeout, this, _connectAttempt, null);
    }

    /// <summary>Discovery gave up for now; try again after the retry delay.</summary>
    public void DiscoveryFailed(string why)
    {
        State = ClientConnectionState.Disconnected;
        ScheduleRetry();
        if (_poolWaiting.Count > 0)
        {
            ServePoolWaiters();
        }
    }

    /// <summary>Sends a message on the client's behalf (for discovery strategies).</summary>
    public void SendFromClient(MemberId to, Message message) => Send(to, message);

    /// <summary>Schedules a discovery timer (token is the strategy's own attempt number).</summary>
    public void ScheduleDiscoveryTimer(SimDuration delay, IEventTarget target, long token) => Sim.Schedule(delay, target, token, this);

    /// <inheritdoc />
    protected internal override void Receive(Message message)
    {
        OnMessage(message);
        if (_poolWaiting.Count > 0)
        {
            ServePoolWaiters();
        }
    }

    private void OnMessage(Message message)
    {
        switch (message)
        {
            case WriteReply reply:
                OnWriteReply(reply);
                break;
            case WaitReply wait when _workload.Wait is not null:
                OnWaitReply(wait);
                break;
            case RoleReply role:
                OnRoleReply(role);
                break;
            case SwitchMasterNotice notice:
                OnSwitchMaster(notice);
                break;
            case SentinelEventNotice notice:
                OnSentinelEvent(notice.Channel, notice.From);
                break;
            case ConnectionReset reset:
                OnConnectionReset(reset);
                break;
            default:
                if (!_discovery.TryHandle(message))
                {
                    Invariant.Fail("unexpected message at a client: " + message.Describe());
                }

                break;
        }
    }

    void IEventTarget.Fire(long token, object? payload)
    {
        OnTimer(token, payload);
        if (_poolWaiting.Count > 0)
        {
            ServePoolWaiters();
        }
    }

    private void OnTimer(long token, object? payload)
    {
        if (payload == ReconfigureDeadline)
        {
            OnReconfigureDeadline(token);
            return;
        }

        if (payload == TimeoutTimer)
        {
            OnTimeoutTimer(token);
            return;
        }

        if (payload == ReconnectTimer)
        {
            OnReconnectTimer();
            return;
        }

        if (payload == RediscoverTimer)
        {
            OnRediscoverTimer(token);
            return;
        }

        if (payload == RetryTimer)
        {
            OnRetryTimer(token);
            return;
        }

        if (payload == TcpGiveUpTimer)
        {
            OnTcpGiveUp(token);
            return;
        }

        // Connect timeout.
        if (token == _connectAttempt && State == ClientConnectionState.Connecting)
        {
            Disconnect(WriteOutcome.Unknown);
            ScheduleRetry();
        }
    }

    private IEnumerable<Wait> RunWriteStream(Process self)
    {
        var end = SimTime.FromStart(_workload.Duration);
        double baseRate = _workload.RatePerClient * _spec.RateMultiplier;
        var next = SimTime.Zero + SimDuration.FromSecondsRounded(_arrivals.NextDouble() / baseRate);
        while (next < end)
        {
            yield return Wait.Until(next);
            Issue(next);
            double rate = baseRate * _traffic.MultiplierAt(next);
            double gap = _workload.Arrival == ArrivalProcess.Poisson ? Exponential.Sample(_arrivals, rate) : 1.0 / rate;
            next += SimDuration.FromNanoseconds(Math.Max(1, SimDuration.FromSecondsRounded(gap).Nanoseconds));
        }
    }

    private void Issue(SimTime intendedStart)
    {
        long writeId = _ledger.Issue(ClientIndex, intendedStart);
        if (PoolBounded && !TryTakePoolSlot(writeId))
        {
            return;
        }

        Dispatch(writeId);
    }

    /// <summary>Sends, queues or fails a write the client takes now (issued, or given a pooled connection).</summary>
    private void Dispatch(long writeId)
    {
        if (State == ClientConnectionState.Connected && !HoldsWrites)
        {
            if (TrySendToOtherPrimary(writeId))
            {
                AfterWriteSent();
            }
            else
            {
                SendWrite(writeId);
            }
        }
        else if (TrySendViaOtherPrimary(writeId))
        {
            // A cluster client's other connections carry it (WriteClient.Cluster.cs).
        }
        else if ((_settings.OfflineQueue == OfflineQueue.FailFast && State == ClientConnectionState.Disconnected)
            || _backlog.Count >= _settings.OfflineQueueLimit)
        {
            // ASSUMPTION A8: a write that never left the client failed; the client knows it was never sent.
            _ledger.Resolve(writeId, WriteOutcome.Failed, Sim.Now);
        }
        else
        {
            _backlog.Enqueue(new QueuedWrite(writeId, _queueNode));
            ArmTimeoutTimer(BacklogDeadline(writeId));
        }
    }

    /// <summary>
    /// Routes writes to <paramref name="node"/>, which reported <c>role:master</c>: the writes queued for it are sent,
    /// those queued for another node stay there and fail at the command timeout (assumption A36).
    /// </summary>
    private void BecomeConnected(MemberId node, string narration)
    {
        State = ClientConnectionState.Connected;
        _target = node;
        QueueFor(node);
        _connectedAt = Sim.Now;
        _failedReconnects = 0;
        _lastHeard = Sim.Now;
        _discovery.OnConnected();
        _recorder.Event(Name, "client", narration);
        ResendInFlight(node);
        SendBacklog(node);
    }

    /// <summary>Sends the writes queued for <paramref name="node"/>; those queued for another node wait to fail (A36).</summary>
    private void SendBacklog(MemberId node)
    {
        while (_backlog.Count > 0)
        {
            var queued = _backlog.Dequeue();
            if (!_ledger.IsPending(queued.WriteId))
            {
                continue;
            }

            if (queued.Node.IsSome && queued.Node != node)
            {
                _stranded.Enqueue(new InFlightWrite(queued.WriteId, BacklogDeadline(queued.WriteId)));
                continue;
            }

            SendWrite(queued.WriteId);
        }
    }

    /// <summary>Sends a write on the connection and starts its timeout.</summary>
    private void SendWrite(long writeId)
    {
        SendWrite(writeId, SentDeadline(writeId));
        AfterWriteSent();
    }

    /// <summary>Sends a write on the connection; it times out at <paramref name="deadline"/>.</summary>
    private void SendWrite(long writeId, SimTime deadline)
    {
        _inFlight.Enqueue(new InFlightWrite(writeId, deadline));
        Send(_target, new WriteRequest(writeId, _writeBytes) { Slot = Slot });
        ArmTimeoutTimer(deadline);
        StartTcpClockIfUnacknowledged();
    }

    /// <summary>Writes queued from now on wait on <paramref name="node"/>'s connection (assumption A36).</summary>
    private void QueueFor(MemberId node)
    {
        if ((_discovery.ConnectsToNodes || _discovery is ClusterShardDiscovery) && _settings.BacklogPerNode)
        {
            _queueNode = node;
        }
    }

    /// <summary>
    /// Drops the connection: commands in flight on it end with <paramref name="inFlightOutcome"/>, or wait to be sent
    /// again on the next connection (in-flight-on-drop: resend, assumption A46).
    /// </summary>
    private void Disconnect(WriteOutcome inFlightOutcome)
    {
        EndRediscovery();
        bool resend = _settings.InFlightOnDrop == InFlightOnDrop.Resend;
        int kept = 0;
        while (_inFlight.Count > 0)
        {
            var write = _inFlight.Dequeue();
            if (_awaitingRetry.Contains(write.WriteId) || !_ledger.IsPending(write.WriteId))
            {
                continue;
            }

            if (resend)
            {
                _resend.Enqueue(write);
                kept++;
            }
            else
            {
                _ledger.Resolve(write.WriteId, inFlightOutcome, Sim.Now);
            }
        }

        if (kept > 0 && State == ClientConnectionState.Connected)
        {
            _recorder.Event(Name, "client", $"{Name} keeps {kept} commands that were in flight to {Network.Members[_target.Value].Name}, to send them again after the reconnect");
        }

        State = ClientConnectionState.Disconnected;
        _target = MemberId.None;
        _connectAttempt++;
        StopTcpClock();
        ForgetWaits();
    }

    private void StartDiscovery()
    {
        _bridgeServer = MemberId.None;
        State = ClientConnectionState.Discovering;
        _discovery.Begin();
    }

    /// <summary>
    /// The next attempt waits the discovery's retry delay. ASSUMPTION A12: a StackExchange.Redis client in Sentinel
    /// mode re-queries the Sentinels every second after losing its primary (its sentinel-managed reconnect timer), so
    /// there the next attempt is one heartbeat away; endpoint clients use ExponentialRetry (docs/sources.md §9.2).
    /// </summary>
    private void ScheduleRetry()
    {
        State = ClientConnectionState.Disconnected;
        CountFailedReconnect();
        var delay = _discovery.RetryDelay();
        _nextRetry = Sim.Now + delay;
        if (_settings.Timers == ClientTimers.Exact)
        {
            Sim.Schedule(delay, this, 0, ReconnectTimer);
        }
    }

    /// <summary>A reconnect delay ran out (exact timers): look for the primary again unless already connecting.</summary>
    private void OnReconnectTimer()
    {
        // A dropped StackExchange.Redis bridge is resurrected by the heartbeat, not by this timer (A172).
        if (State == ClientConnectionState.Disconnected && Sim.Now >= _nextRetry && !_bridgeServer.IsSome)
        {
            StartDiscovery();
        }
    }

    /// <summary>A write waiting for a connection, and the node it was routed to (None: whatever the endpoint reaches).</summary>
    private readonly record struct QueuedWrite(long WriteId, MemberId Node);

    /// <summary>A write sent (or stranded on a node's backlog) and the instant its timeout expires.</summary>
    private readonly record struct InFlightWrite(long WriteId, SimTime Deadline);
}
