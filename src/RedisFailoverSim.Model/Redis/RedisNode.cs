using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Processes;
using RedisFailoverSim.Engine.Queue;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Model.Redis;

/// <summary>
/// A Redis OSS / Valkey node: a primary that applies writes on its one thread and replies when each is done
/// (asynchronous replication, docs/sources.md §1.1; service time and queueing §13.1, assumption A105), or a replica that follows a master's stream. Replication ids, offsets, backlog, partial
/// and full resync (§1.2), promotion with a new replication id, demotion that discards divergent writes
/// (§1.3), min-replicas-to-write (§1.5), replica-priority (§1.6), -READONLY (§1.1). Faults: crash, power-off,
/// restart (what its AOF or RDB holds, docs/sources.md §16; empty without persistence), pause.
/// </summary>
public sealed partial class RedisNode : Member, IEventTarget
{
    private readonly RedisSettings _settings;
    private readonly RedisNodeOptions _options;
    private readonly RunRecorder _recorder;
    private readonly ReplIdSource _replIds;
    private readonly WriteLedger _ledger;
    private readonly History _history;
    private readonly List<ReplicaLink> _replicas = [];
    private readonly MemberSet _clientConnections = new();

    // The stream entries this node sent that their replicas have applied, for the next writes (StreamEntry's remarks).
    private readonly Stack<StreamEntry> _streamEntries = new();

    // Sentinels' command connections (they PING): a killed process's kernel closes them too.
    private readonly MemberSet _monitorConnections = new();
    private readonly SimDuration _cronPhase;
    private Process? _cron;
    private int _incarnation;
    private MemberId _configuredMaster;
    private NodeRole _recordedRole;

    // The data loaded before the run (assumption A4), which a full sync from this node must copy; lost with memory.
    private bool _holdsBaseDataset = true;
    private bool _recordedAccepting;

    // The disk held less than memory at the crash: the restart starts a new replication history.
    private bool _newHistoryOnRestart;

    /// <summary>Creates a node; call <see cref="Boot"/> once the world is assembled.</summary>
    public RedisNode(
        SimNetwork network,
        NodeSpec spec,
        int azIndex,
        int nodeIndex,
        RedisSettings settings,
        RedisNodeOptions options,
        RunRecorder recorder,
        ReplIdSource replIds,
        WriteLedger ledger,
        SimDuration cronPhase)
        : base(network, spec.Name, azIndex)
    {
        Spec = spec;
        NodeIndex = nodeIndex;
        _settings = settings;
        _options = options;
        _recorder = recorder;
        _replIds = replIds;
        _cronPhase = cronPhase;
        _ledger = ledger;

        // A node keeps only its replication window of entries (an extension may ask for another); the audit reads the
        // final dataset entry by entry and needs them all.
        long window = ledger.IsAudit ? -1 : options.Extension?.HistoryWindowBytes ?? settings.ReplBacklogBytes;
        _history = new History(ledger.Stamps, window);
        _recordedRole = (NodeRole)255;
    }

    /// <summary>The node's scenario record.</summary>
    public NodeSpec Spec { get; }

    /// <summary>Index among the world's nodes (for recorders and charts).</summary>
    public int NodeIndex { get; }

    /// <summary><c>role:master</c>.</summary>
    public bool IsPrimary { get; private set; }

    /// <summary>The master it follows, when a replica.</summary>
    public MemberId MasterId { get; private set; } = MemberId.None;

    /// <summary>State of the link to its master.</summary>
    public MasterLinkState LinkState { get; private set; }

    /// <summary>The current replication id.</summary>
    public long ReplId { get; private set; }

    /// <summary>The previous replication id (after a promotion), or 0.</summary>
    public long ReplId2 { get; private set; }

    /// <summary>Offset up to which <see cref="ReplId2"/> is valid.</summary>
    public long SecondReplOffset { get; private set; } = -1;

    /// <summary>The replication offset: bytes of stream applied.</summary>
    public long Offset => _history.Offset;

    /// <summary>The dataset, as the writes applied since the last full sync.</summary>
    public History Dataset => _history;

    /// <summary><c>run_id</c>: a new one at every restart.</summary>
    public string RunId => Name + "-" + _incarnation.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>True while the node would apply a client write now (not while CLIENT PAUSE WRITE holds them).</summary>
    public bool AcceptsWrites => Host == HostState.Up && IsPrimary && _heldWrites is null && HasEnoughGoodReplicas
        && (_options.Extension?.CanAcknowledge ?? true);

    /// <summary>Replicas currently streaming from this node.</summary>
    public int OnlineReplicaCount
    {
        get
        {
            int count = 0;
            for (int i = 0; i < _replicas.Count; i++)
            {
                count += _replicas[i].Online ? 1 : 0;
            }

            return count;
        }
    }

    /// <summary>Starts the node as primary or as a replica of <paramref name="master"/>, with the dataset already in sync.</summary>
    public void Boot(MemberId master, long replId)
    {
        _configuredMaster = master;
        ReplId = replId;
        IsPrimary = !master.IsSome;
        MasterId = master;
        if (IsPrimary)
        {
            // The run starts warmed up (as the Sentinels do, assumption A6): a primary whose replicas were streaming
            // has a replication backlog, so their reconnect at boot is a partial resync (docs/sources.md §1.2). Without it
            // the first replica's PSYNC found no backlog and paid a full sync (5 s diskless delay + transfer), during
            // which min-replicas-to-write counted one replica fewer.
            _hasBacklog = true;
        }
        else
        {
            StartHandshake();
        }

        StartCron();
        StartPersistence();
        RecordState();
    }

    /// <summary>Kills the process (<paramref name="powerOff"/>: the whole host). Memory is lost.</summary>
    public void Crash(bool powerOff)
    {
        if (Host is HostState.ProcessDown or HostState.PoweredOff)
        {
            return;
        }

        _cron?.Stop();
        _cron = null;
        SetHost(powerOff ? HostState.PoweredOff : HostState.ProcessDown);
        if (!powerOff)
        {
            // kill -9: the kernel resets every open connection at once (assumption A10).
            ResetAllConnections();
        }

        _replicas.Clear();
        _clientConnections.Clear();
        _monitorConnections.Clear();
        _waiting.Clear();
        LinkState = MasterLinkState.Down;
        AbandonCoordinatedFailover();
        if (!Disk.LoadsFromDisk)
        {
            _history.Clear();
            _holdsBaseDataset = false;
        }
        else if (KeepWhatTheDiskHolds(powerOff))
        {
            _newHistoryOnRestart = true;
        }

        _options.Extension?.OnCrashed();
        RecordState();
    }

    /// <summary>
    /// Starts the process again. Without persistence it comes back empty, as the role its config file names:
    /// a former primary returns as an empty primary (docs/sources.md §1.2 wipe hazard).
    /// </summary>
    public void Restart()
    {
        if (Host is not (HostState.ProcessDown or HostState.PoweredOff))
        {
            return;
        }

        _incarnation++;
        ResetThread();
        SetHost(HostState.Up);
        if (!Disk.LoadsFromDisk || _newHistoryOnRestart)
        {
            // A dataset shorter than before must not resume anyone's stream at an offset it reached with other writes.
            _newHistoryOnRestart = false;
            ReplId = _replIds.Next();
            ReplId2 = 0;
            SecondReplOffset = -1;
        }

        IsPrimary = !_configuredMaster.IsSome;
        MasterId = _configuredMaster;
        LinkState = MasterLinkState.Down;
        if (_options.Extension is { } extension)
        {
            // A node with an extension (a MemoryDB log follower) comes back without a role; the extension decides.
            IsPrimary = false;
            extension.OnRestarted();
        }

        StartPersistence();
        _recorder.Event(Name, "restart", IsPrimary
            ? Disk.LoadsFromDisk
                ? $"{Name} restarted as primary with the {_history.Count} writes its {(Disk.AppendOnly ? "AOF" : "RDB")} holds"
                : $"{Name} restarted as an empty primary (persistence off)"
            : MasterId.IsSome
                ? $"{Name} restarted, replica of {Network.Members[MasterId.Value].Name}"
                : $"{Name} restarted empty, restoring from the transaction log");
        if (!IsPrimary && MasterId.IsSome)
        {
            StartHandshake();
        }

        StartCron();
        RecordState();
    }

    /// <summary>SIGSTOP: stops processing; messages wait in the socket buffers.</summary>
    public void Pause()
    {
        if (Host != HostState.Up)
        {
            return;
        }

        SetHost(HostState.Paused);
        RecordState();
    }

    /// <summary>SIGCONT: processes what queued up and carries on as if nothing happened.</summary>
    public void Resume()
    {
        if (Host != HostState.Paused)
        {
            return;
        }

        SetHost(HostState.Up);
        RecordState();
    }

    /// <inheritdoc />
    internal override bool HasBoundedEgress => true;

    /// <inheritdoc />
    protected internal override void Receive(Message message)
    {
        switch (message)
        {
            case WriteRequest write:
                OnWrite(write);
                break;
            case StreamEntry entry:
                OnStreamEntry(entry);
                break;
            case ReplAck ack:
                OnReplAck(ack);
                break;
            case PsyncRequest psync:
                OnPsync(psync);
                break;
            case PsyncContinue resume:
                OnPsyncContinue(resume);
                break;
            case FullResyncStart full:
                OnFullResyncStart(full);
                break;
            case RdbPayload rdb:
                OnRdb(rdb);
                break;
            case ReplPing ping:
                OnReplPing(ping);
                break;
            case PingCommand:
                _monitorConnections.Add(message.From.Value);
                Reply(message.From, new PongReply());
                break;
            case InfoRequest:
                Reply(message.From, BuildInfo());
                break;
            case RoleRequest:
                _clientConnections.Add(message.From.Value);
                Reply(message.From, new RoleReply(IsPrimary));
                break;
            case ReplicaOfCommand replicaOf:
                OnReplicaOf(replicaOf);
                break;
            case ClientKillCommand:
                KillClientConnections();
                break;
            case ConnectionReset reset:
                OnConnectionReset(reset);
                break;
            case FailoverCommand failover:
                OnFailoverCommand(failover);
                break;
            case ReplGetAck:
                OnReplGetAck(message);
                break;
            case WaitRequest wait:
                OnWait(wait);
                break;
            default:
                if (_options.Extension?.TryReceive(message) != true)
                {
                    Invariant.Fail("unexpected message at a Redis node: " + message.Describe());
                }

                break;
        }
    }

    void IEventTarget.Fire(long token, object? payload)
    {
        if (token != _incarnation || Host is HostState.ProcessDown or HostState.PoweredOff)
        {
            return;
        }

        if (Host == HostState.Paused)
        {
            // A frozen process runs no timers; try again shortly after it resumes.
            Sim.Schedule(SimDuration.FromMilliseconds(10), this, token, payload);
            return;
        }

        if (payload is BlockedWait blocked)
        {
            OnWaitTimeout(blocked);
            return;
        }

        OnTimer((NodeTimer)payload!);
    }

    private InfoReply BuildInfo() => new()
    {
        RunId = RunId,
        IsPrimary = IsPrimary,
        Master = MasterId,
        MasterLinkUp = LinkState == MasterLinkState.Up,
        MasterLinkDownFor = LinkState == MasterLinkState.Up || IsPrimary ? SimDuration.Zero : Sim.Now - _linkDownSince,
        Offset = Offset,
        ReplicaPriority = Spec.ReplicaPriority,
    };

    private void ResetAllConnections()
    {
        if (MasterId.IsSome)
        {
            Send(MasterId, new ConnectionReset(null));
        }

        for (int i = 0; i < _replicas.Count; i++)
        {
            Send(_replicas[i].Replica, new ConnectionReset(null));
        }

        for (int client = 0; client < _clientConnections.Capacity; client++)
        {
            if (_clientConnections.Contains(client))
            {
                Send(new MemberId(client), new ConnectionReset(null, ResetScope.Client));
            }
        }

        for (int monitor = 0; monitor < _monitorConnections.Capacity; monitor++)
        {
            if (_monitorConnections.Contains(monitor))
            {
                Send(new MemberId(monitor), new ConnectionReset(null));
            }
        }
    }

    private void KillClientConnections()
    {
        for (int client = 0; client < _clientConnections.Capacity; client++)
        {
            if (_clientConnections.Contains(client))
            {
                Send(new MemberId(client), new ConnectionReset(null, ResetScope.Client));
            }
        }

        _clientConnections.Clear();
    }

    /// <summary>Records role and write acceptance whenever either may have changed.</summary>
    private void RecordState()
    {
        var role = Host switch
        {
            HostState.ProcessDown or HostState.PoweredOff => NodeRole.Down,
            HostState.Paused => NodeRole.Paused,
            _ when IsPrimary => NodeRole.Primary,
            _ when LinkState is MasterLinkState.AwaitingSnapshot => NodeRole.Syncing,
            _ => NodeRole.Replica,
        };
        if (role != _recordedRole)
        {
            _recordedRole = role;
            _recorder.Role(NodeIndex, role);
        }

        bool accepting = AcceptsWrites;
        if (accepting != _recordedAccepting)
        {
            _recordedAccepting = accepting;
            _recorder.Accepting(NodeIndex, accepting);
        }
    }
}
