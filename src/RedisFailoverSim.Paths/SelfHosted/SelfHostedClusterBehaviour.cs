using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Cluster;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.World;

namespace RedisFailoverSim.Paths.SelfHosted;

/// <summary>How a self-hosted Redis Cluster answers the generic fault and convergence questions.</summary>
internal sealed class SelfHostedClusterBehaviour(SimWorld world, IReadOnlyList<ClusterBusAgent> agents) : IPathBehaviour
{
    public string PathName => DeploymentPaths.SelfHosted;

    /// <summary>
    /// The primary of shard 1 (what a fault on "the primary" means in a cluster): the owner most live nodes' slot maps
    /// name, if it is up and primary.
    /// </summary>
    public RedisNode? CurrentPrimary() => ClusterPathAssembly.ShardPrimary(world, agents, 0);

    /// <summary>Planned replacement needs CLUSTER FAILOVER, not modelled yet: the node is restarted in place.</summary>
    public string PlannedReplacement(RedisNode node) => CustomerReboot(node, SimDuration.FromMilliseconds(1000));

    /// <summary>A reboot is a process restart: back empty without persistence, its nodes.conf kept.</summary>
    public string CustomerReboot(RedisNode node, SimDuration downFor)
    {
        node.Crash(powerOff: false);
        world.Simulation.Start(node.Name + "/reboot", p => RestartAfter(node, downFor));
        return $"restart after {downFor}";
    }

    /// <summary>The cluster bus is the control plane: settled when every live node's state is OK.</summary>
    public bool ControlPlaneSettled() => ClusterPathAssembly.BusSettled(world, agents);

    private static IEnumerable<Engine.Processes.Wait> RestartAfter(RedisNode node, SimDuration downFor)
    {
        yield return Engine.Processes.Wait.For(downFor);
        node.Restart();
    }
}
