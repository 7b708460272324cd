using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Model.Sentinel;

/// <summary>The failover state machine (sentinelFailoverStateMachine) and the switch to the new master.</summary>
public sealed partial class SentinelNode
{
    private InstanceView? _promoted;

    private void RunFailoverStateMachine()
    {
        if (!_failoverInProgress)
        {
            return;
        }

        switch (_failoverState)
        {
            case FailoverState.WaitStart:
                FailoverWaitStart();
                break;
            case FailoverState.SelectSlave:
                FailoverSelectSlave();
                break;
            case FailoverState.SendSlaveofNoone:
                FailoverSendSlaveofNoone();
                break;
            case FailoverState.WaitPromotion:
                if (Sim.Now - _failoverStateChangeTime > _settings.FailoverTimeout)
                {
                    Emit("-failover-abort-slave-timeout", $"master {MasterName} {_master.Name}");
                    AbortFailover();
                }

                break;
            case FailoverState.ReconfSlaves:
                ReconfNextSlave();
                break;
            default:
                break;
        }
    }

    private void FailoverWaitStart()
    {
        string? leader = GetLeader(_failoverEpoch);
        bool isLeader = leader == Name;
        if (!isLeader && !_failoverForced)
        {
            if (_failoverStartTime is { } started && Sim.Now - started > ElectionTimeout)
            {
                Emit("-failover-abort-not-elected", $"master {MasterName} {_master.Name}");
                AbortFailover();
            }

            return;
        }

        Emit("+elected-leader", $"master {MasterName} {_master.Name}");
        SetFailoverState(FailoverState.SelectSlave, "+failover-state-select-slave");
    }

    private void FailoverSelectSlave()
    {
        var chosen = SelectReplica();
        if (chosen is null)
        {
            Emit("-failover-abort-no-good-slave", $"master {MasterName} {_master.Name}");
            AbortFailover();
            return;
        }

        Emit("+selected-slave", $"slave {chosen.Name} @ {MasterName} {_master.Name}");
        chosen.Promoted = true;
        _promoted = chosen;
        SetFailoverState(FailoverState.SendSlaveofNoone, "+failover-state-send-slaveof-noone");
    }

    private void FailoverSendSlaveofNoone()
    {
        var promoted = _promoted!;
        if (promoted.Sdown)
        {
            if (Sim.Now - _failoverStateChangeTime > _settings.FailoverTimeout)
            {
                Emit("-failover-abort-slave-timeout", $"master {MasterName} {_master.Name}");
                AbortFailover();
            }

            return;
        }

        // SLAVEOF NO ONE, CONFIG REWRITE and CLIENT KILL in one transaction.
        Send(promoted.Member, new ReplicaOfCommand(MemberId.None));
        Send(promoted.Member, new ClientKillCommand());
        SetFailoverState(FailoverState.WaitPromotion, "+failover-state-wait-promotion");
    }

    private void OnPromotionSeen(InstanceView promoted)
    {
        ConfigEpoch = _failoverEpoch;
        Emit("+promoted-slave", $"slave {promoted.Name} @ {MasterName} {_master.Name}");
        SetFailoverState(FailoverState.ReconfSlaves, "+failover-state-reconf-slaves");
        ForceHelloUpdate();
    }

    /// <summary>
    /// sentinelForceHelloUpdateForMaster: move every peer's last hello back by publish period + 1 ms, so the next
    /// timer tick sends the new configuration to all of them instead of waiting for the 2 s hello (docs/sources.md §2.8).
    /// </summary>
    private void ForceHelloUpdate()
    {
        var back = PublishPeriod + SimDuration.FromMilliseconds(1);
        for (int i = 0; i < _peers.Count; i++)
        {
            if (_peers[i].LastHelloSent is { } sent)
            {
                _peers[i].LastHelloSent = sent - back;
            }
        }
    }

    /// <summary>Points the remaining replicas at the promoted one, parallel-syncs at a time.</summary>
    private void ReconfNextSlave()
    {
        int inProgress = 0;
        for (int i = 0; i < _replicas.Count; i++)
        {
            inProgress += _replicas[i].ReconfSent || _replicas[i].ReconfInProgress ? 1 : 0;
        }

        for (int i = 0; i < _replicas.Count && inProgress < _settings.ParallelSyncs; i++)
        {
            var replica = _replicas[i];
            if (replica.Promoted || replica.ReconfDone)
            {
                continue;
            }

            if (replica.ReconfSent && Sim.Now - replica.ReconfSentTime > SlaveReconfTimeout)
            {
                Emit("-slave-reconf-sent-timeout", $"slave {replica.Name} @ {MasterName} {_master.Name}");
                replica.ReconfSent = false;
                replica.ReconfDone = true;
                continue;
            }

            if (replica.ReconfSent || replica.ReconfInProgress || replica.Sdown)
            {
                continue;
            }

            SendReconf(replica, "+slave-reconf-sent");
            inProgress++;
        }

        DetectFailoverEnd();
    }

    private void SendReconf(InstanceView replica, string kind)
    {
        Send(replica.Member, new ReplicaOfCommand(_promoted!.Member));
        Send(replica.Member, new ClientKillCommand());
        replica.ReconfSent = true;
        replica.ReconfSentTime = Sim.Now;
        Emit(kind, $"slave {replica.Name} @ {MasterName} {_master.Name}");
    }

    private void DetectFailoverEnd()
    {
        bool timedOut = Sim.Now - _failoverStateChangeTime > _settings.FailoverTimeout;
        int notReconfigured = 0;
        for (int i = 0; i < _replicas.Count; i++)
        {
            var replica = _replicas[i];
            if (!replica.Promoted && !replica.ReconfDone && !replica.Sdown)
            {
                notReconfigured++;
            }
        }

        if (timedOut)
        {
            notReconfigured = 0;
            Emit("-failover-end-for-timeout", $"master {MasterName} {_master.Name}");
        }

        if (notReconfigured > 0)
        {
            return;
        }

        Emit("+failover-end", $"master {MasterName} {_master.Name}");
        SetFailoverState(FailoverState.UpdateConfig, null);
        if (timedOut)
        {
            for (int i = 0; i < _replicas.Count; i++)
            {
                var replica = _replicas[i];
                if (!replica.Promoted && !replica.ReconfDone && !replica.ReconfSent)
                {
                    SendReconf(replica, "+slave-reconf-sent-be");
                }
            }
        }
    }

    /// <summary>The leader's own <c>+switch-master</c>: monitor the promoted replica from now on.</summary>
    private void SwitchToPromoted()
    {
        var old = _master.Member;
        var promoted = _promoted!.Member;
        Emit("+switch-master", $"{MasterName} {NodeName(old)} → {NodeName(promoted)}");
        _recorder.SwitchMaster();
        ResetMaster(promoted);
        PublishToClients(old, promoted);
    }

    /// <summary>
    /// Monitors <paramref name="master"/> with every other node as its replica (sentinelResetMasterAndChangeAddress):
    /// the failover state is cleared; the config epoch and our last vote are kept.
    /// </summary>
    private void ResetMaster(MemberId master)
    {
        _master = new InstanceView(master, NodeName(master), Sim.Now, reportedPrimary: true);
        _replicas = [];
        for (int i = 0; i < _nodes.Count; i++)
        {
            if (_nodes[i].Id != master)
            {
                _replicas.Add(new InstanceView(_nodes[i].Id, _nodes[i].Name, Sim.Now, reportedPrimary: false));
            }
        }

        for (int i = 0; i < _peers.Count; i++)
        {
            _peers[i].MasterDown = false;
        }

        _odown = false;
        _odownSince = null;
        _failoverInProgress = false;
        _failoverForced = false;
        _failoverState = FailoverState.None;
        _failoverStartTime = null;
        _promoted = null;
        _leader = null;
    }

    private void AbortFailover()
    {
        _failoverInProgress = false;
        _failoverForced = false;
        _failoverState = FailoverState.None;
        _failoverStateChangeTime = Sim.Now;
        if (_promoted is not null)
        {
            _promoted.Promoted = false;
            _promoted = null;
        }
    }

    private void SetFailoverState(FailoverState state, string? kind)
    {
        _failoverState = state;
        _failoverStateChangeTime = Sim.Now;
        if (kind is not null)
        {
            Emit(kind, $"master {MasterName} {_master.Name}");
        }
    }

    /// <summary>
    /// sentinelSelectSlave: exclude replicas that are down, silent for 5 pings, priority 0, with stale INFO,
    /// or disconnected from the master for more than down-after × 10 + the master's SDOWN time; then prefer
    /// lower priority, larger offset, smaller run id (docs/sources.md §2.4).
    /// </summary>
    private InstanceView? SelectReplica()
    {
        var maxMasterDown = _settings.DownAfter * 10;
        if (_master.Sdown && _master.SdownSince is { } since)
        {
            maxMasterDown += Sim.Now - since;
        }

        var infoValidity = _master.Sdown ? FastInfoPeriod * 5 : InfoPeriod * 3;
        InstanceView? best = null;
        for (int i = 0; i < _replicas.Count; i++)
        {
            var r = _replicas[i];
            bool excluded = r.Sdown
                || Sim.Now - r.LastAvail > _pingPeriod * 5
                || r.Priority == 0
                || r.RoleReportedPrimary
                || r.InfoRefresh is not { } refresh || Sim.Now - refresh > infoValidity
                || r.MasterLinkDownFor > maxMasterDown;
            if (!excluded && (best is null || IsBetterCandidate(r, best)))
            {
                best = r;
            }
        }

        return best;
    }

    private static bool IsBetterCandidate(InstanceView a, InstanceView b)
    {
        if (a.Priority != b.Priority)
        {
            return a.Priority < b.Priority;
        }

        if (a.ReplOffset != b.ReplOffset)
        {
            return a.ReplOffset > b.ReplOffset;
        }

        return string.CompareOrdinal(a.RunId, b.RunId) < 0;
    }
}
