namespace RedisFailoverSim.Model.Network;

/// <summary>
/// A TCP reset: the peer's kernel refused or closed the connection (a dead process, <c>CLIENT KILL</c>,
/// <c>close-on-slave-write</c>). <see cref="Original"/> is the message that was refused, when there was one.
/// </summary>
public sealed class ConnectionReset : Message
{
    /// <summary>Creates a reset of the connections in <paramref name="scope"/>, optionally for a refused message.</summary>
    public ConnectionReset(Message? original, ResetScope scope = ResetScope.All)
    {
        Original = original;
        Scope = scope;
    }

    /// <summary>Which of the receiver's connections to the sender closed.</summary>
    public ResetScope Scope { get; }

    /// <summary>The refused message, or null when an open connection was closed.</summary>
    public Message? Original { get; }

    /// <inheritdoc />
    public override bool ResetWhenRefused => false;

    /// <summary>A reset refusing a message draws its delay as that message did: it is part of the same exchange.</summary>
    public override DelayStream DelayStream => Original?.DelayStream ?? DelayStream.Default;

    /// <summary>
    /// A client connection's close (a FIN, or the RST answering the client's next segment) reaches the client after
    /// a cut heals as its data does (docs/sources.md §11.17); replication links' resets are dropped (A35).
    /// </summary>
    public override bool RetransmittedAcrossCuts => Scope == ResetScope.Client;
}
