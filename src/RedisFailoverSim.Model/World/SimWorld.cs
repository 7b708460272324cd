using RedisFailoverSim.Engine;
using RedisFailoverSim.Model.Clients;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.Sentinel;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Model.World;

/// <summary>
/// One path's assembled world: the simulation, the network and every member, plus the run's ledger and
/// recorder. Paths build it from components; faults, convergence and results work on it generically.
/// </summary>
public sealed class SimWorld
{
    private readonly List<RedisNode> _nodes = [];
    private readonly List<SentinelNode> _sentinels = [];
    private readonly List<WriteClient> _clients = [];

    /// <summary>Creates an empty world for a spec and seed.</summary>
    /// <param name="spec">The scenario's world.</param>
    /// <param name="seed">The master seed.</param>
    /// <param name="pathName">The path's name.</param>
    /// <remarks>
    /// The world keeps every write (the exact ledger, checked against the compact tally) when
    /// <see cref="RunSettings.Audit"/> is set (<c>--audit</c> or the scenario's <c>run: audit: true</c>: every node
    /// keeps every history entry too) or <see cref="RunSettings.KeepWrites"/> (charts, trace: outcomes and stamps
    /// only); otherwise the compact tally alone.
    /// </remarks>
    public SimWorld(WorldSpec spec, ulong seed, string pathName)
    {
        Spec = spec;
        PathName = pathName;
        Simulation = new Simulation(seed);
        Network = new SimNetwork(Simulation, spec.Network, spec.Azs, pathName);
        Recorder = new RunRecorder(Simulation, spec.Nodes.Select(n => n.Name).ToList()) { NodeShards = spec.Cluster?.NodeShards };
        Ledger = new WriteLedger(spec.Run.Audit || spec.Run.KeepWrites, new CompactTally(Recorder, ResultBuilder.FaultStart(spec), spec.Nodes.Count))
        {
            IsAudit = spec.Run.Audit,
        };
        Traffic = new TrafficShape(spec.Workload.Phases);
        ReplIds = new ReplIdSource();
        AzPower = new AzPowerState(spec.Azs.Count);
    }

    /// <summary>The scenario's world.</summary>
    public WorldSpec Spec { get; }

    /// <summary>The path's name.</summary>
    public string PathName { get; }

    /// <summary>The run's simulation.</summary>
    public Simulation Simulation { get; }

    /// <summary>The network.</summary>
    public SimNetwork Network { get; }

    /// <summary>Events, roles, promotions, faults.</summary>
    public RunRecorder Recorder { get; }

    /// <summary>The writes: the compact tally, and every write when the exact ledger is kept.</summary>
    public WriteLedger Ledger { get; }

    /// <summary>Rate multiplier over time.</summary>
    public TrafficShape Traffic { get; }

    /// <summary>Replication id source.</summary>
    public ReplIdSource ReplIds { get; }

    /// <summary>Which AZs are without power right now.</summary>
    public AzPowerState AzPower { get; }

    /// <summary>Redis nodes by node index.</summary>
    public IReadOnlyList<RedisNode> Nodes => _nodes;

    /// <summary>Sentinels (self-hosted only).</summary>
    public IReadOnlyList<SentinelNode> Sentinels => _sentinels;

    /// <summary>Clients by client index.</summary>
    public IReadOnlyList<WriteClient> Clients => _clients;

    /// <summary>Path-specific behaviour, set by the path.</summary>
    public IPathBehaviour Behaviour { get; set; } = null!;

    /// <summary>Index of an AZ by name.</summary>
    public int AzIndex(string az)
    {
        for (int i = 0; i < Spec.Azs.Count; i++)
        {
            if (Spec.Azs[i] == az)
            {
                return i;
            }
        }

        Invariant.Fail("unknown AZ " + az);
        return -1;
    }

    /// <summary>Adds a node (in node-index order).</summary>
    public void Add(RedisNode node)
    {
        Invariant.Holds(node.NodeIndex == _nodes.Count);
        _nodes.Add(node);
    }

    /// <summary>Adds a Sentinel.</summary>
    public void Add(SentinelNode sentinel) => _sentinels.Add(sentinel);

    /// <summary>Adds a client (in client-index order).</summary>
    public void Add(WriteClient client)
    {
        Invariant.Holds(client.ClientIndex == _clients.Count);
        _clients.Add(client);
    }

    /// <summary>The node index of a member, or -1 when it is not a node.</summary>
    public int NodeIndexOf(MemberId member)
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

    /// <summary>A member by name, or null.</summary>
    public Member? FindMember(string name)
    {
        var members = Network.Members;
        for (int i = 0; i < members.Count; i++)
        {
            if (members[i].Name == name)
            {
                return members[i];
            }
        }

        return null;
    }
}
