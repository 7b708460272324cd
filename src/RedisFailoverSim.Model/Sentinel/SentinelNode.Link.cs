using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Model.Sentinel;

/// <summary>The command link to each instance: reconnects, resets, PING and PONG (sentinel.c instanceLink).</summary>
public sealed partial class SentinelNode
{
    /// <summary>
    /// sentinelReconnectInstance: a closed link is reopened at most once per ping period, and a PING is queued on it
    /// at once; act_ping_time keeps the oldest unanswered PING across reconnects (docs/sources.md §2.10).
    /// </summary>
    private void ReconnectInstance(InstanceView instance)
    {
        if (!instance.Disconnected || (instance.LastReconnect is { } last && Sim.Now - last < ReconnectPeriod))
        {
            return;
        }

        instance.LastReconnect = Sim.Now;
        instance.Disconnected = false;
        instance.LinkOpenedAt = Sim.Now;
        instance.LinkGeneration++;
        SendPingNow(instance);
    }

    /// <summary>Our link to an instance was reset (its process died, or refused our reconnect).</summary>
    private void OnLinkReset(InstanceView? instance, ConnectionReset reset)
    {
        if (instance is null || instance.Disconnected)
        {
            return;
        }

        // A refusal of a message sent on an older connection says nothing about the current one.
        int? generation = reset.Original switch
        {
            PingCommand ping => ping.LinkGeneration,
            InfoRequest info => info.LinkGeneration,
            _ => null,
        };
        if (generation is { } g && g != instance.LinkGeneration)
        {
            return;
        }

        CloseLink(instance);
    }

    private static void CloseLink(InstanceView instance)
    {
        instance.Disconnected = true;
    }

    /// <summary>PING when the last pong is older than the period and the last ping older than half of it.</summary>
    private void SendPing(InstanceView instance)
    {
        bool pongStale = Sim.Now - instance.LastPong > _pingPeriod;
        bool pingStale = instance.LastPing is not { } lastPing || Sim.Now - lastPing > _pingPeriod / 2;
        if (pongStale && pingStale)
        {
            SendPingNow(instance);
        }
    }

    /// <summary>sentinelSendPing: act_ping_time is set only when no earlier PING is still unanswered.</summary>
    private void SendPingNow(InstanceView instance)
    {
        instance.LastPing = Sim.Now;
        instance.ActPing ??= Sim.Now;
        Send(instance.Member, new PingCommand { LinkGeneration = instance.LinkGeneration });
    }

    private void OnPong(InstanceView? instance)
    {
        if (instance is null)
        {
            return;
        }

        instance.LastAvail = Sim.Now;
        instance.LastPong = Sim.Now;
        instance.ActPing = null;
    }
}
