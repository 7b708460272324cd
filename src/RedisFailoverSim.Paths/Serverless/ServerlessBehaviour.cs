using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.ControlPlane;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.World;

namespace RedisFailoverSim.Paths.Serverless;

/// <summary>
/// How the Serverless path answers the generic fault and convergence questions: through the control plane of each
/// shard behind the proxies (one unless the scenario has a cluster, A152); "the primary" is shard 1's.
/// </summary>
internal sealed class ServerlessBehaviour(IReadOnlyList<ManagedControlPlane> controlPlanes, Func<RedisNode, int> shardOf) : IPathBehaviour
{
    public string PathName => DeploymentPaths.Serverless;

    public RedisNode? CurrentPrimary() => controlPlanes[0].CurrentPrimary();

    /// <summary>Updates are applied "without downtime" (docs/sources.md §5): a coordinated failover behind the proxy.</summary>
    public string PlannedReplacement(RedisNode node) => controlPlanes[shardOf(node)].PlannedReplacement(node);

    /// <summary>Serverless exposes no nodes: a customer cannot reboot one, so the fault does nothing here.</summary>
    public string CustomerReboot(RedisNode node, SimDuration downFor) =>
        "not applicable: Serverless exposes no nodes a customer could reboot";

    public bool ControlPlaneSettled()
    {
        for (int s = 0; s < controlPlanes.Count; s++)
        {
            if (!controlPlanes[s].Settled)
            {
                return false;
            }
        }

        return true;
    }
}
