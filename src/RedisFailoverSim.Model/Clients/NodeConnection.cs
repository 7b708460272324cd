using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;

namespace RedisFailoverSim.Model.Clients;

/// <summary>
/// A Sentinel client's connection to one node (a StackExchange.Redis server bridge, assumption A37): whether it is
/// up, the role the node last reported on it, and whether it answered the client's last reconfiguration.
/// </summary>
internal sealed class NodeConnection(MemberId node)
{
    /// <summary>The node.</summary>
    public MemberId Node { get; } = node;

    /// <summary>Disconnected, Connecting (a ROLE sent on a new connection) or Connected.</summary>
    public ClientConnectionState State { get; set; } = ClientConnectionState.Disconnected;

    /// <summary>The role the node reported last (<c>role:master</c>).</summary>
    public bool ReportsPrimary { get; set; }

    /// <summary>The current reconfiguration waits for this node's answer.</summary>
    public bool Probing { get; set; }

    /// <summary>The node did not answer a reconfiguration in time; it is not chosen until it answers again.</summary>
    public bool Unresponsive { get; set; }

    /// <summary>When the last connect attempt started.</summary>
    public SimTime AttemptedAt { get; set; }

    /// <summary>No connect attempt before this time (ExponentialRetry after failed attempts).</summary>
    public SimTime NextAttemptAt { get; set; }

    /// <summary>When anything last arrived on the connection (a reply or a ROLE answer).</summary>
    public SimTime LastRead { get; set; }

    /// <summary>
    /// A reconfiguration heard this node report role:master and elected another (StackExchange.Redis's
    /// <c>UnselectableFlags.RedundantPrimary</c>): no write is routed to it until a reconfiguration elects it or hears it
    /// as a replica (assumption A171).
    /// </summary>
    public bool RedundantPrimary { get; set; }

    /// <summary>Writes routed to this node (not the elected one) that timed out on the current heartbeat.</summary>
    public int TimedOutThisBeat { get; set; }

    /// <summary>Connect attempts failed in a row.</summary>
    public int FailedAttempts { get; set; }
}
