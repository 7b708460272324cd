using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.ControlPlane;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.World;

namespace RedisFailoverSim.Paths.Serverless;

/// <summary>How the Serverless path answers the generic fault and convergence questions.</summary>
internal sealed class ServerlessBehaviour(ManagedControlPlane controlPlane) : IPathBehaviour
{
    public string PathName => DeploymentPaths.Serverless;

    public RedisNode? CurrentPrimary() => controlPlane.CurrentPrimary();

    /// <summary>Updates are applied "without downtime" (docs/sources.md §5): a coordinated failover behind the proxy.</summary>
    public string PlannedReplacement(RedisNode node) => controlPlane.PlannedReplacement(node);

    /// <summary>Serverless exposes no nodes: a customer cannot reboot one, so the fault does nothing here.</summary>
    public string CustomerReboot(RedisNode node, SimDuration downFor) =>
        "not applicable: Serverless exposes no nodes a customer could reboot";

    public bool ControlPlaneSettled() => controlPlane.Settled;
}
