using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;

namespace RedisFailoverSim.Model.Clients;

/// <summary>
/// The kernel's own limit on a connection whose peer stopped acknowledging (docs/sources.md §11.14): a client with
/// no command timeout of its own (redis-py's default) across a cut does not wait forever. Linux retransmits the
/// unacknowledged bytes with a doubling timeout and fails the socket with ETIMEDOUT after about 924.6 s
/// (tcp_retries2 = 15); the client then sees a connection error and reconnects. A paused peer's kernel still
/// acknowledges, and a dead process's answers with a reset, so only a cut link or a powered-off host counts.
/// </summary>
public sealed partial class WriteClient
{
    private static readonly object TcpGiveUpTimer = new();

    // ASSUMPTION A51: the connection's RTO is TCP_RTO_MIN (200 ms): a LAN's round trip is far below it.
    private static readonly SimDuration TcpGiveUp = TcpRetransmission.GiveUpAfter(TcpRetransmission.RtoMin);
    private long _tcpUnackedToken;
    private bool _tcpUnacked;

    /// <summary>True when nothing the client sends to <paramref name="node"/> can be acknowledged by its kernel.</summary>
    private bool PeerCannotAcknowledge(MemberId node) =>
        Network.IsCut(Id, node) || Network.IsCut(node, Id) || Network.Members[node.Value].Host == HostState.PoweredOff;

    /// <summary>
    /// A write leaves on the connection: if the peer cannot acknowledge it, the kernel's retransmission clock starts
    /// (ASSUMPTION A52: at the first write sent while the peer cannot acknowledge, or the heartbeat that first finds
    /// one in flight; a write sent just before the cut started it up to that much earlier).
    /// </summary>
    private void StartTcpClockIfUnacknowledged()
    {
        if (_tcpUnacked || !_target.IsSome || !PeerCannotAcknowledge(_target))
        {
            return;
        }

        _tcpUnacked = true;
        _tcpUnackedToken++;
        Sim.Schedule(TcpGiveUp, this, _tcpUnackedToken, TcpGiveUpTimer);
    }

    /// <summary>The peer acknowledges again (a heal), or the connection closed: the retransmission clock stops.</summary>
    private void StopTcpClock()
    {
        if (_tcpUnacked)
        {
            _tcpUnacked = false;
            _tcpUnackedToken++;
        }
    }

    /// <summary>Every heartbeat: stop the clock once the peer can acknowledge, start it for writes cut off in flight.</summary>
    private void CheckTcpClock()
    {
        if (State != ClientConnectionState.Connected || !_target.IsSome)
        {
            StopTcpClock();
            return;
        }

        if (_tcpUnacked && !PeerCannotAcknowledge(_target))
        {
            StopTcpClock();
        }
        else
        {
            PruneAnswered();
            if (_inFlight.Count > 0)
            {
                StartTcpClockIfUnacknowledged();
            }
        }
    }

    /// <summary>The retransmissions ran out: the socket fails with ETIMEDOUT and the client sees a connection error.</summary>
    private void OnTcpGiveUp(long token)
    {
        if (token != _tcpUnackedToken || !_tcpUnacked)
        {
            return;
        }

        _tcpUnacked = false;
        PruneAnswered();
        if (State != ClientConnectionState.Connected || _inFlight.Count == 0 || !PeerCannotAcknowledge(_target))
        {
            return;
        }

        string why = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"no TCP acknowledgement for {TcpGiveUp.TotalSeconds:0.0} s: the kernel gave up after tcp_retries2 = {TcpRetransmission.DefaultRetries2} retransmissions (ETIMEDOUT)");
        if (_tracking)
        {
            if (Find(_target) is { State: ClientConnectionState.Connected } n)
            {
                _recorder.Event(Name, "client", $"{Name}: {why}");
                LoseConnection(n, why);
            }

            return;
        }

        DropConnection(why);
    }
}
