using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Sentinel;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Model.Clients;

/// <summary>
/// <c>client.sentinel-events: rediscover</c>, node-redis 6.3.1's Sentinel client (docs/sources.md §11.18): every event
/// on its Sentinel's Pub/Sub runs <c>#reset</c>, whose <c>#connect</c> loop asks the first reachable Sentinel for the
/// master (<c>observe</c>); a master flagged s_down or failover_in_progress is refused (<c>parseNode</c>) and the loop
/// asks again after <c>setTimeout(1000)</c>, at most 16 times (<c>maxCommandRediscovers</c>); an event during the
/// loop only asks for one more pass (<c>#anotherReset</c>), so +switch-master does not cut the wait short. Writes
/// issued while the loop runs wait for it (<c>execute</c> awaits <c>#connectPromise</c>).
/// </summary>
public sealed partial class WriteClient
{
    private static readonly object RediscoverTimer = new();

    /// <summary>node-redis's <c>setTimeout(1000)</c> between passes of <c>#connect</c>.</summary>
    private static readonly SimDuration RediscoverPause = SimDuration.FromSeconds(1);

    /// <summary>node-redis's default <c>maxCommandRediscovers</c>.</summary>
    private const int RediscoverAttempts = 16;

    private bool _rediscovering;
    private bool _anotherReset;
    private int _rediscoverFailures;
    private long _rediscoverPass;

    /// <summary>Writes wait while a rediscovery runs (they are held by <c>execute</c>, not sent).</summary>
    private bool HoldsWrites => _rediscovering;

    private bool RediscoversOnEvents => _settings.SentinelEvents == SentinelEventAction.Rediscover && _discovery is SentinelDiscovery;

    private void OnSentinelEvent(string channel, MemberId sentinel)
    {
        if (!RediscoversOnEvents || !HearsSwitchFrom(sentinel) || State != ClientConnectionState.Connected)
        {
            return;
        }

        if (_rediscovering)
        {
            _anotherReset = true;
            return;
        }

        _recorder.Event(Name, "client", $"{Name} asks the Sentinels for the master again: it heard {channel}");
        _rediscovering = true;
        _rediscoverFailures = 0;
        Observe();
    }

    private void Observe()
    {
        _anotherReset = false;
        _rediscoverPass++;
        ((SentinelDiscovery)_discovery).Observe(_rediscoverPass);
    }

    /// <summary>A pass of the loop ended: <paramref name="reply"/> is the first Sentinel's answer, or null when none answered.</summary>
    internal void OnObserved(GetMasterAddrReply? reply, long pass)
    {
        if (!_rediscovering || pass != _rediscoverPass || State != ClientConnectionState.Connected)
        {
            return;
        }

        if (reply is null || !reply.Usable)
        {
            if (++_rediscoverFailures > RediscoverAttempts)
            {
                // #connect throws: the writes waiting on it are rejected, never sent.
                EndRediscovery();
                FailHeldWrites();
                return;
            }

            Sim.Schedule(RediscoverPause, this, _rediscoverPass, RediscoverTimer);
            return;
        }

        if (reply.Master != _target)
        {
            // transform(): a client for the new master; the old one is closed with what it had in flight.
            EndRediscovery();
            _recorder.Event(Name, "client", $"{Name} found a new master, {Network.Members[reply.Master.Value].Name}");
            Disconnect(WriteOutcome.Unknown);
            ConnectTo(reply.Master);
            return;
        }

        if (_anotherReset)
        {
            Observe();
            return;
        }

        EndRediscovery();
        SendBacklog(_target);
    }

    private void OnRediscoverTimer(long pass)
    {
        if (_rediscovering && pass == _rediscoverPass && State == ClientConnectionState.Connected)
        {
            Observe();
        }
    }

    private void EndRediscovery()
    {
        _rediscovering = false;
        _anotherReset = false;
    }

    private void FailHeldWrites()
    {
        while (_backlog.Count > 0)
        {
            var queued = _backlog.Dequeue();
            if (_ledger.IsPending(queued.WriteId))
            {
                _ledger.Resolve(queued.WriteId, WriteOutcome.Failed, Sim.Now);
            }
        }
    }
}
