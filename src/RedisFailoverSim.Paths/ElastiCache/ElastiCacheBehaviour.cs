using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.ControlPlane;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.World;

namespace RedisFailoverSim.Paths.ElastiCache;

/// <summary>How the ElastiCache path answers the generic fault and convergence questions: its control plane does.</summary>
internal sealed class ElastiCacheBehaviour(ManagedControlPlane controlPlane) : IPathBehaviour
{
    public string PathName => DeploymentPaths.ElastiCache;

    public RedisNode? CurrentPrimary() => controlPlane.CurrentPrimary();

    /// <summary>Maintenance: a coordinated failover (docs/sources.md §4.1: no or a brief write interruption, no loss).</summary>
    public string PlannedReplacement(RedisNode node) => controlPlane.PlannedReplacement(node);

    /// <summary>A customer reboot does not fail over (docs/sources.md §4.2).</summary>
    public string CustomerReboot(RedisNode node, SimDuration downFor) => controlPlane.CustomerReboot(node, downFor);

    public bool ControlPlaneSettled() => controlPlane.Settled;
}
