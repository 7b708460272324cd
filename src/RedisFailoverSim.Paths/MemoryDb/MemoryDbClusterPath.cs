using System.Globalization;
using RedisFailoverSim.Model.Cluster;
using RedisFailoverSim.Model.ControlPlane;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Model.World;
using RedisFailoverSim.Paths.TransactionLog;

namespace RedisFailoverSim.Paths.MemoryDb;

/// <summary>
/// Amazon MemoryDB with several shards (a <c>cluster:</c> scenario), assembled from the parts of the single shard and of
/// the self-hosted cluster (<see cref="ClusterPathAssembly"/>: the per-shard clients): every shard is a single-shard MemoryDB of its own (its log, one replica per AZ; its nodes'
/// log agents; its lease failover, A28; its endpoint record), the service's slot map is those records (ASSUMPTION A150),
/// every node answers CLUSTER SLOTS and -MOVED from it, and the clients are the shared slot-routing clients (A82).
/// Shards share no state, so one shard's failover never stops another's writes (ASSUMPTION A151).
/// </summary>
internal static class MemoryDbClusterPath
{
    public static PathResult Run(WorldSpec scenario, ulong seed, RunOptions options)
    {
        var settings = scenario.Paths.MemoryDb;
        var cluster = scenario.Cluster!;
        var (world, clients) = ClusterPathAssembly.CreateWorld(LogPathAssembly.WithoutNodeDurability(scenario), seed, DeploymentPaths.MemoryDb);
        var endpoints = new List<EndpointRecord>();
        for (int s = 0; s < cluster.Shards; s++)
        {
            endpoints.Add(new EndpointRecord("CLUSTER SLOTS for shard " + (s + 1).ToString(CultureInfo.InvariantCulture), default));
        }

        var shards = LogPathAssembly.AddShards(world, settings, endpoints, new ServiceSlotMap(endpoints), "MemoryDB", RedisNodeOptions.OpenSource);
        ClusterPathAssembly.AddClusterClients(world, clients, world.Nodes.Select(n => n.Id).ToList());
        world.Behaviour = new LogClusterBehaviour(
            DeploymentPaths.MemoryDb,
            shards.Select(s => new LogShardBehaviour(DeploymentPaths.MemoryDb, world, s.Agents, s.Endpoint, ElastiCacheSettings.Default.PlannedFailoverTimeout)).ToList());
        var replacer = new NodeReplacer(world.Simulation, world.Nodes, settings.ReplacementDelay, world.AzPower, world.Recorder, "memorydb");
        for (int s = 0; s < shards.Count; s++)
        {
            // The shard's first node is its initial primary (A76), as in the self-hosted cluster.
            var primary = world.Nodes[s * cluster.NodesPerShard];
            endpoints[s].PointTo(primary.Id);
            LogPathAssembly.Boot(world, shards[s], primary);
        }

        replacer.Start();
        PathAssembly.BootClients(world);
        var result = PathAssembly.Drive(
            world,
            options,
            () => null,
            () => [PathAssembly.NodeHours(world), DataWritten(world, cluster.Shards)],
            () => world.Recorder.Promotions.Count,
            () => ShardDatasets(world, shards));

        // No cluster bus runs, so no cluster-* key applied (A151): the results name none.
        return result with { ClusterSettings = null };
    }

    /// <summary>Data written to the shards' logs, billed per GB (docs/sources.md §6): each shard's committed stream.</summary>
    private static KeyValuePair<string, double> DataWritten(SimWorld world, int shardCount)
    {
        long bytes = 0;
        for (int s = 0; s < shardCount; s++)
        {
            bytes += Convergence.SinglePrimary(world, s)?.Offset ?? 0;
        }

        return new("data-written-gb", Math.Round(bytes / (1024.0 * 1024 * 1024), 9));
    }

    /// <summary>Each shard's dataset at the end: its one live primary, else its node holding the most of its log.</summary>
    private static IReadOnlyList<RedisNode> ShardDatasets(SimWorld world, IReadOnlyList<LogShard> shards)
    {
        var datasets = new List<RedisNode>();
        for (int s = 0; s < shards.Count; s++)
        {
            if ((Convergence.SinglePrimary(world, s) ?? LogPathAssembly.MostAdvanced(shards[s].Agents.Select(a => a.Node))) is { } node)
            {
                datasets.Add(node);
            }
        }

        return datasets;
    }
}
