using RedisFailoverSim.Engine.Processes;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;

namespace RedisFailoverSim.Model.Redis;

/// <summary>The once-a-second replication cron (<c>replicationCron</c> in replication.c).</summary>
public sealed partial class RedisNode
{
    private static readonly SimDuration CronPeriod = SimDuration.FromSeconds(1);
    private int _cronTicks;

    private void StartCron()
    {
        _cron = Sim.Start(Name + "/replication-cron", RunReplicationCron);
    }

    private IEnumerable<Wait> RunReplicationCron(Process self)
    {
        yield return Wait.For(_cronPhase);
        while (true)
        {
            if (Host == HostState.Up)
            {
                CronTick();
            }

            yield return Wait.For(CronPeriod);
        }
    }

    private void CronTick()
    {
        _cronTicks++;
        CheckCoordinatedFailoverTimeout();
        if (!IsPrimary && MasterId.IsSome)
        {
            FollowerCron();
        }

        long pingEvery = Math.Max(1, _settings.ReplPingReplicaPeriod.Nanoseconds / CronPeriod.Nanoseconds);
        bool ping = _cronTicks % pingEvery == 0;
        for (int i = _replicas.Count - 1; i >= 0; i--)
        {
            var link = _replicas[i];
            if (!link.Online)
            {
                continue;
            }

            if (Sim.Now - link.LastAck > _settings.ReplTimeout)
            {
                _recorder.Event(Name, "link", $"{Name} disconnected timed-out replica {Network.Members[link.Replica.Value].Name}");
                Send(link.Replica, new ConnectionReset(null, ResetScope.MasterLink));
                _replicas.RemoveAt(i);
                continue;
            }

            if (ping)
            {
                Send(link.Replica, new ReplPing { MasterOffset = Offset });
            }
        }

        RefreshGoodReplicas();
        RecordState();
    }

    private void FollowerCron()
    {
        switch (LinkState)
        {
            case MasterLinkState.Up:
                if (Sim.Now - _lastMasterInteraction > _settings.ReplTimeout)
                {
                    LinkDown("MASTER timeout: no data nor PING received");
                    StartHandshake();
                }
                else
                {
                    Send(MasterId, Ack());
                }

                break;
            case MasterLinkState.AwaitingSnapshot:
                if (Sim.Now - _lastMasterInteraction > _settings.ReplTimeout)
                {
                    LinkDown("timeout receiving the snapshot");
                    StartHandshake();
                }

                break;
            case MasterLinkState.Handshake:
                if (Sim.Now - _handshakeStarted > HandshakeTimeout)
                {
                    StartHandshake();
                }

                break;
            default:
                StartHandshake();
                break;
        }
    }

    /// <summary>
    /// refreshGoodSlavesCount: a replica is good when online with lag ≤ min-replicas-max-lag, lag being whole
    /// seconds since its last ACK (server.unixtime − repl_ack_time, docs/sources.md §1.5).
    /// </summary>
    private void RefreshGoodReplicas()
    {
        long nowSeconds = Sim.Now.Nanoseconds / SimDuration.NanosecondsPerSecond;
        long maxLag = _settings.MinReplicasMaxLag.Nanoseconds / SimDuration.NanosecondsPerSecond;
        int good = 0;
        for (int i = 0; i < _replicas.Count; i++)
        {
            long lag = nowSeconds - (_replicas[i].LastAck.Nanoseconds / SimDuration.NanosecondsPerSecond);
            if (_replicas[i].Online && lag <= maxLag)
            {
                good++;
            }
        }

        _goodReplicas = good;
    }
}
