using System.Globalization;
using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Cluster;
using RedisFailoverSim.Model.ControlPlane;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Model.TransactionLog;
using RedisFailoverSim.Model.World;

namespace RedisFailoverSim.Paths.TransactionLog;

/// <summary>
/// The assembly steps of a shard whose durable copy is the Multi-AZ transaction log, shared by MemoryDB
/// (docs/sources.md §6) and ElastiCache with durability (§4.5, §4.8, ASSUMPTION A97): the log replicas, a log agent
/// plugged into every node, and the boot with the initial primary leading the log. Random streams are named after
/// the path, so the two paths never share draws.
/// </summary>
internal static class LogPathAssembly
{
    /// <summary>The world's spec as a log shard runs it: the log is the durable copy, so no local persistence and no min-replicas (no replication stream between nodes).</summary>
    public static WorldSpec WithoutNodeDurability(WorldSpec spec) =>
        spec with { Redis = spec.Redis with { Persistence = PersistenceSettings.Off, MinReplicasToWrite = 0 } };

    /// <summary>
    /// Adds one log replica per AZ, then the scenario's nodes with a log agent each (the node options from
    /// <paramref name="nodeOptions"/>, the agent set in as the extension).
    /// </summary>
    /// <param name="world">The run's world.</param>
    /// <param name="settings">The log's settings.</param>
    /// <param name="endpoint">The endpoint a new leader re-points.</param>
    /// <param name="label">The service's name in the trace (MemoryDB, ElastiCache).</param>
    /// <param name="acknowledgeBeforeLog">Null: acknowledge once the log holds a write; else the async durability buffer.</param>
    /// <param name="nodeOptions">The nodes' options without the extension.</param>
    /// <param name="clusterMode">True for a service that runs cluster mode inside (MemoryDB): every node sits behind a
    /// <see cref="ServiceSlotRouter"/> on a one-shard map, so a node that is not the endpoint's primary answers a write
    /// with <c>-MOVED</c> to it, as a cluster-mode replica does, instead of <c>-READONLY</c> (ASSUMPTION A31).</param>
    public static LogShard AddShard(
        SimWorld world,
        MemoryDbSettings settings,
        EndpointRecord endpoint,
        string label,
        SimDuration? acknowledgeBeforeLog,
        RedisNodeOptions nodeOptions,
        bool clusterMode = false)
    {
        var log = AddLog(world, settings, shard: 0, replicaName: az => "log-" + az);
        long replId = world.ReplIds.Next();
        var agents = new List<LogNodeAgent>();
        for (int i = 0; i < world.Spec.Nodes.Count; i++)
        {
            agents.Add(NewAgent(world, settings, log, endpoint, i, replId, label, acknowledgeBeforeLog));
        }

        var map = clusterMode ? new ServiceSlotMap([endpoint]) : null;
        var routers = agents.Select(a => map is null ? null : new ServiceSlotRouter(map, a)).ToList();
        PathAssembly.AddNodes(world, i => nodeOptions with { Extension = (INodeExtension?)routers[i] ?? agents[i] });
        for (int i = 0; i < agents.Count; i++)
        {
            agents[i].Attach(world.Nodes[i]);
            routers[i]?.Attach(world.Nodes[i]);
        }

        return new LogShard(log, agents, endpoint);
    }

    /// <summary>
    /// A cluster on the log (<see cref="WorldSpec.Cluster"/>): for each shard one log replica per AZ (<c>log2-az-a</c> is
    /// shard 2's in az-a) and its own replication id, then the scenario's nodes, each with its shard's log agent behind a
    /// <see cref="ServiceSlotRouter"/> on <paramref name="map"/> (the endpoints, one per shard, that the agents re-point).
    /// </summary>
    /// <param name="world">The run's world, whose spec has a cluster.</param>
    /// <param name="settings">The log's settings (every shard's).</param>
    /// <param name="endpoints">Each shard's endpoint record, by shard index, as <paramref name="map"/> holds them.</param>
    /// <param name="map">The service's slot map over <paramref name="endpoints"/>.</param>
    /// <param name="label">The service's name in the trace.</param>
    /// <param name="nodeOptions">The nodes' options without the extension.</param>
    public static IReadOnlyList<LogShard> AddShards(
        SimWorld world,
        MemoryDbSettings settings,
        IReadOnlyList<EndpointRecord> endpoints,
        ServiceSlotMap map,
        string label,
        RedisNodeOptions nodeOptions)
    {
        var cluster = world.Spec.Cluster!;
        Invariant.Holds(endpoints.Count == cluster.Shards && map.ShardCount == cluster.Shards);
        var logs = new List<IReadOnlyList<TransactionLogReplica>>();
        var replIds = new long[cluster.Shards];
        for (int s = 0; s < cluster.Shards; s++)
        {
            string prefix = "log" + (s + 1).ToString(CultureInfo.InvariantCulture) + "-";
            logs.Add(AddLog(world, settings, s, az => prefix + az));
            replIds[s] = world.ReplIds.Next();
        }

        var agents = new LogNodeAgent[world.Spec.Nodes.Count];
        var routers = new ServiceSlotRouter[agents.Length];
        for (int i = 0; i < agents.Length; i++)
        {
            int s = cluster.NodeShards[i];
            agents[i] = NewAgent(world, settings, logs[s], endpoints[s], i, replIds[s], label, acknowledgeBeforeLog: null);
            routers[i] = new ServiceSlotRouter(map, agents[i]);
        }

        PathAssembly.AddNodes(world, i => nodeOptions with { Extension = routers[i] });
        for (int i = 0; i < agents.Length; i++)
        {
            agents[i].Attach(world.Nodes[i]);
            routers[i].Attach(world.Nodes[i]);
        }

        var shards = new List<LogShard>();
        for (int s = 0; s < cluster.Shards; s++)
        {
            shards.Add(new LogShard(logs[s], agents.Where((_, i) => cluster.NodeShards[i] == s).ToList(), endpoints[s]));
        }

        return shards;
    }

    /// <summary>
    /// One log replica per AZ for <paramref name="shard"/>; shard 0's service-time streams are the single shard's, so a
    /// one-shard world draws what it always drew.
    /// </summary>
    private static List<TransactionLogReplica> AddLog(SimWorld world, MemoryDbSettings settings, int shard, Func<string, string> replicaName)
    {
        var spec = world.Spec;
        var log = new List<TransactionLogReplica>();
        for (int az = 0; az < spec.Azs.Count; az++)
        {
            log.Add(new TransactionLogReplica(
                world.Network,
                replicaName(spec.Azs[az]),
                az,
                settings.LogServiceTime,
                settings.LeaseDuration,
                world.Simulation.Random.Stream(world.PathName + "/log.service", (shard * spec.Azs.Count) + az),
                world.Ledger.Stamps,
                world.Ledger.IsAudit));
        }

        return log;
    }

    private static LogNodeAgent NewAgent(
        SimWorld world,
        MemoryDbSettings settings,
        IReadOnlyList<TransactionLogReplica> log,
        EndpointRecord endpoint,
        int nodeIndex,
        long replId,
        string label,
        SimDuration? acknowledgeBeforeLog) =>
        new(
            world.Simulation,
            settings,
            log,
            endpoint,
            world.Recorder,
            world.Simulation.Random.Stream(world.PathName + "/election.jitter", nodeIndex),
            replId,
            label,
            acknowledgeBeforeLog);

    /// <summary>Boots the log replicas with <paramref name="primary"/> as leader, and every node's agent.</summary>
    public static void Boot(SimWorld world, LogShard shard, RedisNode primary)
    {
        Invariant.Holds(world.Nodes[primary.NodeIndex] == primary);
        foreach (var replica in shard.Log)
        {
            replica.Boot(primary.Id);
        }

        foreach (var agent in shard.Agents)
        {
            if (agent.Node == primary)
            {
                agent.BootAsLeader();
            }
            else
            {
                agent.BootAsFollower();
            }
        }
    }

    /// <summary>Without a single primary at the bound, the node holding the most of the log stands for the dataset.</summary>
    public static RedisNode? MostAdvanced(SimWorld world) => MostAdvanced(world.Nodes);

    /// <summary>The node of <paramref name="nodes"/> holding the most of its log (ties: the lowest node index).</summary>
    public static RedisNode? MostAdvanced(IEnumerable<RedisNode> nodes) =>
        nodes.OrderByDescending(n => n.Offset).ThenBy(n => n.NodeIndex).FirstOrDefault();
}
