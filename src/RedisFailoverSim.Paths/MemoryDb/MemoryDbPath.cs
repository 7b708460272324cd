using RedisFailoverSim.Model.ControlPlane;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Model.TransactionLog;
using RedisFailoverSim.Model.World;

namespace RedisFailoverSim.Paths.MemoryDb;

/// <summary>
/// Amazon MemoryDB, assembled from model components: the scenario's nodes run the shared Redis code with a
/// transaction-log agent (a write is acknowledged once a quorum of AZs holds it, docs/sources.md §6), one log replica per AZ,
/// a log-lease failover that promotes a replica only after it caught up with the log (A28), replacement of failed
/// nodes from the log (A29), and cluster-aware clients that follow the primary the cluster advertises (A31).
/// </summary>
internal static class MemoryDbPath
{
    public static PathResult Run(WorldSpec spec, ulong seed, RunOptions options)
    {
        var settings = spec.Paths.MemoryDb;

        // The log is the durable copy: nodes keep no local persistence, and min-replicas does not apply (no Redis
        // replication stream between nodes).
        var world = new SimWorld(spec with { Redis = spec.Redis with { Persistence = PersistenceSettings.Off, MinReplicasToWrite = 0 } }, seed, DeploymentPaths.MemoryDb);
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
                sim.Random.Stream("memorydb/log.service", az),
                world.Ledger.Stamps,
                world.Ledger.IsAudit));
        }

        var initial = spec.Nodes.Single(n => n.InitialPrimary);
        var endpoint = new EndpointRecord("cluster endpoint", default);
        long replId = world.ReplIds.Next();
        var agents = new List<LogNodeAgent>();
        for (int i = 0; i < spec.Nodes.Count; i++)
        {
            agents.Add(new LogNodeAgent(sim, settings, log, endpoint, world.Recorder, sim.Random.Stream("memorydb/election.jitter", i), replId));
        }

        PathAssembly.AddNodes(world, i => RedisNodeOptions.OpenSource with { Extension = agents[i] });
        for (int i = 0; i < agents.Count; i++)
        {
            agents[i].Attach(world.Nodes[i]);
        }

        var primary = PathAssembly.InitialPrimary(world);
        endpoint.PointTo(primary.Id);

        // ASSUMPTION A31: cluster clients re-read the topology on every reconnect (no DNS cache in the way).
        PathAssembly.AddClients(world, i => PathAssembly.EndpointClient(world, i, _ => endpoint.Current, Engine.Time.SimDuration.Zero));
        world.Behaviour = new MemoryDbBehaviour(world, agents, endpoint, ElastiCacheSettings.Default.PlannedFailoverTimeout);
        var replacer = new NodeReplacer(sim, world.Nodes, settings.ReplacementDelay, world.AzPower, world.Recorder, "memorydb");

        foreach (var replica in log)
        {
            replica.Boot(primary.Id);
        }

        for (int i = 0; i < agents.Count; i++)
        {
            if (world.Nodes[i] == primary)
            {
                agents[i].BootAsLeader();
            }
            else
            {
                agents[i].BootAsFollower();
            }
        }

        replacer.Start();
        PathAssembly.BootClients(world);
        return PathAssembly.Drive(
            world,
            options,
            () => MostAdvanced(world),
            () => [PathAssembly.NodeHours(world), DataWritten(world)],
            () => world.Recorder.Promotions.Count);
    }

    /// <summary>Without a single primary at the bound, the node holding the most of the log stands for the dataset.</summary>
    private static RedisNode? MostAdvanced(SimWorld world) =>
        world.Nodes.OrderByDescending(n => n.Offset).ThenBy(n => n.NodeIndex).FirstOrDefault();

    /// <summary>Data written to the log, billed per GB (docs/sources.md §6): the replication stream the primary committed.</summary>
    private static KeyValuePair<string, double> DataWritten(SimWorld world)
    {
        long bytes = Convergence.SinglePrimary(world)?.Offset ?? 0;
        return new("data-written-gb", Math.Round(bytes / (1024.0 * 1024 * 1024), 9));
    }
}
