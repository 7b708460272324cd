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
/// come per shard. The proxies give each write its key (A164) and hold every slot to 30K ECPU/s (A163); with
/// <c>serverless.warm-shards</c> each doubling of capacity adds a shard and moves slots to it (A161, A162, A165).
/// </summary>
internal static class ServerlessClusterPath
{
    public static PathResult Run(WorldSpec scenario, ulong seed, RunOptions options)
    {
        var settings = scenario.Paths.Serverless;
        var cluster = scenario.Cluster!;
        int warm = settings.WarmShards;
        var (world, clients) = ClusterPathAssembly.CreateWorld(scenario, seed, DeploymentPaths.Serverless, warm);

        // The nodes of a cache that can scale out answer -ASK/-MOVED while slots move (A162); otherwise plain nodes.
        var gates = Enumerable.Range(0, world.Spec.Nodes.Count).Select(i => new ServerlessSlotGate(cluster.NodeShards[i])).ToList();
        PathAssembly.AddNodes(world, i => RedisNodeOptions.OpenSource with
        {
            RecoverStreamGaps = true,
            DisconnectReplicasOnPromotion = true,
            WriteGate = warm > 0 ? gates[i] : null,
        });
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

        var map = new ServiceSlotMap(routes, cluster.Shards - warm);
        var keys = new ServerlessKeys(scenario.Workload.Keys, SlotRanges.Starts(cluster.Shards - warm), seed);
        ServerlessScaleOut? scaleOut = null;
        if (warm > 0)
        {
            var slotOfKey = Enumerable.Range(0, keys.KeyCount).Select(keys.SlotOf).ToArray();
            scaleOut = new ServerlessScaleOut(world.Simulation, map, slotOfKey, cluster.Shards - warm, settings.ShardProvisioning, world.Recorder, id => world.Nodes.First(n => n.Id == id).Name);
            for (int i = 0; i < gates.Count; i++)
            {
                gates[i].Attach(world.Nodes[i], map, scaleOut);
            }
        }

        var capacity = new ServerlessCapacity(world.Simulation, settings, world.Recorder, () => DataBytes(world, controlPlanes), scaleOut);
        var proxies = ServerlessPath.AddProxies(world, capacity, map, keys, new SlotCeiling());
        ClusterPathAssembly.AddClusterClients(world, clients, i => PathAssembly.EndpointClient(world, i, az => ServerlessPath.ProxyFor(proxies, az), world.Spec.ClientSettingsOf(i).DnsTtl));
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
            () => Usage(capacity, scaleOut, proxies),
            () => world.Recorder.Promotions.Count,
            () => ShardDatasets(world, controlPlanes));
        foreach (var controlPlane in controlPlanes)
        {
            result = PathAssembly.WithFact(result, controlPlane.RunningPrimaryFact);
        }

        // No cluster bus runs behind the proxies, so no cluster-* key applied (A152): the results name none.
        return result with { ClusterSettings = null };
    }

    /// <summary>The cache's usage, and with a warm pool what its scale-out did (A161, A162).</summary>
    private static List<KeyValuePair<string, double>> Usage(ServerlessCapacity capacity, ServerlessScaleOut? scaleOut, IReadOnlyList<ServerlessProxy> proxies)
    {
        var usage = ServerlessPath.Usage(capacity);
        if (scaleOut is not null)
        {
            usage.Add(new("shards-added", scaleOut.ShardsAdded));
            usage.Add(new("slots-moved", scaleOut.SlotsMoved));
            usage.Add(new("writes-redirected", proxies.Sum(p => p.WritesRedirected)));
        }

        return usage;
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
