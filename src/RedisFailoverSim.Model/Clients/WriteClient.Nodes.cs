using RedisFailoverSim.Engine.Random;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Model.Clients;

/// <summary>
/// A Sentinel client with a connection to every node, as StackExchange.Redis's multiplexer keeps one bridge per server
/// the Sentinels list (assumption A37). Writes go to the first node, in the order the client learned them (the
/// Sentinels' primary, then the other nodes), that reports <c>role:master</c> and answered the last reconfiguration;
/// with several, the first wins ("Election: Multiple primaries detected... Choosing primary arbitrarily"), which is
/// how clients return to an old primary that answers again (calibration README, differences 2 and 3).
/// </summary>
public sealed partial class WriteClient
{
    private static readonly object ReconfigureDeadline = new();
    private NodeConnection[] _nodes = [];
    private bool _tracking;
    private bool _reconfiguring;
    private long _reconfiguration;

    /// <summary>True for a Sentinel client that keeps a connection to every node (assumption A37).</summary>
    private bool TracksEveryNode => _discovery.ConnectsToNodes && _settings.ConnectToEveryNode && _discovery.Nodes.Count > 0;

    /// <summary>The Sentinels named <paramref name="advertised"/>: know it first, then every other node, and connect to all.</summary>
    private void BeginTracking(MemberId advertised)
    {
        var nodes = _discovery.Nodes;
        var known = new List<NodeConnection> { new(advertised) };
        for (int i = 0; i < nodes.Count; i++)
        {
            if (nodes[i] != advertised)
            {
                known.Add(new NodeConnection(nodes[i]));
            }
        }

        ListReplicasAsTheSentinelDoes(known);
        _nodes = [.. known];
        _tracking = true;
        SeedServerSelection();
        State = ClientConnectionState.Connecting;
        QueueFor(advertised);
        Reconfigure("first connection");
    }

    /// <summary>
    /// ASSUMPTION A171: a Sentinel lists a primary's replicas (SENTINEL REPLICAS) in its dictionary's order, which a hash
    /// seed drawn at the process's start makes random per Sentinel process (measured: six restarts of one Sentinel over the
    /// same two replicas listed them one way five times, the other once); the model draws one order per Sentinel, the same
    /// for every client that asked it. The client's server list is the primary, then the replicas so listed.
    /// </summary>
    private void ListReplicasAsTheSentinelDoes(List<NodeConnection> known)
    {
        var sentinel = _discovery.AnsweringSentinel;
        if (!sentinel.IsSome || known.Count <= 2)
        {
            return;
        }

        // Derived, not registered: every client asking this Sentinel draws the same order.
        var order = new RandomStream(RandomStreams.DeriveSeed(Sim.Random.MasterSeed, "sentinel.replica-listing", sentinel.Value));
        for (int i = known.Count - 1; i > 1; i--)
        {
            int j = 1 + order.Next(i);
            (known[i], known[j]) = (known[j], known[i]);
        }
    }

    /// <summary>
    /// StackExchange.Redis's ReconfigureAsync: ask every node its role (connecting where there is no connection) and
    /// decide once all answered or connect-timeout passed; a node that did not answer is left out (ASSUMPTION A38:
    /// it is marked unresponsive until it answers again). Writes keep their route meanwhile. A request while one runs
    /// is skipped, as StackExchange.Redis's ReconfigureIfNeeded skips it (A171).
    /// </summary>
    private void Reconfigure(string cause)
    {
        if (_reconfiguring)
        {
            // ReconfigureIfNeeded: "Configuration change skipped; already in progress via ..." (not queued, A171).
            return;
        }

        _reconfiguring = true;
        _reconfiguration++;
        bool waiting = false;
        for (int i = 0; i < _nodes.Length; i++)
        {
            var n = _nodes[i];
            n.Probing = false;
            if (n.State == ClientConnectionState.Connected)
            {
                Send(n.Node, new RoleRequest());
                n.Probing = true;
            }
            else if (n.State == ClientConnectionState.Connecting)
            {
                n.Probing = true;
            }
            else if (Sim.Now >= n.NextAttemptAt)
            {
                AttemptConnection(n);
                n.Probing = true;
            }

            waiting |= n.Probing;
        }

        if (waiting)
        {
            Sim.Schedule(_settings.ConnectTimeout, this, _reconfiguration, ReconfigureDeadline);
        }
        else
        {
            Decide();
        }
    }

    private void OnReconfigureDeadline(long reconfiguration)
    {
        if (_reconfiguring && reconfiguration == _reconfiguration)
        {
            Decide();
        }
    }

    /// <summary>
    /// Elects the primary: the first node known that reports <c>role:master</c> and answered
    /// (<c>NominatePreferredPrimary</c> without a tie-breaker). The other primaries that answered are set aside as
    /// redundant, those that answered as replicas are cleared, and a node that did not answer keeps its flags
    /// (assumption A171).
    /// </summary>
    private void Decide()
    {
        _reconfiguring = false;
        NodeConnection? chosen = null;
        int primaries = 0;
        for (int i = 0; i < _nodes.Length; i++)
        {
            var n = _nodes[i];
            if (n.Probing)
            {
                n.Probing = false;
                n.Unresponsive = true;
            }

            if (n.State != ClientConnectionState.Connected || n.Unresponsive)
            {
                continue;
            }

            if (!n.ReportsPrimary)
            {
                n.RedundantPrimary = false;
                continue;
            }

            primaries++;
            chosen ??= n;
            n.RedundantPrimary = n != chosen;
        }

        // With no primary StackExchange.Redis keeps routing to the last one (a disconnected server's backlog).
        if (chosen is null && State != ClientConnectionState.Connected)
        {
            State = ClientConnectionState.Disconnected;
        }
        else if (chosen is not null && (chosen.Node != _target || State != ClientConnectionState.Connected))
        {
            string name = Network.Members[chosen.Node.Value].Name;
            BecomeConnected(chosen.Node, primaries > 1
                ? $"{Name} found {primaries} nodes reporting role:master and kept {name}, the first it knows"
                : $"{Name} connected to primary {name}");
        }
    }

    /// <summary>A node answered ROLE: a new or restored connection, or an answer to a reconfiguration.</summary>
    private void OnNodeRole(RoleReply role)
    {
        var n = Find(role.From);
        if (n is null)
        {
            return;
        }

        bool restored = n.State != ClientConnectionState.Connected;
        bool roleChanged = n.ReportsPrimary != role.IsPrimary;
        n.State = ClientConnectionState.Connected;
        n.LastRead = Sim.Now;
        n.FailedAttempts = 0;
        n.Unresponsive = false;
        n.ReportsPrimary = role.IsPrimary;

        // ASSUMPTION A38: with no connected primary (writes waiting on a lost connection's backlog), a connection
        // whose handshake reports role:master takes the writes at once, reconfiguration or not: StackExchange.Redis
        // selects a connected primary before falling back to a disconnected server's backlog.
        if (role.IsPrimary && State == ClientConnectionState.Disconnected)
        {
            BecomeConnected(n.Node, $"{Name} connected to primary {Network.Members[n.Node.Value].Name}, the only connected node reporting role:master");
        }

        if (_reconfiguring && n.Probing)
        {
            n.Probing = false;
            if (!AnyProbing())
            {
                Decide();
            }

            return;
        }

        // StackExchange.Redis reconfigures when a connection is restored and when a server's role changes (SetConfig →
        // ReconfigureIfNeeded); a node whose replies simply resume (a pause ends, a partition heals) changes nothing
        // (assumption A171: measured, such a node kept its share of the writes until its demotion).
        if (restored || roleChanged)
        {
            Reconfigure(Network.Members[n.Node.Value].Name + (restored ? " reconnected" : " changed role"));
        }
    }

    /// <summary>A node closed or refused a connection (CLIENT KILL, a dead process).</summary>
    private void OnNodeReset(ConnectionReset reset)
    {
        var n = Find(reset.From);
        if (n is null || n.State == ClientConnectionState.Disconnected)
        {
            return;
        }

        LoseConnection(n, Network.Members[n.Node.Value].Name + " connection lost");
    }

    /// <summary>
    /// A node connection ended: a connect that was pending failed, a connection that was up reconnects at the next
    /// heartbeat; if writes were routed on it, those in flight become unknown and new ones wait on its backlog.
    /// </summary>
    private void LoseConnection(NodeConnection n, string cause)
    {
        bool refused = n.State == ClientConnectionState.Connecting;
        n.State = ClientConnectionState.Disconnected;
        FailWritesOnOtherPrimary(n.Node);
        if (refused)
        {
            ConnectFailed(n);
        }
        else
        {
            // A connection that was up reconnects at the next heartbeat (its last attempt is long past).
            n.NextAttemptAt = Sim.Now;
        }

        if (_reconfiguring && n.Probing)
        {
            n.Probing = false;
            if (!AnyProbing())
            {
                Decide();
            }
        }

        if (n.Node == _target && State == ClientConnectionState.Connected)
        {
            // The primary's connection failed: writes in flight on it are lost, new ones wait on it (assumption A36).
            Disconnect(WriteOutcome.Unknown);
            Reconfigure(cause);
        }
    }

    /// <summary>
    /// ASSUMPTION A39: StackExchange.Redis's heartbeat declares the routed connection dead when commands timed out on
    /// this heartbeat and nothing was read on it for more than four command timeouts (whole seconds: "Dead socket
    /// detected, no reads in 21 seconds ... issuing disconnect" with a 5 s timeout), and drops it like any lost
    /// connection. A paused or cut-off primary is dropped so, well before Sentinel promotes another node.
    /// </summary>
    private void DetectDeadSocket(int timedOut)
    {
        if (State == ClientConnectionState.Connected && Find(_target) is { } n)
        {
            DropIfDead(n, timedOut);
        }
    }

    /// <summary>A39's rule on one node connection: <paramref name="timedOut"/> writes on it timed out this heartbeat.</summary>
    private void DropIfDead(NodeConnection n, int timedOut)
    {
        if (_settings.DeadSocket != DeadSocketCheck.StackExchangeHeartbeat || timedOut == 0 || n.State != ClientConnectionState.Connected)
        {
            return;
        }

        long silentSeconds = (long)Math.Floor((Sim.Now - n.LastRead).TotalSeconds);
        if (silentSeconds * 1000 <= 4 * _settings.CommandTimeout.TotalMilliseconds)
        {
            return;
        }

        string name = Network.Members[n.Node.Value].Name;
        _recorder.Event(Name, "client", $"{Name} found its connection to {name} dead: no reads in {silentSeconds} s with {timedOut} timeouts");
        LoseConnection(n, name + " connection dead");
    }

    /// <summary>-READONLY: the node is a replica now; reconfigure.</summary>
    private void OnReadOnly(MemberId node)
    {
        var n = Find(node);
        if (n is null || !n.ReportsPrimary)
        {
            return;
        }

        n.ReportsPrimary = false;
        _recorder.Event(Name, "client", $"{Name} got -READONLY from {Network.Members[node.Value].Name}: reconfiguring");
        Reconfigure(Network.Members[node.Value].Name + " is read-only");
    }

    /// <summary>
    /// Every heartbeat: reconnect closed connections whose retry time has come, give up connects that took a whole
    /// connect-timeout, and (ASSUMPTION A38) ask again a node that did not answer, standing for the bytes TCP keeps
    /// retransmitting on an open connection: a paused node that resumes or a partition that heals is heard within a
    /// heartbeat.
    /// </summary>
    private void MaintainNodeConnections()
    {
        for (int i = 0; i < _nodes.Length; i++)
        {
            var n = _nodes[i];
            switch (n.State)
            {
                case ClientConnectionState.Connecting when Sim.Now - n.AttemptedAt >= _settings.ConnectTimeout:
                    n.State = ClientConnectionState.Disconnected;
                    ConnectFailed(n);
                    break;
                case ClientConnectionState.Disconnected when Sim.Now >= n.NextAttemptAt:
                    AttemptConnection(n);
                    break;
                case ClientConnectionState.Connected when n.Unresponsive && !n.Probing:
                    Send(n.Node, new RoleRequest());
                    break;
                default:
                    break;
            }
        }
    }

    private void AttemptConnection(NodeConnection n)
    {
        n.State = ClientConnectionState.Connecting;
        n.AttemptedAt = Sim.Now;
        Network.OpenConnection(Id, n.Node);
        Send(n.Node, new RoleRequest());
    }

    private void ConnectFailed(NodeConnection n)
    {
        n.FailedAttempts++;
        n.NextAttemptAt = n.AttemptedAt + _discovery.NodeReconnectDelay(n.FailedAttempts);
    }

    private bool AnyProbing()
    {
        for (int i = 0; i < _nodes.Length; i++)
        {
            if (_nodes[i].Probing)
            {
                return true;
            }
        }

        return false;
    }

    private NodeConnection? Find(MemberId node)
    {
        for (int i = 0; i < _nodes.Length; i++)
        {
            if (_nodes[i].Node == node)
            {
                return _nodes[i];
            }
        }

        return null;
    }
}
