using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Processes;
using RedisFailoverSim.Engine.Random;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.ControlPlane;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Model.TransactionLog;

/// <summary>
/// A MemoryDB node's transaction-log agent, plugged into the shared Redis node (<see cref="INodeExtension"/>). As
/// leader it appends every applied write to the log replicas and acknowledges the client only once a quorum of AZs
/// has it durable (docs/sources.md §6, §4.5), renews its lease with heartbeats and steps down when it loses the quorum. As
/// follower it applies committed records from its AZ's log replica and, when the lease has lapsed, claims
/// leadership, catching up with the log before it takes writes (docs/sources.md §6: no acknowledged write is lost on
/// failover). The protocol is Raft's (terms, log matching, a marker record per new term); the claim quorum hands the
/// candidate the most up-to-date log among it.
/// </summary>
public sealed partial class LogNodeAgent : INodeExtension
{
    private readonly Simulation _simulation;
    private readonly MemoryDbSettings _settings;
    private readonly IReadOnlyList<TransactionLogReplica> _log;
    private readonly int _quorum;
    private readonly EndpointRecord _endpoint;
    private readonly RunRecorder _recorder;
    private readonly RandomStream _jitter;
    private readonly long _replId;
    private readonly TermRuns _terms = new();
    private readonly string _label;

    // Acknowledge before the log (ElastiCache durability async, docs/sources.md §4.8): the reply goes at once, and
    // writes are refused while the oldest one the log has not committed is older than the buffer.
    private readonly bool _acknowledgeBeforeLog;
    private readonly SimDuration _durabilityBuffer;
    private RedisNode _node = null!;
    private long _knownTerm = 1;

    /// <summary>Creates the agent of one node.</summary>
    /// <param name="simulation">The run.</param>
    /// <param name="settings">The <c>memorydb:</c> settings.</param>
    /// <param name="log">The log replicas, one per AZ, by AZ index.</param>
    /// <param name="endpoint">The cluster endpoint a new leader re-points.</param>
    /// <param name="recorder">The run's recorder.</param>
    /// <param name="jitter">The node's own stream for election jitter.</param>
    /// <param name="replId">The replication id every node of the shard reports (one log, one history).</param>
    /// <param name="label">The service the trace names when the endpoint moves (MemoryDB, ElastiCache).</param>
    /// <param name="acknowledgeBeforeLog">
    /// Null: a write is acknowledged once a quorum of the log holds it. A buffer: it is acknowledged at once, and
    /// writes are refused with -CLUSTERDOWN while the oldest uncommitted one is older than the buffer (ElastiCache
    /// durability async, docs/sources.md §4.8).
    /// </param>
    public LogNodeAgent(
        Simulation simulation,
        MemoryDbSettings settings,
        IReadOnlyList<TransactionLogReplica> log,
        EndpointRecord endpoint,
        RunRecorder recorder,
        RandomStream jitter,
        long replId,
        string label = "MemoryDB",
        SimDuration? acknowledgeBeforeLog = null)
    {
        _label = label;
        _acknowledgeBeforeLog = acknowledgeBeforeLog is not null;
        _durabilityBuffer = acknowledgeBeforeLog ?? SimDuration.MaxValue;
        _simulation = simulation;
        _settings = settings;
        _log = log;
        _quorum = Math.Min(settings.LogQuorum, log.Count);
        _endpoint = endpoint;
        _recorder = recorder;
        _jitter = jitter;
        _replId = replId;
        _matchIndex = new long[log.Count];
        _nextIndex = new long[log.Count];
        _lagging = new bool[log.Count];
        _lastAck = new SimTime[log.Count];
        _granted = new bool[log.Count];
        _scratch = new long[log.Count];
    }

    /// <summary>The node this agent serves.</summary>
    public RedisNode Node => _node;

    /// <summary>True while this node leads the log.</summary>
    public bool IsLeader => _isLeader;

    /// <summary>True while a leadership claim is under way.</summary>
    public bool IsClaiming => _claimDeadline != SimTime.MaxValue;

    /// <summary>True while the node restores a snapshot after a restart.</summary>
    public bool IsRestoring => _restoring;

    /// <inheritdoc />
    /// <remarks>
    /// Acknowledging before the log, the durability buffer is the gate (<see cref="TryRefuse"/>), as AWS documents it;
    /// the lease still decides when the leader steps down (ASSUMPTION A99).
    /// </remarks>
    public bool CanAcknowledge => _isLeader && !_resigning && (_acknowledgeBeforeLog || LeaseHeld());

    /// <inheritdoc />
    /// <remarks>
    /// Compact accounting keeps only the last entry of a follower's dataset (the log is its stream) and, on the
    /// leader, the entries a lagging log replica may still be sent (<see cref="History.KeepFrom"/>).
    /// </remarks>
    public long? HistoryWindowBytes => 0;

    /// <inheritdoc />
    /// <remarks>A follower applies committed records from its AZ's log replica (docs/sources.md §6).</remarks>
    public bool ReplicasFollowTheLog => true;

    private SimTime Now => _simulation.Now;

    private long LastIndex => _node.Dataset.Count;

    /// <summary>Binds the agent to its node (the node is created with the agent in its options).</summary>
    public void Attach(RedisNode node) => _node = node;

    /// <summary>Boots the node as the log's first leader (term 1, empty log).</summary>
    public void BootAsLeader()
    {
        _node.Boot(MemberId.None, _replId);
        _isLeader = true;
        _term = 1;
        _termStartIndex = 1;
        _leaderSince = Now;
        _keepFrom = 0;
        _node.Dataset.KeepFrom = 0;
        for (int m = 0; m < _log.Count; m++)
        {
            _nextIndex[m] = 1;
            _lastAck[m] = Now;
        }

        Start();
    }

    /// <summary>Boots the node as a follower of the log.</summary>
    public void BootAsFollower()
    {
        _node.BootAsLogFollower(_replId);
        _nextPoll = Now;
        _lastLogContact = Now;
        Start();
    }

    /// <inheritdoc />
    /// <remarks>
    /// Acknowledging before the log, the leader refuses every write while the oldest one the log has not committed is
    /// older than the durability buffer, "until it catches up", with a cluster-down error (docs/sources.md §4.8).
    /// </remarks>
    public bool TryRefuse(WriteRequest write)
    {
        if (!_acknowledgeBeforeLog || !_isLeader || _pending.Count == 0 || Now - _pending.Peek().AppliedAt <= _durabilityBuffer)
        {
            _bufferExceeded = false;
            return false;
        }

        if (!_bufferExceeded)
        {
            _bufferExceeded = true;
            Emit("node", $"{_node.Name} rejects writes: the oldest write the log does not hold is older than {Metrics.RunRecorder.Format(_durabilityBuffer)}");
        }

        _node.ReplyToWrite(write, ReplyKind.ClusterDown, MemberId.None);
        return true;
    }

    /// <inheritdoc />
    public bool TryReceive(Message message)
    {
        switch (message)
        {
            case LogAppendReply reply:
                OnAppendReply(reply);
                return true;
            case LogEntries entries:
                OnEntries(entries);
                return true;
            case LogClaimReply claim:
                OnClaimReply(claim);
                return true;
            case LogHandOver handOver:
                OnHandOver(handOver);
                return true;
            default:
                return false;
        }
    }

    /// <inheritdoc />
    public void OnCrashed()
    {
        _isLeader = false;
        _resigning = false;
        _pending.Clear();
        _terms.Clear();
        _node.Dataset.KeepFrom = int.MaxValue;
        _claimDeadline = SimTime.MaxValue;
        _campaignAt = SimTime.MaxValue;
        _restoring = false;
    }

    /// <summary>Back from a crash, empty: load the snapshot (A3, A4), then replay the log (A29).</summary>
    public void OnRestarted()
    {
        _node.BecomeLogFollower(_replId);
        _node.SetLogLink(MasterLinkState.AwaitingSnapshot);
        _restoring = true;
        _restoredAt = Now + _node.SnapshotLoadTime;
        _lastLogContact = Now;
    }

    private void Start() => _simulation.Start(_node.Name + "/log-agent", RunAgent);

    private IEnumerable<Wait> RunAgent(Process self)
    {
        while (true)
        {
            yield return Wait.For(_settings.LogHeartbeat);
            if (_node.Host != HostState.Up)
            {
                continue;
            }

            if (_isLeader)
            {
                LeaderTick();
            }
            else
            {
                FollowerTick();
            }
        }
    }

    private int ReplicaIndex(MemberId member)
    {
        for (int m = 0; m < _log.Count; m++)
        {
            if (_log[m].Id == member)
            {
                return m;
            }
        }

        Invariant.Fail("a log agent heard from a member that is not a log replica");
        return -1;
    }

    private long TermAt(long index) => _terms.At(index);

    /// <summary>Loads the log's snapshot in place of the records folded into it (docs/sources.md §10.4).</summary>
    private void LoadSnapshot(LogSnapshot snapshot)
    {
        _node.LoadLogSnapshot(snapshot.Dataset);
        _terms.ResetTo(snapshot.Index, snapshot.Term);
    }

    private void Emit(string kind, string text) => _recorder.Event(_node.Name, kind, text);
}
