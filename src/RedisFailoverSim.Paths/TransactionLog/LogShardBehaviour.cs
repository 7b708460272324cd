using RedisFailoverSim.Engine.Processes;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.ControlPlane;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.TransactionLog;
using RedisFailoverSim.Model.World;

namespace RedisFailoverSim.Paths.TransactionLog;

/// <summary>
/// How a path whose shard runs on the transaction log (MemoryDB, ElastiCache with durability) answers the generic
/// fault and convergence questions: the log agents do.
/// </summary>
internal sealed class LogShardBehaviour(string pathName, SimWorld world, IReadOnlyList<LogNodeAgent> agents, EndpointRecord endpoint, SimDuration handOverTimeout) : IPathBehaviour
{
    public string PathName => pathName;

    public RedisNode? CurrentPrimary()
    {
        foreach (var agent in agents)
        {
            if (agent.IsLeader && agent.Node.Host == HostState.Up && agent.Node.IsPrimary)
            {
                return agent.Node;
            }
        }

        return null;
    }

    /// <summary>
    /// Maintenance: the leader hands the log over to its most caught-up follower once its pending writes committed
    /// (docs/sources.md §6: no data lost during node replacements; §4.8 for ElastiCache); a follower is replaced and restores from the log.
    /// </summary>
    public string PlannedReplacement(RedisNode node)
    {
        var agent = AgentOf(node);
        if (!agent.IsLeader)
        {
            node.Crash(powerOff: true);
            node.Restart();
            return $"{node.Name} replaced by a new node that restores from the transaction log";
        }

        LogNodeAgent? successor = null;
        foreach (var candidate in agents)
        {
            if (candidate != agent && candidate.Node.Host == HostState.Up && !candidate.IsRestoring
                && (successor is null || candidate.Node.Offset > successor.Node.Offset))
            {
                successor = candidate;
            }
        }

        if (successor is null)
        {
            return "postponed: no follower to hand the log over to";
        }

        return agent.BeginHandOver(successor.Node.Id, handOverTimeout)
            ? $"hand-over of the log's leadership {node.Name} → {successor.Node.Name} once pending writes commit"
            : "postponed: the node is not leading";
    }

    /// <summary>A reboot restarts the process; the node comes back empty and restores from the log.</summary>
    public string CustomerReboot(RedisNode node, SimDuration downFor)
    {
        node.Crash(powerOff: false);
        world.Simulation.Start(node.Name + "/reboot", _ => RestartAfter(node, downFor));
        return $"process restarted after {downFor}; it restores from the transaction log";
    }

    public bool ControlPlaneSettled()
    {
        int leaders = 0;
        foreach (var agent in agents)
        {
            if (agent.IsClaiming || agent.IsRestoring)
            {
                return false;
            }

            if (agent.IsLeader)
            {
                leaders++;
                if (!agent.CanAcknowledge || endpoint.Current != agent.Node.Id)
                {
                    return false;
                }
            }
        }

        return leaders == 1;
    }

    /// <summary>True when <paramref name="node"/> is one of this shard's nodes.</summary>
    public bool Holds(RedisNode node)
    {
        foreach (var agent in agents)
        {
            if (agent.Node == node)
            {
                return true;
            }
        }

        return false;
    }

    private LogNodeAgent AgentOf(RedisNode node)
    {
        foreach (var agent in agents)
        {
            if (agent.Node == node)
            {
                return agent;
            }
        }

        throw new System.Diagnostics.UnreachableException($"{node.Name} is not a node of this shard");
    }

    private static IEnumerable<Wait> RestartAfter(RedisNode node, SimDuration downFor)
    {
        yield return Wait.For(downFor);
        node.Restart();
    }
}
