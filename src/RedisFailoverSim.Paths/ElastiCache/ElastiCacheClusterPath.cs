using RedisFailoverSim.Model.ControlPlane;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Paths.ElastiCache;

/// <summary>
/// ElastiCache node-based with cluster mode enabled (docs/sources.md §4.9), assembled from the shared cluster parts
/// (<see cref="ClusterPathAssembly"/>): the same nodes and cluster bus as a self-hosted Redis Cluster, so the bus fails
/// a shard over ("the Redis cluster detects the failure and promotes a replica", §4.1), with ElastiCache's own
/// <c>cluster-*</c> defaults (<see cref="ClusterSettings.ElastiCacheDefault"/>: full coverage no; node-timeout A140);
/// a managed control plane outside the data plane that health-checks, fences (A19) and replaces nodes per shard
/// (<see cref="ClusterControlPlane"/>, A141); and clients that resolve the configuration endpoint and ask the node it
/// names for CLUSTER SLOTS (A142).
/// </summary>
internal static class ElastiCacheClusterPath
{
    public static PathResult Run(WorldSpec scenario, ulong seed, RunOptions options)
    {
        var settings = scenario.Paths.ElastiCache;
        var cluster = scenario.Cluster!;
        scenario = scenario with { Cluster = cluster with { Settings = DeploymentPaths.ClusterSettingsOf(DeploymentPaths.ElastiCache, cluster) } };
        var (world, clients) = ClusterPathAssembly.CreateWorld(scenario, seed, DeploymentPaths.ElastiCache);

        // close-on-slave-write (docs/sources.md §4.2) is passed on, but a cluster node answers a write for a slot it does
        // not serve with -MOVED before it would close anything (§4.9). Assumption A35 as on the other paths.
        var agents = ClusterPathAssembly.AddClusterNodes(world, new RedisNodeOptions(settings.CloseOnReplicaWrite) { RecoverStreamGaps = true, DisconnectReplicasOnPromotion = true });

        // ASSUMPTION A142: the configuration endpoint's DNS answer lists every node; a client asks them in turn for
        // CLUSTER SLOTS, as a client given every node as a startup node does (the self-hosted clients).
        ClusterPathAssembly.AddClusterClients(world, clients, world.Nodes.Select(n => n.Id).ToList());
        var controlPlane = new ClusterControlPlane(
            world.Network,
            ElastiCachePath.ControlPlaneName,
            ElastiCachePath.Options(settings),
            world.Nodes,
            agents,
            world.Spec.Cluster!.NodeShards,
            world.Recorder,
            world.AzPower);
        world.Behaviour = new ElastiCacheClusterBehaviour(world, agents, controlPlane);
        ClusterPathAssembly.BootCluster(world, agents);
        controlPlane.Boot(PathAssembly.Phase(world, "control-plane.phase", settings.HealthCheckInterval));
        PathAssembly.BootClients(world);
        var result = ClusterPathAssembly.Drive(world, agents, options);
        return PathAssembly.WithFact(result, controlPlane.RunningPrimaryFact);
    }
}
