using RedisFailoverSim.Engine.Processes;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Model.ControlPlane;

/// <summary>Planned node replacement and customer reboots with cluster mode enabled.</summary>
public sealed partial class ClusterControlPlane
{
    private static readonly SimDuration PlannedPollPeriod = SimDuration.FromMilliseconds(10);
    private bool _plannedFailoverInProgress;

    /// <summary>
    /// A planned replacement (maintenance). ASSUMPTION A143: a replica is replaced by a new node that full-syncs from its
    /// shard's primary; a primary first hands its slots to its most up-to-date replica with <c>CLUSTER FAILOVER</c>
    /// (the writes pause until the replica caught up, none lost: cluster mode enabled "completes while the cluster
    /// serves incoming write requests", docs/sources.md §4.1, §3.9), then is replaced by a new replica of it.
    /// Returns what was done, in words.
    /// </summary>
    public string PlannedReplacement(RedisNode node)
    {
        int i = node.NodeIndex;
        if (!node.IsPrimary)
        {
            int primary = AnsweringPrimaryOfShard(_nodeShards[i]);
            if (primary < 0)
            {
                return "postponed: no node of the shard answers as primary";
            }

            node.Crash(powerOff: true);
            _agents[i].JoinAsReplacementOf(_nodes[primary]);
            node.Restart();
            return $"replica {node.Name} replaced by a new node that full-syncs from {_nodes[primary].Name}";
        }

        if (_plannedFailoverInProgress)
        {
            return "postponed: a planned failover is already under way";
        }

        int target = MostAdvancedReplica(i);
        if (target < 0)
        {
            return "postponed: no replica of the shard answers to hand its slots to";
        }

        var chosen = _nodes[target];
        string reply = _agents[target].ManualFailover(ManualFailoverOption.Default);
        if (reply != "+OK")
        {
            return $"CLUSTER FAILOVER to {chosen.Name} refused ({reply}); {node.Name} stays primary";
        }

        _plannedFailoverInProgress = true;
        Sim.Start(Name + "/planned-failover", _ => RunPlannedFailover(node, chosen));
        return $"CLUSTER FAILOVER sent to {chosen.Name} (its most up-to-date replica): {node.Name} pauses writes until {chosen.Name} caught up, then is replaced";
    }

    /// <summary>
    /// A customer reboot: never a failover trigger for the control plane (docs/sources.md §4.2), which neither declares
    /// the node failed nor replaces it meanwhile; the bus still fails the shard over if the reboot outlasts its
    /// detection. The process restarts after <paramref name="downFor"/>, empty without persistence.
    /// </summary>
    public string CustomerReboot(RedisNode node, SimDuration downFor)
    {
        _rebootingRunId[node.NodeIndex] = node.RunId;
        node.Crash(powerOff: false);
        Sim.Start(node.Name + "/reboot", _ => RestartAfter(node, downFor));
        return $"process restarted after {downFor}; the control plane does not fail over (customer reboot), the cluster bus may";
    }

    private static IEnumerable<Wait> RestartAfter(RedisNode node, SimDuration downFor)
    {
        yield return Wait.For(downFor);
        node.Restart();
    }

    private IEnumerable<Wait> RunPlannedFailover(RedisNode old, RedisNode target)
    {
        var giveUp = Sim.Now + _options.PlannedFailoverTimeout + _options.HealthCheckInterval;
        while (Sim.Now < giveUp && !(target.IsPrimary && target.Host == HostState.Up))
        {
            yield return Wait.For(PlannedPollPeriod);
        }

        if (target.IsPrimary && target.Host == HostState.Up && old.Host != HostState.PoweredOff)
        {
            old.Crash(powerOff: true);
            _agents[old.NodeIndex].JoinAsReplacementOf(target);
            old.Restart();
            Emit($"planned failover complete: {target.Name} serves the shard's slots; {old.Name} replaced by a new replica of it");
        }
        else
        {
            Emit($"planned failover to {target.Name} did not complete; {old.Name} is not replaced");
        }

        _plannedFailoverInProgress = false;
    }

    /// <summary>The replica of <paramref name="primary"/>'s shard that answers with the largest offset; -1 if none.</summary>
    private int MostAdvancedReplica(int primary)
    {
        int best = -1;
        long bestOffset = -1;
        for (int i = 0; i < _nodes.Count; i++)
        {
            if (i != primary && _nodeShards[i] == _nodeShards[primary] && IsFresh(i) && _nodes[i].Host == HostState.Up
                && _lastInfo[i] is { IsPrimary: false } info && info.Offset > bestOffset)
            {
                best = i;
                bestOffset = info.Offset;
            }
        }

        return best;
    }
}
