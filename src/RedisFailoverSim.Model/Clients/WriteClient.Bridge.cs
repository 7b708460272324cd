using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Model.Clients;

/// <summary>
/// ASSUMPTION A172: a StackExchange.Redis cluster client's connection to a shard is the library's bridge to one server
/// (<c>PhysicalBridge</c>, docs/sources.md §3.17). Dropped as a dead socket (A39, <c>OnDisconnected(SocketFailure)</c>)
/// it is <c>Disconnected</c>, and the next heartbeat reconnects it to the same server ("Resurrecting", <c>TryConnect</c>)
/// without asking for the slot map. Once its TCP connect completes the bridge is <c>ConnectedEstablishing</c>, and the
/// heartbeat ends a handshake in that state only when nothing was written for the keep-alive (60 s), not at the connect
/// timeout, so a handshake a cut holds completes when the cut heals. A connect whose SYN a cut loses still fails at the
/// connect timeout (the SYN's retransmissions are not modelled).
/// </summary>
public sealed partial class WriteClient
{
    // ServerEndPoint: writeEverySeconds = config.KeepAlive > 0 ? config.KeepAlive : 60 (KeepAlive unset is -1; the real
    // client's log says "keep-alive: 00:01:00"). OnHeartbeat disconnects a ConnectedEstablishing bridge past it.
    private static readonly SimDuration BridgeKeepAlive = SimDuration.FromSeconds(60);

    // The server whose bridge the dead-socket rule dropped: the next heartbeat reconnects to it.
    private MemberId _bridgeServer = MemberId.None;

    /// <summary>A cluster shard connection run by StackExchange.Redis's heartbeat (its dead-socket rule, A39).</summary>
    private bool RunsStackExchangeBridge =>
        _discovery is ClusterShardDiscovery && _settings.DeadSocket == DeadSocketCheck.StackExchangeHeartbeat;

    /// <summary>The dead-socket rule fired: the bridge is Disconnected; the next heartbeat resurrects it.</summary>
    private void DropDeadBridge(string why)
    {
        var server = _target;
        _recorder.Event(Name, "client", $"{Name} dropped its connection to {Network.Members[server.Value].Name}: {why}");
        Disconnect(WriteOutcome.Unknown);
        _bridgeServer = server;
        _nextRetry = Sim.Now;
    }

    /// <summary>A heartbeat in Disconnected: reconnects a dropped bridge to its own server; false when none was dropped.</summary>
    private bool TryResurrectBridge()
    {
        if (!_bridgeServer.IsSome)
        {
            return false;
        }

        var server = _bridgeServer;
        _recorder.Event(Name, "client", $"{Name} reconnects to {Network.Members[server.Value].Name} (resurrecting the dropped connection)");
        ConnectTo(server);
        return true;
    }

    /// <summary>
    /// True when a new connection's role check waits on a connected socket: StackExchange.Redis's bridge whose TCP
    /// connect completes (A172). It then waits up to the keep-alive, its bytes held across a cut; otherwise the check
    /// stands for the connect and the connect timeout ends it.
    /// </summary>
    private bool HandshakeWaits(MemberId node) => RunsStackExchangeBridge && Network.CompletesConnect(Id, node);
}
