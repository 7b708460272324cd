using RedisFailoverSim.Engine.Time;
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
    public static LogShard AddShard(
        SimWorld world,
        MemoryDbSettings settings,
        EndpointRecord endpoint,
        string label,
        SimDuration? acknowledgeBeforeLog,
        RedisNodeOptions nodeOptions)
    {
        var spec = world.Spec;
        var sim = world.Simulation;
        var log = new List<TransactionLogReplica>();
        for (int az = 0; az < spec.Azs.Count; az++)
        {
            log.Add(new TransactionLogReplica(
                world.Network,
                "log-" + spec.Azs[az],
                az,
                settings.LogServiceTime,
                settings.LeaseDuration,
                sim.Random.Stream(world.PathName + "/log.service", az),
                world.Ledger.Stamps,
                world.Ledger.IsAudit));
        }

        long replId = world.ReplIds.Next();
        var agents = new List<LogNodeAgent>();
        for (int i = 0; i < spec.Nodes.Count; i++)
        {
            agents.Add(new LogNodeAgent(
                sim,
                settings,
                log,
                endpoint,
                world.Recorder,
                sim.Random.Stream(world.PathName + "/election.jitter", i),
                replId,
                label,
                acknowledgeBeforeLog));
        }

        PathAssembly.AddNodes(world, i => nodeOptions with { Extension = agents[i] });
        for (int i = 0; i < agents.Count; i++)
        {
            agents[i].Attach(world.Nodes[i]);
        }

        return new LogShard(log, agents);
    }

    /// <summary>Boots the log replicas with <paramref name="primary"/> as leader, and every node's agent.</summary>
    public static void Boot(SimWorld world, LogShard shard, RedisNode primary)
    {
        foreach (var replica in shard.Log)
        {
            replica.Boot(primary.Id);
        }

        for (int i = 0; i < shard.Agents.Count; i++)
        {
            if (world.Nodes[i] == primary)
            {
                shard.Agents[i].BootAsLeader();
            }
            else
            {
                shard.Agents[i].BootAsFollower();
            }
        }
    }

    /// <summary>Without a single primary at the bound, the node holding the most of the log stands for the dataset.</summary>
    public static RedisNode? MostAdvanced(SimWorld world) =>
        world.Nodes.OrderByDescending(n => n.Offset).ThenBy(n => n.NodeIndex).FirstOrDefault();
}
