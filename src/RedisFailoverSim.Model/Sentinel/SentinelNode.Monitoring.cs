using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Model.Sentinel;

/// <summary>Pings, INFO, hellos, SDOWN and ODOWN (sentinel.c: sentinelSendPeriodicCommands and friends).</summary>
public sealed partial class SentinelNode
{
    private bool _odown;
    private SimTime? _odownSince;

    private void HandleInstance(InstanceView instance, bool isMaster)
    {
        ReconnectInstance(instance);
        SendPeriodicCommands(instance, isMaster);
        CheckSubjectivelyDown(instance, isMaster ? "master" : "slave");
        if (!isMaster)
        {
            return;
        }

        CheckObjectivelyDown();
        if (StartFailoverIfNeeded())
        {
            AskMasterStateToOtherSentinels(forced: true);
        }

        RunFailoverStateMachine();
        AskMasterStateToOtherSentinels(forced: false);
    }

    private void HandlePeer(InstanceView peer)
    {
        ReconnectInstance(peer);
        if (peer.Disconnected)
        {
            CheckSubjectivelyDown(peer, "sentinel");
            return;
        }

        SendPing(peer);
        if (peer.LastHelloSent is not { } sent || Sim.Now - sent > PublishPeriod)
        {
            peer.LastHelloSent = Sim.Now;
            Send(peer.Member, new SentinelHello(Name, AdvertisedMaster, ConfigEpoch, CurrentEpoch));
        }

        CheckSubjectivelyDown(peer, "sentinel");
    }

    /// <summary>
    /// sentinelSendPeriodicCommands: nothing on a closed link; INFO at every tick while the last INFO reply is older
    /// than the period — 1 s for a replica while its master is ODOWN or failing over, or while it reports a
    /// master_link_down_time, else 10 s (docs/sources.md §2.9).
    /// </summary>
    private void SendPeriodicCommands(InstanceView instance, bool isMaster)
    {
        // ASSUMPTION A75: no cap of 100 unanswered commands per link (sentinel.c has one); the model's network drops
        // what a cut link carries, where TCP would deliver it after the heal, so such a cap would strand the link.
        if (instance.Disconnected)
        {
            return;
        }

        bool fast = !isMaster && (_odown || _failoverInProgress || instance.MasterLinkDownTimeMs != 0);
        var infoPeriod = fast ? FastInfoPeriod : InfoPeriod;
        if (instance.InfoRefresh is not { } refresh || Sim.Now - refresh > infoPeriod)
        {
            Send(instance.Member, new InfoRequest { LinkGeneration = instance.LinkGeneration });
        }

        SendPing(instance);
    }

    /// <summary>
    /// SDOWN: no valid reply for down-after-milliseconds, or a master that keeps reporting itself a replica
    /// for down-after + 2 × INFO period (docs/sources.md §2.2).
    /// </summary>
    private void CheckSubjectivelyDown(InstanceView instance, string type)
    {
        // sentinelCheckSubjectivelyDown: the oldest unanswered PING, else, on a closed link, the last valid reply.
        var elapsed = instance.ActPing is { } act ? Sim.Now - act
            : instance.Disconnected ? Sim.Now - instance.LastAvail
            : SimDuration.Zero;

        // A link that has been open for 15 s with a PING unanswered for half of down-after is closed, to be
        // reopened: a connection that silently stopped working is replaced (docs/sources.md §2.10).
        if (!instance.Disconnected && instance.ActPing is { } pending
            && Sim.Now - instance.LinkOpenedAt > MinLinkReconnectPeriod
            && Sim.Now - pending > _settings.DownAfter / 2
            && Sim.Now - instance.LastPong > _settings.DownAfter / 2)
        {
            CloseLink(instance);
        }

        bool down = elapsed > _settings.DownAfter
            || (type == "master" && !instance.RoleReportedPrimary
                && Sim.Now - instance.RoleReportedTime > _settings.DownAfter + (InfoPeriod * 2));
        if (down && !instance.Sdown)
        {
            instance.Sdown = true;
            instance.SdownSince = Sim.Now;
            Emit("+sdown", $"{type} {DescribeInstance(instance, type)}");
        }
        else if (!down && instance.Sdown)
        {
            instance.Sdown = false;
            Emit("-sdown", $"{type} {DescribeInstance(instance, type)}");
        }
    }

    private string DescribeInstance(InstanceView instance, string type) =>
        type == "sentinel" ? instance.Name : type == "master" ? $"{MasterName} {instance.Name}" : $"{instance.Name} @ {MasterName} {_master.Name}";

    /// <summary>ODOWN: this Sentinel and enough peers (quorum, counting itself) report the master down.</summary>
    private void CheckObjectivelyDown()
    {
        int agree = 0;
        if (_master.Sdown)
        {
            agree = 1;
            for (int i = 0; i < _peers.Count; i++)
            {
                agree += _peers[i].MasterDown ? 1 : 0;
            }
        }

        bool odown = _master.Sdown && agree >= _settings.Quorum;
        if (odown && !_odown)
        {
            _odown = true;
            _odownSince = Sim.Now;
            Emit("+odown", $"master {MasterName} {_master.Name} #quorum {agree}/{_settings.Quorum}");
        }
        else if (!odown && _odown)
        {
            _odown = false;
            Emit("-odown", $"master {MasterName} {_master.Name}");
        }
    }

    /// <summary>
    /// Asks peers whether they see the master down (every second, or at once when a failover starts); the
    /// same message carries our vote request once we are failing over. Answers older than 5 s are forgotten.
    /// </summary>
    private void AskMasterStateToOtherSentinels(bool forced)
    {
        for (int i = 0; i < _peers.Count; i++)
        {
            var peer = _peers[i];
            if (peer.LastMasterDownReply is { } reply && Sim.Now - reply > AskPeriod * 5)
            {
                peer.MasterDown = false;
                peer.Leader = null;
            }

            if (!_master.Sdown)
            {
                continue;
            }

            var lastContact = Latest(peer.LastMasterDownReply, peer.LastAskSent);
            if (!forced && lastContact is { } contact && Sim.Now - contact < AskPeriod)
            {
                continue;
            }

            peer.LastAskSent = Sim.Now;
            Send(peer.Member, new IsMasterDownRequest(_master.Member, CurrentEpoch, _failoverInProgress ? Name : null));
        }
    }

    private static SimTime? Latest(SimTime? a, SimTime? b) => a is null ? b : b is null ? a : SimTime.Max(a.Value, b.Value);

    private void OnIsMasterDownRequest(IsMasterDownRequest ask)
    {
        bool isMyMaster = ask.Master == _master.Member;
        bool down = isMyMaster && _master.Sdown;
        string? leader = null;
        long leaderEpoch = 0;
        if (isMyMaster && ask.Candidate is not null)
        {
            (leader, leaderEpoch) = VoteLeader(ask.CurrentEpoch, ask.Candidate);
        }

        Send(ask.From, new IsMasterDownReply(ask.Master, down, leader, leaderEpoch));
    }

    private void OnIsMasterDownReply(IsMasterDownReply reply)
    {
        var peer = FindPeer(reply.From);
        if (peer is null || reply.Master != _master.Member)
        {
            return;
        }

        peer.LastMasterDownReply = Sim.Now;
        peer.MasterDown = reply.Down;
        if (reply.Leader is not null)
        {
            peer.Leader = reply.Leader;
            peer.LeaderEpoch = reply.LeaderEpoch;
        }
    }

    /// <summary>
    /// A hello carries the sender's view of the master and its config epoch; a higher epoch wins, which is how
    /// a failover reaches the Sentinels that did not run it (docs/sources.md §2.3, configuration propagation).
    /// </summary>
    private void OnHello(SentinelHello hello)
    {
        var peer = FindPeer(hello.From);
        if (peer is not null)
        {
            peer.LastAvail = Sim.Now;
        }

        if (hello.CurrentEpoch > CurrentEpoch)
        {
            CurrentEpoch = hello.CurrentEpoch;
            Emit("+new-epoch", CurrentEpoch.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (hello.MasterConfigEpoch > ConfigEpoch)
        {
            ConfigEpoch = hello.MasterConfigEpoch;
            if (hello.Master != _master.Member)
            {
                var old = _master.Member;
                Emit("+config-update-from", $"sentinel {hello.Sentinel}");
                Emit("+switch-master", $"{MasterName} {NodeName(old)} → {NodeName(hello.Master)}");
                _recorder.SwitchMaster();
                ResetMaster(hello.Master);
                PublishToClients(old, hello.Master);
            }
        }
    }

    private void OnInfo(InfoReply info)
    {
        var instance = FindNodeInstance(info.From);
        if (instance is null)
        {
            return;
        }

        bool isMaster = instance == _master;
        instance.InfoRefresh = Sim.Now;

        // Reset at every INFO, set only from master_link_down_since_seconds, which a replica prints (in whole
        // seconds) while its link is down: never for role:master (sentinelRefreshInstanceInfo, docs/sources.md §2.9).
        instance.MasterLinkDownTimeMs = !info.IsPrimary && !info.MasterLinkUp
            ? (long)Math.Floor(info.MasterLinkDownFor.TotalSeconds) * 1000
            : 0;
        if (instance.RunId.Length > 0 && instance.RunId != info.RunId)
        {
            Emit("+reboot", $"{(isMaster ? "master" : "slave")} {DescribeInstance(instance, isMaster ? "master" : "slave")}");
        }

        instance.RunId = info.RunId;
        instance.ReplOffset = info.Offset;
        instance.Priority = info.ReplicaPriority;
        instance.MasterLinkUp = info.MasterLinkUp;
        instance.MasterLinkDownFor = info.MasterLinkDownFor;
        if (instance.SlaveMaster != info.Master)
        {
            instance.SlaveMaster = info.Master;
            instance.SlaveConfChangeTime = Sim.Now;
        }

        if (instance.RoleReportedPrimary != info.IsPrimary)
        {
            instance.RoleReportedPrimary = info.IsPrimary;
            instance.RoleReportedTime = Sim.Now;
        }

        if (!isMaster)
        {
            OnReplicaInfo(instance, info);
        }
    }

    /// <summary>Replica INFO: promotion seen, reconfiguration progress, and fixing replicas that disagree.</summary>
    private void OnReplicaInfo(InstanceView replica, InfoReply info)
    {
        if (info.IsPrimary)
        {
            if (replica.Promoted && _failoverInProgress && _failoverState == FailoverState.WaitPromotion)
            {
                OnPromotionSeen(replica);
                return;
            }

            // A replica turned master: force our view after 4 × publish period, if the master looks sane.
            var wait = PublishPeriod * 4;
            if (!replica.Promoted && MasterLooksSane() && NoDownFor(replica, wait) && Sim.Now - replica.RoleReportedTime > wait)
            {
                Send(replica.Member, new ReplicaOfCommand(_master.Member));
                Send(replica.Member, new ClientKillCommand());
                Emit("+convert-to-slave", $"slave {replica.Name} @ {MasterName} {_master.Name}");
            }

            return;
        }

        if (_failoverInProgress && _failoverState == FailoverState.ReconfSlaves && _promoted is not null)
        {
            if (replica.ReconfSent && info.Master == _promoted.Member)
            {
                replica.ReconfSent = false;
                replica.ReconfInProgress = true;
                Emit("+slave-reconf-inprog", $"slave {replica.Name} @ {MasterName} {_master.Name}");
            }

            if (replica.ReconfInProgress && info.MasterLinkUp)
            {
                replica.ReconfInProgress = false;
                replica.ReconfDone = true;
                Emit("+slave-reconf-done", $"slave {replica.Name} @ {MasterName} {_master.Name}");
            }

            return;
        }

        // A replica following the wrong master is fixed after failover-timeout (sentinelRefreshInstanceInfo).
        if (!_failoverInProgress && info.Master != _master.Member && MasterLooksSane()
            && NoDownFor(replica, _settings.FailoverTimeout) && Sim.Now - replica.SlaveConfChangeTime > _settings.FailoverTimeout)
        {
            Send(replica.Member, new ReplicaOfCommand(_master.Member));
            Emit("+fix-slave-config", $"slave {replica.Name} @ {MasterName} {_master.Name}");
        }
    }

    private bool MasterLooksSane() =>
        !_master.Sdown && !_odown && _master.RoleReportedPrimary
        && _master.InfoRefresh is { } refresh && Sim.Now - refresh < InfoPeriod * 2;

    private bool NoDownFor(InstanceView instance, SimDuration wait) =>
        !instance.Sdown && (instance.SdownSince is not { } since || Sim.Now - since > wait);
}
