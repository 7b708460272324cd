using System.Text;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Clients;
using RedisFailoverSim.Model.Cluster;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Model.World;
using RedisFailoverSim.Paths.SelfHosted;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Tests.Model.Cluster;

/// <summary>
/// A Redis Cluster of shared Redis nodes with their bus agents, built by the self-hosted cluster path's own assembly
/// (SelfHostedClusterPath.AddClusterNodes / BootCluster), with test clients, parsed from a <c>cluster:</c> scenario,
/// driven by hand: crash, pause, cut, and read each node's view. Nodes are named n&lt;shard&gt;.&lt;node&gt;.
/// </summary>
internal sealed class ClusterWorld
{
    private readonly List<ClusterBusAgent> _agents = [];

    public ClusterWorld(
        int shards = 3,
        int replicasPerShard = 2,
        long nodeTimeoutMs = 15_000,
        ulong seed = 1,
        bool fullCoverage = true,
        IReadOnlyList<int>? clientShards = null,
        int validityFactor = 10,
        string? topologyRefresh = null)
    {
        string clientBlock = topologyRefresh is null ? "" : $"client: {{ topology-refresh: {topologyRefresh} }}\n";
        string yaml = $"""
            name: c
            topology:
              azs: [az-a, az-b, az-c]
              clients: {"{"} az-a: 1 {"}"}
            cluster:
              shards: {shards}
              replicas-per-shard: {replicasPerShard}
              cluster-node-timeout: {nodeTimeoutMs}
              cluster-require-full-coverage: {(fullCoverage ? "true" : "false")}
              cluster-replica-validity-factor: {validityFactor}
            workload:
              rate: 100
              duration: 600s
              value-size: 100
            """ + "\n" + clientBlock;
        var spec = ScenarioLoader.Parse(Encoding.UTF8.GetBytes(yaml.ReplaceLineEndings("\n")), "c.yaml").World;
        spec = spec with { Run = spec.Run with { Audit = true } };
        Cluster = spec.Cluster!;
        World = new SimWorld(spec, seed, "self-hosted");
        var sim = World.Simulation;
        // The production assembly: the same node options and agents as the self-hosted cluster path.
        _agents.AddRange(SelfHostedClusterPath.AddClusterNodes(World));

        Probe = new ProbeClient(World.Network, World.Ledger);
        var seeds = World.Nodes.Select(n => n.Id).ToList();
        var starts = SlotRanges.Starts(Cluster.Shards);
        foreach (var (shard, c) in (clientShards ?? []).Select((s, c) => (s, c)))
        {
            // Each client sits in its shard's primary's AZ, asks its shard's primary first, and writes slot 'start'; each is
            // an application of its own, with no other connection to route an unconnected slot's writes on (A118).
            var home = Node(shard, 0);
            var discovery = new ClusterShardDiscovery(seeds, shard, IndexOf(shard, 0), sim.Random.Stream("cluster/client.reconnect", c), new ClusterConnections(seeds, 0));
            Discoveries.Add(discovery);
            World.Add(new WriteClient(
                World.Network,
                new ClientSpec("c" + (c + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), home.Spec.Az),
                home.AzIndex,
                c,
                spec.Client,
                spec.Workload,
                World.Traffic,
                World.Ledger,
                World.Recorder,
                sim.Random.Stream("cluster/client.arrivals", c),
                sim.Random.Stream("cluster/client.retry", c),
                discovery,
                World.NodeIndexOf)
            {
                Slot = starts[shard],
            });
        }

        SelfHostedClusterPath.BootCluster(World, _agents);
        foreach (var client in World.Clients)
        {
            client.Boot();
        }
    }

    public SimWorld World { get; }

    /// <summary>Each test client's discovery, in client order.</summary>
    public List<ClusterShardDiscovery> Discoveries { get; } = [];

    public ClusterSpec Cluster { get; }

    public ProbeClient Probe { get; }

    public SimTime Now => World.Simulation.Now;

    public RedisNode Node(int shard, int index) => World.Nodes[(shard * Cluster.NodesPerShard) + index];

    public ClusterBusAgent Agent(int shard, int index) => _agents[(shard * Cluster.NodesPerShard) + index];

    public int IndexOf(int shard, int index) => (shard * Cluster.NodesPerShard) + index;

    public IEnumerable<ClusterBusAgent> Agents => _agents;

    public void RunUntilSeconds(double seconds) => World.Simulation.RunUntil(SimTime.FromStart(SimDuration.FromSecondsRounded(seconds)));

    /// <summary>Cuts every link between the node and every other node, both ways (a black hole).</summary>
    public void Isolate(RedisNode node)
    {
        foreach (var other in World.Nodes.Where(n => n != node))
        {
            World.Network.Cut(node.Id, other.Id);
            World.Network.Cut(other.Id, node.Id);
        }
    }

    /// <summary>Cuts <paramref name="member"/> from every node but <paramref name="except"/>, both ways.</summary>
    public void CutFromNodesExcept(Member member, RedisNode except)
    {
        foreach (var other in World.Nodes.Where(n => n != except))
        {
            World.Network.Cut(member.Id, other.Id);
            World.Network.Cut(other.Id, member.Id);
        }
    }

    public void HealFromNodesExcept(Member member, RedisNode except)
    {
        foreach (var other in World.Nodes.Where(n => n != except))
        {
            World.Network.Heal(member.Id, other.Id);
            World.Network.Heal(other.Id, member.Id);
        }
    }

    public void Heal(RedisNode node)
    {
        foreach (var other in World.Nodes.Where(n => n != node))
        {
            World.Network.Heal(node.Id, other.Id);
            World.Network.Heal(other.Id, node.Id);
        }
    }

    /// <summary>The bus events (kind "cluster") whose text contains <paramref name="text"/>, in time order.</summary>
    public IReadOnlyList<TraceEvent> Events(string text) =>
        World.Recorder.Events.Where(e => e.Kind == "cluster" && e.Text.Contains(text, StringComparison.Ordinal)).ToList();

    public IReadOnlyList<TraceEvent> Events(string source, string text) =>
        Events(text).Where(e => e.Source == source).ToList();

    /// <summary>A member that sends single writes and keeps the replies.</summary>
    internal sealed class ProbeClient(SimNetwork network, WriteLedger ledger) : Member(network, "probe", 0)
    {
        public List<WriteReply> Replies { get; } = [];

        public void Write(RedisNode to, int slot) =>
            Network.Send(Id, to.Id, new WriteRequest(ledger.Issue(0, Sim.Now), 100) { Slot = slot });

        protected internal override void Receive(Message message)
        {
            if (message is WriteReply reply)
            {
                Replies.Add(reply);
            }
        }
    }
}
