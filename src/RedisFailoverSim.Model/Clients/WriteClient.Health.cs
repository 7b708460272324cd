using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Model.Clients;

/// <summary>
/// The connection-health policy (<see cref="ClientSettings.DeadSocket"/>): how a client notices a peer that went silent
/// without a reset (lost power, paused, cut off). Checked on the heartbeat. A Sentinel client connected to every node
/// uses StackExchange.Redis's rule of assumption A39 (<c>WriteClient.Nodes.cs</c>); so does a cluster client's
/// connection to its shard (<see cref="DetectDeadClusterSocket"/>).
/// </summary>
public sealed partial class WriteClient
{
    /// <summary>Drops a connection to a silent peer, by the dead-socket policy.</summary>
    private void CheckSilentConnection()
    {
        switch (_settings.DeadSocket)
        {
            case DeadSocketCheck.StackExchangeHeartbeat:
                CheckEndpointSilence();
                break;
            case DeadSocketCheck.SilentFor:
                CheckSilentFor(_settings.DeadSocketAfter);
                break;
            case DeadSocketCheck.None:
                break;
            default:
                throw new System.Diagnostics.UnreachableException();
        }
    }

    /// <summary>
    /// ASSUMPTION A30: an endpoint client closes and reopens (re-resolving the endpoint) a connection on which a write
    /// timed out and nothing at all arrived for a whole command timeout, as a client's keep-alive would; without it a
    /// client would wait forever on a primary that lost power, which sends no reset.
    /// </summary>
    private void CheckEndpointSilence()
    {
        if (!_discovery.ConnectsToNodes
            && _discovery is not ClusterShardDiscovery
            && State == ClientConnectionState.Connected
            && _lastInFlightTimeout >= _connectedAt
            && Sim.Now - _lastHeard >= _settings.CommandTimeout)
        {
            DropConnection("nothing received for a whole command timeout");
        }
    }

    /// <summary>
    /// ASSUMPTION A39 for a cluster client's connection to its shard: StackExchange.Redis runs the same heartbeat on
    /// every server it holds a connection to (PhysicalBridge.OnHeartbeat, docs/sources.md §3.14), so a shard primary
    /// cut off is dropped when commands timed out on this heartbeat and nothing was read for more than four command
    /// timeouts, in whole seconds, not after A30's one command timeout of silence.
    /// </summary>
    private void DetectDeadClusterSocket(int timedOut)
    {
        if (_settings.DeadSocket != DeadSocketCheck.StackExchangeHeartbeat || timedOut == 0
            || State != ClientConnectionState.Connected)
        {
            return;
        }

        long silentSeconds = (long)Math.Floor((Sim.Now - _lastHeard).TotalSeconds);
        if (silentSeconds * 1000 > 4 * _settings.CommandTimeout.TotalMilliseconds)
        {
            // OnDisconnected(SocketFailure): the next heartbeat reconnects the bridge to the same server (A172).
            DropDeadBridge($"dead socket: no reads in {silentSeconds} s with {timedOut} timeouts");
        }
    }

    /// <summary>A connection with a write unanswered and nothing read for <paramref name="silence"/> is dropped.</summary>
    private void CheckSilentFor(Engine.Time.SimDuration silence)
    {
        PruneAnswered();
        if (State != ClientConnectionState.Connected || _inFlight.Count == 0)
        {
            return;
        }

        if (_tracking)
        {
            if (Find(_target) is { State: ClientConnectionState.Connected } n && Sim.Now - n.LastRead >= silence)
            {
                LoseConnection(n, Network.Members[n.Node.Value].Name + " connection silent");
            }

            return;
        }

        if (Sim.Now - _lastHeard >= silence)
        {
            DropConnection($"nothing read for {(Sim.Now - _lastHeard).TotalSeconds:0.###} s with writes in flight");
        }
    }

    /// <summary>Forgets answered writes at the head of the in-flight queue (the queue's head is then pending).</summary>
    private void PruneAnswered()
    {
        while (_inFlight.Count > 0 && !_ledger.IsPending(_inFlight.Peek().WriteId))
        {
            _inFlight.Dequeue();
        }
    }
}
