using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Model.World;

/// <summary>
/// When a run may stop: every fault has healed, every write's outcome is known, exactly one live primary (one per
/// shard in a cluster), every other live node streaming from it (directly or chained) at the same replication id and
/// offset, and the path's control plane settled.
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

        if (world.Spec.Cluster is { } cluster)
        {
            for (int shard = 0; shard < cluster.Shards; shard++)
            {
                if (!IsConverged(world, SinglePrimary(world, shard), shard))
                {
                    return false;
                }
            }

            return true;
        }

        return IsConverged(world, SinglePrimary(world), shard: -1);
    }

    /// <summary>The one live primary, or null when there are none or several.</summary>
    public static RedisNode? SinglePrimary(SimWorld world) => SinglePrimary(world, shard: -1);

    /// <summary>
    /// The one live primary of a cluster's <paramref name="shard"/> (-1: of every node), or null when there are none or
    /// several. A node stays in its shard for the whole run (no replica migration, assumption A80).
    /// </summary>
    public static RedisNode? SinglePrimary(SimWorld world, int shard)
    {
        RedisNode? primary = null;
        foreach (var node in world.Nodes)
        {
            if (InShard(world, node, shard) && node.IsPrimary && node.Host == HostState.Up)
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

    private static bool InShard(SimWorld world, RedisNode node, int shard) =>
        shard < 0 || world.Spec.Cluster!.NodeShards[node.NodeIndex] == shard;

    private static bool IsConverged(SimWorld world, RedisNode? primary, int shard)
    {
        if (primary is null)
        {
            return false;
        }

        foreach (var node in world.Nodes)
        {
            if (!InShard(world, node, shard) || node == primary || node.Host is HostState.ProcessDown or HostState.PoweredOff)
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
}
