using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Queue;
using RedisFailoverSim.Engine.Random;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Model.Cluster;

/// <summary>
/// A Redis Cluster node's bus, plugged into the shared Redis node (<see cref="INodeExtension"/>), after
/// <c>cluster.c</c> of Redis 7.0.15 (docs/sources.md §3.3-§3.5): the 100 ms <c>clusterCron</c> pinging a random peer a
/// second and every peer whose pong is older than node-timeout / 2, PFAIL after node-timeout, failure reports carried
/// by gossip and FAIL on a majority of primaries, the replica election with its rank delay and one vote per primary
/// per epoch, slot ownership by the highest configEpoch, and the cluster state a minority primary turns FAIL, so it
/// answers <c>-CLUSTERDOWN</c>. Slots never change shard (no resharding, ASSUMPTION A80), so ownership is kept per shard.
/// Split by concern: cron (<c>ClusterBusAgent.Cron.cs</c>), packets and gossip (<c>.Packets.cs</c>), election and votes
/// (<c>.Election.cs</c>), cluster state and refusals (<c>.State.cs</c>).
/// </summary>
public sealed partial class ClusterBusAgent : INodeExtension, IEventTarget
{
    private const long NoTime = long.MinValue;
    private static readonly SimDuration CronPeriod = SimDuration.FromMilliseconds(100);

    private readonly ClusterSpec _cluster;
    private readonly ClusterSettings _settings;
    private readonly SimDuration _replPingPeriod;
    private readonly RunRecorder _recorder;
    private readonly RandomStream _random;
    private readonly int _me;
    private readonly int _shardCount;
    private readonly int[] _slotStarts;
    private readonly long _nodeTimeout;
    private IReadOnlyList<RedisNode> _nodes = [];
    private RedisNode _node = null!;
    private Simulation _sim = null!;
    private long _incarnation;
    private long _iteration;

    // The node's view of every node, by cluster index (the world's node index).
    private long[] _pingSent = [];
    private long[] _pongReceived = [];
    private long[] _dataReceived = [];
    private PeerFlags[] _flags = [];
    private long[] _failTime = [];
    private long[] _reportTime = [];
    private bool[] _peerIsPrimary = [];
    private int[] _peerMaster = [];
    private long[] _peerConfigEpoch = [];
    private long[] _peerOffset = [];
    private long[] _votedTime = [];

    // The outbound links (A79): when each was opened, whether a pong came back on it, SYNs re-sent so far.
    private static readonly long[] SynRetransmits = [1_000_000_000, 3_000_000_000, 7_000_000_000];
    private long[] _linkCreated = [];
    private bool[] _linkConnected = [];
    private int[] _synSent = [];

    // Each shard's owner and its configEpoch, in this node's view.
    private readonly int[] _owner;
    private readonly long[] _ownerEpoch;
    private long _currentEpoch;
    private long _lastVoteEpoch;

    /// <summary>Creates the agent of cluster node <paramref name="me"/>; <see cref="Attach"/> it before booting.</summary>
    public ClusterBusAgent(ClusterSpec cluster, RedisSettings redis, int me, RunRecorder recorder, RandomStream random)
    {
        _cluster = cluster;
        _settings = cluster.Settings;
        _replPingPeriod = redis.ReplPingReplicaPeriod;
        _recorder = recorder;
        _random = random;
        _me = me;
        _shardCount = cluster.Shards;
        _slotStarts = SlotRanges.Starts(cluster.Shards);
        _nodeTimeout = _settings.NodeTimeout.Nanoseconds;
        _owner = new int[_shardCount];
        _ownerEpoch = new long[_shardCount];
    }

    /// <summary>The cluster's shard owning <paramref name="slot"/>.</summary>
    public int ShardOfSlot(int slot) => SlotRanges.ShardOf(_slotStarts, slot);

    /// <summary>This node's <c>currentEpoch</c>.</summary>
    public long CurrentEpoch => _currentEpoch;

    /// <summary>True while this node's cluster state is OK.</summary>
    public bool StateOk => _stateOk;

    /// <summary>The owner (cluster index) of <paramref name="shard"/> in this node's view.</summary>
    public int OwnerOf(int shard) => _owner[shard];

    /// <summary>The configEpoch of <paramref name="shard"/>'s owner in this node's view.</summary>
    public long OwnerEpochOf(int shard) => _ownerEpoch[shard];

    /// <summary>True when this node flags <paramref name="node"/> PFAIL or FAIL.</summary>
    public PeerFlags FlagsOf(int node) => _flags[node];

    /// <summary>When this node last had a pong from <paramref name="node"/> (nanoseconds; gossip may move it forward).</summary>
    public long LastPongAt(int node) => _pongReceived[node];

    /// <inheritdoc />
    public bool CanAcknowledge => _stateOk;

    /// <summary>Connects the agent to its node and to every node of the cluster (the world's nodes, by index).</summary>
    public void Attach(RedisNode node, IReadOnlyList<RedisNode> nodes)
    {
        _node = node;
        _nodes = nodes;
        _sim = node.Network.Simulation;
        int n = _cluster.NodeShards.Count;
        _pingSent = new long[n];
        _pongReceived = new long[n];
        _dataReceived = new long[n];
        _flags = new PeerFlags[n];
        _failTime = new long[n];
        _reportTime = new long[n * n];
        _peerIsPrimary = new bool[n];
        _peerMaster = new int[n];
        _peerConfigEpoch = new long[n];
        _peerOffset = new long[n];
        _votedTime = new long[n];
        _linkCreated = new long[n];
        _linkConnected = new bool[n];
        _synSent = new int[n];
    }

    /// <summary>
    /// Starts the bus as <c>redis-cli --cluster create</c> left it: shard s owned by its first node with configEpoch
    /// s + 1, every node knowing every other. ASSUMPTION A78: the cluster is warmed up, so each pair last exchanged a
    /// PING/PONG a random time within the last node-timeout / 2, and the cron's phase is random.
    /// </summary>
    public void Boot()
    {
        int n = _pingSent.Length;
        for (int i = 0; i < n; i++)
        {
            int shard = _cluster.NodeShards[i];
            bool primary = _nodes[i].Spec.InitialPrimary;
            _peerIsPrimary[i] = primary;
            _peerMaster[i] = primary ? -1 : PrimaryOfShardAtBoot(shard);
            _peerConfigEpoch[i] = primary ? shard + 1 : 0;
            _pingSent[i] = NoTime;
            _pongReceived[i] = -(long)(_random.NextDouble() * (_nodeTimeout / 2));
            _dataReceived[i] = _pongReceived[i];
            _votedTime[i] = NoTime;
            _linkCreated[i] = long.MinValue / 2;
            _linkConnected[i] = true;
        }

        Array.Fill(_reportTime, NoTime);
        for (int s = 0; s < _shardCount; s++)
        {
            _owner[s] = PrimaryOfShardAtBoot(s);
            _ownerEpoch[s] = s + 1;
        }

        _currentEpoch = _shardCount;
        _stateOk = true;
        _recorder.ClusterBusStarted();
        _firstCallTime = NoTime;
        _amongMinorityTime = NoTime;
        _authTime = NoTime;
        _iteration = _random.NextInt64(10);
        StartCron(SimDuration.FromSecondsRounded(_random.NextDouble() * CronPeriod.TotalSeconds));
    }

    /// <inheritdoc />
    public bool TryReceive(Message message)
    {
        switch (message)
        {
            case ClusterBusMessage bus:
                OnBusMessage(bus);
                return true;
            case ClusterSlotsRequest request:
                OnClusterSlots(request);
                return true;
            default:
                return false;
        }
    }

    /// <inheritdoc />
    public void OnWriteApplied(WriteRequest write, HistoryEntry entry) => _node.ReplyToWrite(write, ReplyKind.Ok, MemberId.None);

    /// <inheritdoc />
    public void OnCrashed()
    {
        _incarnation++;
        ForgetManualFailover();
    }

    /// <summary>
    /// nodes.conf survives the restart (epochs, last vote, the slots it knows), the links do not: every peer is pinged at
    /// the first cron and the state stays FAIL for at least CLUSTER_WRITABLE_DELAY (docs/sources.md §3.5).
    /// </summary>
    public void OnRestarted()
    {
        _node.ResumeConfiguredPrimary();
        long now = _sim.Now.Nanoseconds;
        for (int i = 0; i < _pingSent.Length; i++)
        {
            _pingSent[i] = NoTime;
            _pongReceived[i] = now - _nodeTimeout;
            _dataReceived[i] = now - _nodeTimeout;
            _linkCreated[i] = NoTime;
        }

        // clusterInit starts a node's state FAIL; it turns OK at a later clusterUpdateState (no log line until then).
        if (_stateOk)
        {
            _recorder.ClusterState(_me, ok: false);
        }

        _stateOk = false;
        _firstCallTime = NoTime;
        _authTime = NoTime;
        _authSent = false;
        ForgetManualFailover();
        StartCron(CronPeriod);
    }

    /// <summary>
    /// A managed service replaces this failed node by a new one in its place that joins as a replica of
    /// <paramref name="master"/> (ElastiCache, docs/sources.md §4.2, §4.9): call it while the node is down, before its
    /// restart. The new node's slot map names <paramref name="master"/> for its shard (ASSUMPTION A144: it learns the rest
    /// of the configuration from the pongs, as any restarted node does), and its node comes back following it.
    /// </summary>
    public void JoinAsReplacementOf(RedisNode master)
    {
        Invariant.Holds(_node.Host is HostState.ProcessDown or HostState.PoweredOff);
        int m = IndexOf(master.Id);
        int shard = _cluster.NodeShards[_me];
        Invariant.Holds(m >= 0 && _cluster.NodeShards[m] == shard && m != _me);
        if (_owner[shard] != m)
        {
            _owner[shard] = m;
            _ownerEpoch[shard] = Math.Max(_ownerEpoch[shard], _peerConfigEpoch[m]);
        }

        _peerIsPrimary[_me] = false;
        _peerMaster[_me] = m;
        _node.Reconfigure(master.Id);
    }

    void IEventTarget.Fire(long token, object? payload)
    {
        if (token != _incarnation || _node.Host is HostState.ProcessDown or HostState.PoweredOff)
        {
            return;
        }

        if (_node.Host == HostState.Paused)
        {
            // A frozen process runs no cron; try again shortly after it resumes.
            _sim.Schedule(SimDuration.FromMilliseconds(10), this, token);
            return;
        }

        _sim.Schedule(CronPeriod, this, token);
        Cron();
    }

    private void StartCron(SimDuration firstIn)
    {
        _incarnation++;
        _sim.Schedule(firstIn, this, _incarnation);
    }

    private int PrimaryOfShardAtBoot(int shard) => shard * _cluster.NodesPerShard;

    /// <summary>The cluster index of a member, or -1.</summary>
    private int IndexOf(MemberId member)
    {
        for (int i = 0; i < _nodes.Count; i++)
        {
            if (_nodes[i].Id == member)
            {
                return i;
            }
        }

        return -1;
    }

    private string NameOf(int node) => _nodes[node].Name;

    private void Log(string text) => _recorder.Event(_node.Name, "cluster", _node.Name + ": " + text);
}
