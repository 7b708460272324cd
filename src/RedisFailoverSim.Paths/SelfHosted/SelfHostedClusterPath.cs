using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Paths.SelfHosted;

/// <summary>
/// Redis OSS on EC2 as a Redis Cluster (no Sentinel), assembled from the shared cluster parts
/// (<see cref="ClusterPathAssembly"/>): the scenario's nodes with their cluster bus agents and the per-shard
/// clients, which know every node as a startup node. Nothing outside the bus decides a failover.
/// </summary>
internal static class SelfHostedClusterPath
{
    public static PathResult Run(WorldSpec scenario, ulong seed, RunOptions options)
    {
        var (world, clients) = ClusterPathAssembly.CreateWorld(scenario, seed, DeploymentPaths.SelfHosted);

        var agents = AddClusterNodes(world);
        ClusterPathAssembly.AddClusterClients(world, clients, world.Nodes.Select(n => n.Id).ToList());
        world.Behaviour = new SelfHostedClusterBehaviour(world, agents);
        ClusterPathAssembly.BootCluster(world, agents);
        PathAssembly.BootClients(world);
        return ClusterPathAssembly.Drive(world, agents, options);
    }

    /// <summary>
    /// The self-hosted cluster's nodes: Redis OSS (the cluster tests build their worlds with it). Assumption A35: what
    /// a cut drops TCP would have retransmitted; a replica that sees the hole resyncs.
    /// </summary>
    internal static List<Model.Cluster.ClusterBusAgent> AddClusterNodes(Model.World.SimWorld world) =>
        ClusterPathAssembly.AddClusterNodes(world, RedisNodeOptions.OpenSource with { RecoverStreamGaps = true, DisconnectReplicasOnPromotion = true });

    /// <summary>Boots the cluster as <see cref="ClusterPathAssembly.BootCluster"/> does.</summary>
    internal static void BootCluster(Model.World.SimWorld world, IReadOnlyList<Model.Cluster.ClusterBusAgent> agents) =>
        ClusterPathAssembly.BootCluster(world, agents);
}
