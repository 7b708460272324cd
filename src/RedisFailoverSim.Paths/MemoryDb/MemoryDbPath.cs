using RedisFailoverSim.Model.ControlPlane;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Model.World;
using RedisFailoverSim.Paths.TransactionLog;

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
        if (spec.Cluster is not null)
        {
            return MemoryDbClusterPath.Run(spec, seed, options);
        }

        var settings = spec.Paths.MemoryDb;

        var world = new SimWorld(LogPathAssembly.WithoutNodeDurability(spec), seed, DeploymentPaths.MemoryDb);
        var endpoint = new EndpointRecord("cluster endpoint", default);
        var shard = LogPathAssembly.AddShard(world, settings, endpoint, "MemoryDB", acknowledgeBeforeLog: null, RedisNodeOptions.OpenSource, clusterMode: true);
        var primary = PathAssembly.InitialPrimary(world);
        endpoint.PointTo(primary.Id);

        // ASSUMPTION A31: cluster clients re-read the topology on every reconnect (no DNS cache in the way).
        PathAssembly.AddClients(world, i => PathAssembly.EndpointClient(world, i, _ => endpoint.Current, Engine.Time.SimDuration.Zero));
        world.Behaviour = new LogShardBehaviour(DeploymentPaths.MemoryDb, world, shard.Agents, endpoint, ElastiCacheSettings.Default.PlannedFailoverTimeout);
        var replacer = new NodeReplacer(world.Simulation, world.Nodes, settings.ReplacementDelay, world.AzPower, world.Recorder, "memorydb");
        LogPathAssembly.Boot(world, shard, primary);
        replacer.Start();
        PathAssembly.BootClients(world);
        return PathAssembly.Drive(
            world,
            options,
            () => LogPathAssembly.MostAdvanced(world),
            () => [PathAssembly.NodeHours(world), DataWritten(world)],
            () => world.Recorder.Promotions.Count);
    }

    /// <summary>Data written to the log, billed per GB (docs/sources.md §6): the replication stream the primary committed.</summary>
    private static KeyValuePair<string, double> DataWritten(SimWorld world)
    {
        long bytes = Convergence.SinglePrimary(world)?.Offset ?? 0;
        return new("data-written-gb", Math.Round(bytes / (1024.0 * 1024 * 1024), 9));
    }
}
