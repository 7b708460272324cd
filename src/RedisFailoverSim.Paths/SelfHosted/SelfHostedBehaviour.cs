using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.Sentinel;
using RedisFailoverSim.Model.World;

namespace RedisFailoverSim.Paths.SelfHosted;

/// <summary>How the self-hosted path answers the generic fault and convergence questions.</summary>
internal sealed class SelfHostedBehaviour(SimWorld world) : IPathBehaviour
{
    public string PathName => DeploymentPaths.SelfHosted;

    /// <summary>The primary the Sentinels' majority advertises, if it is up and primary; else any live primary.</summary>
    public RedisNode? CurrentPrimary()
    {
        var live = world.Nodes.Where(n => n.IsPrimary && n.Host == HostState.Up).ToList();
        if (live.Count <= 1)
        {
            return live.FirstOrDefault();
        }

        var advertised = world.Sentinels.Where(s => s.Host == HostState.Up).Select(s => s.AdvertisedMaster).ToList();
        return live.OrderByDescending(n => advertised.Count(a => a == n.Id)).ThenBy(n => n.NodeIndex).First();
    }

    /// <summary>Planned replacement on self-hosted: an operator's <c>SENTINEL FAILOVER</c>, then a restart of the node.</summary>
    public string PlannedReplacement(RedisNode node)
    {
        var sentinel = world.Sentinels.FirstOrDefault(s => s.Host == HostState.Up);
        bool started = sentinel?.RequestManualFailover() ?? false;
        return started ? $"SENTINEL FAILOVER {SentinelNode.MasterName} sent to {sentinel!.Name}" : "no Sentinel could start a failover";
    }

    /// <summary>A reboot on self-hosted is a process restart: back empty without persistence.</summary>
    public string CustomerReboot(RedisNode node, SimDuration downFor)
    {
        node.Crash(powerOff: false);
        world.Simulation.Start(node.Name + "/reboot", p => RestartAfter(node, downFor));
        return $"restart after {downFor}";
    }

    public bool ControlPlaneSettled()
    {
        var primary = Convergence.SinglePrimary(world);
        foreach (var sentinel in world.Sentinels)
        {
            if (sentinel.Host != HostState.Up)
            {
                continue;
            }

            if (sentinel.Failover != FailoverState.None || primary is null || sentinel.AdvertisedMaster != primary.Id)
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<Engine.Processes.Wait> RestartAfter(RedisNode node, SimDuration downFor)
    {
        yield return Engine.Processes.Wait.For(downFor);
        node.Restart();
    }
}
