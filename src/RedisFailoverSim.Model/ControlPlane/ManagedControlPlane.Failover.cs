using RedisFailoverSim.Engine.Processes;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Model.ControlPlane;

/// <summary>Unplanned failover (detection → promotion → endpoint), planned failover and customer reboots.</summary>
public sealed partial class ManagedControlPlane
{
    private static readonly SimDuration PlannedPollPeriod = SimDuration.FromMilliseconds(10);

    /// <summary>
    /// A planned replacement (maintenance): a coordinated failover of the primary to its most up-to-date replica
    /// (docs/sources.md §1.7, §4.1), or an in-place replacement of a replica. Returns what was done, in words.
    /// </summary>
    public string PlannedReplacement(RedisNode node)
    {
        if (IndexOf(node.Id) != _primary)
        {
            // A replica is replaced by a new node that full-syncs from the primary; writes are not affected.
            node.Reconfigure(_nodes[_primary].Id);
            node.Crash(powerOff: true);
            node.Restart();
            return $"replica {node.Name} replaced by a new node that full-syncs from {_nodes[_primary].Name}";
        }

        if (Phase != ControlPlanePhase.Monitoring)
        {
            return "postponed: a failover is already under way";
        }

        if (!IsFresh(_primary))
        {
            return "postponed: the primary does not answer health checks (an unplanned failover will handle it)";
        }

        int target = LeastLagReplica(requireLinkUp: true, includeCurrent: false);
        if (target < 0)
        {
            return "postponed: no in-sync replica to hand the primary role to";
        }

        Phase = ControlPlanePhase.PlannedFailover;
        var chosen = _nodes[target];
        Sim.Start(Name + "/planned-failover", _ => RunPlannedFailover(node, chosen));
        return $"coordinated failover {node.Name} → {chosen.Name} (FAILOVER TO, writes paused until it caught up)";
    }

    /// <summary>
    /// A customer reboot: never a failover trigger (docs/sources.md §4.2). The process restarts after
    /// <paramref name="downFor"/>; without persistence the primary comes back empty and its replicas resync to empty,
    /// the data loss ElastiCache documents (docs/sources.md §1.2).
    /// </summary>
    public string CustomerReboot(RedisNode node, SimDuration downFor)
    {
        _rebootingRunId[IndexOf(node.Id)] = node.RunId;
        node.Crash(powerOff: false);
        Sim.Start(node.Name + "/reboot", _ => RestartAfter(node, downFor));
        return $"process restarted after {downFor}; no failover (customer reboot)";
    }

    private static IEnumerable<Wait> RestartAfter(RedisNode node, SimDuration downFor)
    {
        yield return Wait.For(downFor);
        node.Restart();
    }

    private void TryStartFailover(bool includeCurrent)
    {
        int candidate = LeastLagReplica(requireLinkUp: false, includeCurrent);
        if (candidate < 0)
        {
            if (!_reportedNoCandidate)
            {
                _reportedNoCandidate = true;
                Emit($"primary {_nodes[_primary].Name} failed and no healthy replica can take over");
            }

            return;
        }

        _reportedNoCandidate = false;
        Phase = ControlPlanePhase.Promoting;
        var old = _nodes[_primary];
        var chosen = _nodes[candidate];
        Sim.Start(Name + "/failover", _ => RunFailover(old, chosen, fenceOld: !includeCurrent));
    }

    /// <summary>The healthy replica with the most replication stream (least lag), lowest index on ties; -1 if none.</summary>
    private int LeastLagReplica(bool requireLinkUp, bool includeCurrent)
    {
        int best = -1;
        long bestOffset = -1;
        for (int i = 0; i < _nodes.Count; i++)
        {
            if ((i == _primary && !includeCurrent) || !IsFresh(i) || _lastInfo[i] is not { IsPrimary: false } info || _nodes[i].Host != HostState.Up)
            {
                continue;
            }

            if ((!requireLinkUp || info.MasterLinkUp) && info.Offset > bestOffset)
            {
                best = i;
                bestOffset = info.Offset;
            }
        }

        return best;
    }

    private IEnumerable<Wait> RunFailover(RedisNode old, RedisNode chosen, bool fenceOld)
    {
        Emit($"failing over from {old.Name}: promoting {chosen.Name}, the replica with the least replication lag (offset {_lastInfo[IndexOf(chosen.Id)]!.Offset})");
        if (old != chosen)
        {
            old.Reconfigure(chosen.Id);
        }

        if (fenceOld && old.Host is HostState.Up or HostState.Paused)
        {
            RecordRunningPrimaryFailedOver(old);
        }

        yield return Wait.For(_options.PromotionTime);
        if (chosen.Host != HostState.Up || !IsFresh(IndexOf(chosen.Id)))
        {
            Emit($"promotion of {chosen.Name} abandoned: it stopped answering");
            Phase = ControlPlanePhase.Monitoring;
            yield break;
        }

        Send(chosen.Id, new ReplicaOfCommand(MemberId.None));
        chosen.Reconfigure(MemberId.None);
        for (int i = 0; i < _nodes.Count; i++)
        {
            var other = _nodes[i];
            if (other != old && other != chosen)
            {
                other.Reconfigure(chosen.Id);
                Send(other.Id, new ReplicaOfCommand(chosen.Id));
            }
        }

        SetPrimary(chosen);
        Phase = ControlPlanePhase.Repointing;
        yield return Wait.For(_options.EndpointUpdateDelay);
        Repoint(chosen);
        Phase = ControlPlanePhase.Monitoring;
    }

    /// <summary>
    /// The primary being failed over still runs (it only failed its health checks): ASSUMPTION A19 decides what follows.
    /// Power-off with no delay takes it offline out of band before the promotion ("failed primary taken offline",
    /// docs/sources.md §4.2); with a delay (A90) it keeps acknowledging until then; none leaves it running until the
    /// control plane reaches it again and demotes it.
    /// </summary>
    private void RecordRunningPrimaryFailedOver(RedisNode old)
    {
        _runningPrimaryFailedOver ??= $"{_options.Label} failed over from {old.Name} at {RunRecorder.Format(Sim.Now - SimTime.Zero)} while it still ran (its health checks went unanswered)";
        RunningPrimariesFailedOver++;

        // Only a node that still acts as a primary the control plane did not choose is fenced after the delay: after a
        // heal it may already have been demoted, or it may have crashed meanwhile.
        ApplyFencing(old, "it acknowledges the clients that reach it until it is demoted", "before the promotion", "after the failover decision", () => IndexOf(old.Id) != _primary);
    }

    private IEnumerable<Wait> RunPlannedFailover(RedisNode old, RedisNode target)
    {
        // ASSUMPTION A32: behind a cached endpoint (DNS) it is re-pointed first and given time to propagate, so
        // clients whose connections the swap closes resolve the new primary on their first reconnect; a proxy route
        // follows the swap as soon as the promotion is seen.
        if (_options.RepointBeforePlannedSwap)
        {
            Repoint(target);
            yield return Wait.For(_options.EndpointUpdateDelay);
        }

        Send(old.Id, new FailoverCommand(target.Id, _options.PlannedFailoverTimeout));
        var giveUp = Sim.Now + _options.PlannedFailoverTimeout + _options.HealthCheckInterval;
        while (Sim.Now < giveUp && _lastInfo[IndexOf(target.Id)] is not { IsPrimary: true })
        {
            yield return Wait.For(PlannedPollPeriod);
            Send(target.Id, new InfoRequest());
        }

        if (_lastInfo[IndexOf(target.Id)] is { IsPrimary: true })
        {
            if (!_options.RepointBeforePlannedSwap)
            {
                Repoint(target);
            }

            SetPrimary(target);
            old.Reconfigure(target.Id);
            target.Reconfigure(MemberId.None);
            Emit($"planned failover complete: {target.Name} is primary, {old.Name} follows it");
        }
        else
        {
            if (_options.RepointBeforePlannedSwap)
            {
                Repoint(old);
            }

            Emit($"planned failover to {target.Name} abandoned; {old.Name} stays primary");
        }

        Phase = ControlPlanePhase.Monitoring;
    }

    /// <summary>Launches a replacement for every node that has been down past the replacement delay, AZ power permitting.</summary>
    private void ReplaceFailedNodes()
    {
        for (int i = 0; i < _nodes.Count; i++)
        {
            var node = _nodes[i];
            bool down = node.Host is HostState.ProcessDown or HostState.PoweredOff;
            if (!_failed[i] || !down)
            {
                _replacementDue[i] = _failed[i] ? _replacementDue[i] : SimTime.MaxValue;
                continue;
            }

            bool failingOver = i == _primary && Phase != ControlPlanePhase.Monitoring;
            if (_replacementDue[i] == SimTime.MaxValue)
            {
                _replacementDue[i] = Sim.Now + _options.ReplacementDelay;
            }
            else if (Sim.Now >= _replacementDue[i] && !_azPower.IsOff(node.AzIndex) && !failingOver)
            {
                // docs/sources.md §4.2: a replacement in the failed node's AZ, only once the AZ is back. With no replica
                // left, the primary itself is recreated empty ("all data lost").
                node.Reconfigure(i == _primary ? MemberId.None : _nodes[_primary].Id);
                node.Restart();
                _replacementDue[i] = SimTime.MaxValue;
                _lastReply[i] = Sim.Now;
                _failed[i] = false;
                Emit(i == _primary
                    ? $"replacement for primary {node.Name} launched empty (no replica survived)"
                    : $"replacement for {node.Name} launched in {Network.Azs[node.AzIndex]}; it syncs from {_nodes[_primary].Name}");
            }
        }
    }
}
