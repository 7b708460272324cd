using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Cluster;
using RedisFailoverSim.Model.ControlPlane;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.World;

namespace RedisFailoverSim.Paths.ElastiCache;

/// <summary>How ElastiCache with cluster mode enabled answers the generic fault and convergence questions.</summary>
internal sealed class ElastiCacheClusterBehaviour(SimWorld world, IReadOnlyList<ClusterBusAgent> agents, ClusterControlPlane controlPlane) : IPathBehaviour
{
    public string PathName => DeploymentPaths.ElastiCache;

    /// <summary>The primary of shard 1, what a fault on "the primary" means in a cluster (as on self-hosted).</summary>
    public RedisNode? CurrentPrimary() => ClusterPathAssembly.ShardPrimary(world, agents, 0);

    /// <summary>Maintenance: CLUSTER FAILOVER to the shard's best replica, then a new node (A143).</summary>
    public string PlannedReplacement(RedisNode node) => controlPlane.PlannedReplacement(node);

    /// <summary>A customer reboot does not make the control plane fail over (docs/sources.md §4.2).</summary>
    public string CustomerReboot(RedisNode node, SimDuration downFor) => controlPlane.CustomerReboot(node, downFor);

    /// <summary>Settled when every live node's cluster state is OK and the control plane has nothing under way.</summary>
    public bool ControlPlaneSettled() => ClusterPathAssembly.BusSettled(world, agents) && controlPlane.Settled;
}
