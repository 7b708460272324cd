using System.Globalization;
using RedisFailoverSim.Model.Cluster;
using RedisFailoverSim.Model.ControlPlane;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.Serverless;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Model.World;

namespace RedisFailoverSim.Paths.Serverless;

/// <summary>
/// ElastiCache Serverless with the shards of a <c>cluster:</c> scenario behind its proxies (ASSUMPTION A152): every
/// shard is the single shard of <see cref="ServerlessPath"/> (asynchronously replicated nodes, its own managed failover
/// with cluster-mode timing, A23, its own proxy route); the proxies own every slot for the clients (one virtual node,
/// docs/sources.md §5) and send each write to the shard serving its slot; the capacity is the cache's, shared (A21,
/// A22). Each scenario client's one connection to its AZ's proxy runs as one client per shard (A153), so the results
/// come per shard. Shards are fixed: the shard Serverless adds when it scales and the 30K ECPU/s ceiling of one slot
/// are not modelled (A152).
/// </summary>
internal static class ServerlessClusterPath
{
    public static PathResult Run(WorldSpec scenario, ulong seed, RunOptions options)
    {
        var settings = scenario.Paths.Serverless;
        var cluster = scenario.Cluster!;
        var (world, clients) = ClusterPathAssembly.CreateWorld(scenario, seed, DeploymentPaths.Serverless);
        PathAssembly.AddNodes(world, _ => RedisNodeOptions.OpenSource with { RecoverStreamGaps = true, DisconnectReplicasOnPromotion = true });
        var routes = new List<EndpointRecord>();
        var controlPlanes = new List<ManagedControlPlane>();
        for (int s = 0; s < cluster.Shards; s++)
        {
            var shardNodes = world.Nodes.Where(n => cluster.NodeShards[n.NodeIndex] == s).ToList();
            routes.Add(new EndpointRecord("proxy route to shard " + (s + 1).ToString(CultureInfo.InvariantCulture), shardNodes[0].Id));

            // One regional control plane per shard, named so that a fault naming serverless-control-plane reaches
            // them all (ShardConnectionNames, as a scenario client's per-shard connections).
            controlPlanes.Add(new ManagedControlPlane(
                world.Network,
                ShardConnectionNames.Of(ServerlessPath.ControlPlaneName, s),
                ServerlessPath.Options(settings),
                shardNodes,
                routes[s],
                world.Recorder,
                world.AzPower));
        }

        var capacity = new ServerlessCapacity(world.Simulation, settings, world.Recorder, () => DataBytes(world, controlPlanes));
        var proxies = ServerlessPath.AddProxies(world, capacity, new ServiceSlotMap(routes));
        ClusterPathAssembly.AddClusterClients(world, clients, i => PathAssembly.EndpointClient(world, i, az => ServerlessPath.ProxyFor(proxies, az), world.Spec.Client.DnsTtl));
        world.Behaviour = new ServerlessBehaviour(controlPlanes, node => cluster.NodeShards[node.NodeIndex]);

        // Every shard boots in sync with its first node primary (A76), as the other cluster paths do (no bus agents).
        ClusterPathAssembly.BootCluster(world, []);
        for (int s = 0; s < cluster.Shards; s++)
        {
            string phase = s == 0 ? "control-plane.phase" : "control-plane.phase." + (s + 1).ToString(CultureInfo.InvariantCulture);
            controlPlanes[s].Boot(world.Nodes[s * cluster.NodesPerShard], PathAssembly.Phase(world, phase, settings.HealthCheckInterval));
        }

        capacity.Start();
        PathAssembly.BootClients(world);
        var result = PathAssembly.Drive(
            world,
            options,
            () => null,
            () => ServerlessPath.Usage(capacity),
            () => world.Recorder.Promotions.Count,
            () => ShardDatasets(world, controlPlanes));
        foreach (var controlPlane in controlPlanes)
        {
            result = PathAssembly.WithFact(result, controlPlane.RunningPrimaryFact);
        }

        // No cluster bus runs behind the proxies, so no cluster-* key applied (A152): the results name none.
        return result with { ClusterSettings = null };
    }

    /// <summary>ASSUMPTION A34: the cache's data is the base dataset plus every shard primary's replication stream.</summary>
    private static long DataBytes(SimWorld world, IReadOnlyList<ManagedControlPlane> controlPlanes)
    {
        long bytes = world.Spec.Redis.BaseDatasetBytes;
        foreach (var controlPlane in controlPlanes)
        {
            bytes += controlPlane.CurrentPrimary()?.Offset ?? 0;
        }

        return bytes;
    }

    /// <summary>Each shard's dataset at the end: its one live primary, else the one its control plane names.</summary>
    private static IReadOnlyList<RedisNode> ShardDatasets(SimWorld world, IReadOnlyList<ManagedControlPlane> controlPlanes)
    {
        var datasets = new List<RedisNode>();
        for (int s = 0; s < controlPlanes.Count; s++)
        {
            if ((Convergence.SinglePrimary(world, s) ?? controlPlanes[s].CurrentPrimary()) is { } node)
            {
                datasets.Add(node);
            }
        }

        return datasets;
    }
}
