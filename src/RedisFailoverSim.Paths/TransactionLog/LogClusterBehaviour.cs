using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.World;

namespace RedisFailoverSim.Paths.TransactionLog;

/// <summary>
/// How a cluster of log shards (MemoryDB with several shards) answers the generic fault and convergence questions: each
/// question about a node goes to its shard's <see cref="LogShardBehaviour"/>; "the primary" is shard 1's, as in a Redis
/// Cluster scenario; the control plane is settled when every shard's is (one leader holding its lease, its endpoint on it).
/// </summary>
internal sealed class LogClusterBehaviour(string pathName, IReadOnlyList<LogShardBehaviour> shards) : IPathBehaviour
{
    public string PathName => pathName;

    public RedisNode? CurrentPrimary() => shards[0].CurrentPrimary();

    public string PlannedReplacement(RedisNode node) => ShardOf(node).PlannedReplacement(node);

    public string CustomerReboot(RedisNode node, SimDuration downFor) => ShardOf(node).CustomerReboot(node, downFor);

    public bool ControlPlaneSettled()
    {
        for (int s = 0; s < shards.Count; s++)
        {
            if (!shards[s].ControlPlaneSettled())
            {
                return false;
            }
        }

        return true;
    }

    private LogShardBehaviour ShardOf(RedisNode node)
    {
        for (int s = 0; s < shards.Count; s++)
        {
            if (shards[s].Holds(node))
            {
                return shards[s];
            }
        }

        throw new System.Diagnostics.UnreachableException($"{node.Name} is in no shard");
    }
}
