using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Model.World;

/// <summary>
/// When a run may stop: every fault has healed, every write's outcome is known, exactly one live primary,
/// every other live node streaming from it (directly or chained) at the same replication id and offset,
/// and the path's control plane settled.
/// </summary>
public static class Convergence
{
    /// <summary>True when the world has converged.</summary>
    public static bool IsConverged(SimWorld world, FaultInjector faults, int pendingWrites)
    {
        if (faults.ActiveFaults > 0 || pendingWrites > 0 || !world.Behaviour.ControlPlaneSettled())
        {
            return false;
        }

        var primary = SinglePrimary(world);
        if (primary is null)
        {
            return false;
        }

        foreach (var node in world.Nodes)
        {
            if (node == primary || node.Host is HostState.ProcessDown or HostState.PoweredOff)
            {
                continue;
            }

            if (node.Host != HostState.Up || node.IsPrimary || node.LinkState != MasterLinkState.Up
                || node.ReplId != primary.ReplId || node.Offset != primary.Offset)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The one live primary, or null when there are none or several.</summary>
    public static RedisNode? SinglePrimary(SimWorld world)
    {
        RedisNode? primary = null;
        foreach (var node in world.Nodes)
        {
            if (node.IsPrimary && node.Host == HostState.Up)
            {
                if (primary is not null)
                {
                    return null;
                }

                primary = node;
            }
        }

        return primary;
    }
}
