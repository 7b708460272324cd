using System.Globalization;
using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Model.Metrics;

/// <summary>
/// Collects what happened in one run besides the writes: narrated events, node roles over time, which nodes
/// accepted writes as primary (split brain), promotions, and fault windows. Rare events only: nothing here
/// runs per write.
/// </summary>
public sealed class RunRecorder
{
    private readonly Simulation _simulation;
    private readonly List<TraceEvent> _events = [];
    private readonly List<(int Node, long At, NodeRole Role)> _roleChanges = [];
    private readonly List<(int Node, long At, bool Isolated)> _isolationChanges = [];
    private readonly List<(int Node, long At, bool Accepting)> _acceptingChanges = [];
    private readonly List<(int Node, long At)> _promotions = [];
    private readonly List<long> _switchMasters = [];
    private readonly List<(string Label, string Kind, long From, long? To)> _faults = [];
    private readonly List<(int Node, long At, bool Ok)> _clusterStateChanges = [];

    /// <summary>Creates the recorder of one run.</summary>
    public RunRecorder(Simulation simulation, IReadOnlyList<string> nodeNames)
    {
        _simulation = simulation;
        NodeNames = nodeNames;
    }

    /// <summary>Node names by node index.</summary>
    public IReadOnlyList<string> NodeNames { get; }

    /// <summary>
    /// The shard of each node, by node index (a Redis Cluster; all 0 otherwise): split brain is two nodes accepting
    /// writes for the same shard at once, since a cluster's shards are primaries side by side.
    /// </summary>
    public IReadOnlyList<int>? NodeShards { get; init; }

    /// <summary>The shard of node <paramref name="node"/> (0 without a cluster).</summary>
    public int ShardOf(int node) => NodeShards is { } shards ? shards[node] : 0;

    /// <summary>The events so far.</summary>
    public IReadOnlyList<TraceEvent> Events => _events;

    /// <summary>Promotions so far: node index and instant.</summary>
    public IReadOnlyList<(int Node, long At)> Promotions => _promotions;

    /// <summary>Instants of <c>+switch-master</c> (or endpoint re-pointing) so far.</summary>
    public IReadOnlyList<long> SwitchMasters => _switchMasters;

    /// <summary>Role changes in order.</summary>
    public IReadOnlyList<(int Node, long At, NodeRole Role)> RoleChanges => _roleChanges;

    /// <summary>Isolation changes in order.</summary>
    public IReadOnlyList<(int Node, long At, bool Isolated)> IsolationChanges => _isolationChanges;

    /// <summary>Changes of "accepts writes as primary" in order.</summary>
    public IReadOnlyList<(int Node, long At, bool Accepting)> AcceptingChanges => _acceptingChanges;

    /// <summary>Changes of a Redis Cluster node's own cluster state (OK or FAIL) in order.</summary>
    public IReadOnlyList<(int Node, long At, bool Ok)> ClusterStateChanges => _clusterStateChanges;

    /// <summary>True once a cluster bus has reported its state (<see cref="ClusterBusStarted"/>).</summary>
    public bool HasClusterState { get; private set; }

    /// <summary>Fault windows in start order.</summary>
    public IReadOnlyList<(string Label, string Kind, long From, long? To)> Faults => _faults;

    /// <summary>Records a narrated event at the current instant.</summary>
    public void Event(string source, string kind, string text) =>
        _events.Add(new TraceEvent(Seconds(_simulation.Now), source, kind, text));

    /// <summary>Records a node's new role.</summary>
    public void Role(int node, NodeRole role) => _roleChanges.Add((node, _simulation.Now.Nanoseconds, role));

    /// <summary>Records whether a node is cut off from part of the system.</summary>
    public void Isolation(int node, bool isolated) => _isolationChanges.Add((node, _simulation.Now.Nanoseconds, isolated));

    /// <summary>Records whether a node accepts writes as primary.</summary>
    public void Accepting(int node, bool accepting) => _acceptingChanges.Add((node, _simulation.Now.Nanoseconds, accepting));

    /// <summary>Records that a cluster bus runs in this world, its nodes' cluster state OK as they boot.</summary>
    public void ClusterBusStarted() => HasClusterState = true;

    /// <summary>Records a Redis Cluster node's own cluster state turning OK or FAIL.</summary>
    public void ClusterState(int node, bool ok) => _clusterStateChanges.Add((node, _simulation.Now.Nanoseconds, ok));

    /// <summary>Records a promotion (a replica became primary).</summary>
    public void Promotion(int node) => _promotions.Add((node, _simulation.Now.Nanoseconds));

    /// <summary>Records a <c>+switch-master</c> (or an endpoint re-pointed).</summary>
    public void SwitchMaster() => _switchMasters.Add(_simulation.Now.Nanoseconds);

    /// <summary>Records a fault's start; returns a handle for <see cref="FaultHealed"/>.</summary>
    public int FaultStarted(string label, string kind)
    {
        _faults.Add((label, kind, _simulation.Now.Nanoseconds, null));
        Event("fault", kind, label);
        return _faults.Count - 1;
    }

    /// <summary>Records a fault's heal.</summary>
    public void FaultHealed(int handle, string text)
    {
        var f = _faults[handle];
        Invariant.Holds(f.To is null);
        _faults[handle] = (f.Label, f.Kind, f.From, _simulation.Now.Nanoseconds);
        Event("fault", "heal", text);
    }

    /// <summary>Seconds since the start, for records.</summary>
    public static double Seconds(SimTime t) => Math.Round(t.TotalSeconds, 6);

    /// <summary>Seconds with three decimals, for narration.</summary>
    public static string Format(SimDuration d) => d.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + "s";
}
