namespace RedisFailoverSim.Model.Network;

/// <summary>
/// Something sent over the network from one member to another. Subclasses are the protocol vocabulary of the
/// model (Redis commands and replies, replication stream, Sentinel gossip).
/// </summary>
public abstract class Message
{
    /// <summary>Sender.</summary>
    public MemberId From { get; internal set; }

    /// <summary>Receiver.</summary>
    public MemberId To { get; internal set; }

    /// <summary>The link's cut epoch when it was sent: a cut in between loses the message.</summary>
    internal int LinkEpoch { get; set; }

    /// <summary>When it left the sender (nanoseconds): the retransmission clock of a message a cut held starts there.</summary>
    internal long LeftAt { get; set; }

    /// <summary>
    /// When its last byte left the sender's bandwidth-bounded interface (nanoseconds; 0: the sender's interface is not
    /// bounded): a sender that dies before then never sends it (A160).
    /// </summary>
    internal long EgressDoneAt { get; set; }

    /// <summary>
    /// The link's stream epoch when it was sent: replication stream its sender discarded before its interface sent it
    /// (a replica connection closed over its output buffer limit, docs/sources.md §8.1) never leaves.
    /// </summary>
    internal int StreamEpoch { get; set; }

    /// <summary>When it is due at the receiver (nanoseconds), once on the link.</summary>
    internal long ArrivesAt { get; set; }

    /// <summary>The sender's <see cref="Member.Incarnation"/> when it was sent.</summary>
    internal int FromIncarnation { get; set; }

    /// <summary>The receiver's <see cref="Member.Incarnation"/> when it was sent.</summary>
    internal int ToIncarnation { get; set; }

    /// <summary>
    /// True for data on an established TCP connection whose kernel retransmits it across a cut (docs/sources.md
    /// §11.17): client commands and their replies. Other traffic is dropped at a cut (assumption A35).
    /// </summary>
    public virtual bool RetransmittedAcrossCuts => Traffic == TrafficKind.Client;

    /// <summary>
    /// True for messages on a TCP connection that expects an answer: a dead process's kernel answers them with
    /// a connection reset. False for fire-and-forget traffic.
    /// </summary>
    public virtual bool ResetWhenRefused => true;

    /// <summary>What it carries, for the cross-AZ byte count (A115).</summary>
    public virtual TrafficKind Traffic => TrafficKind.Control;

    /// <summary>The random stream its one-way delay is drawn from (<see cref="DelayStream.Default"/> unless it names another).</summary>
    public virtual DelayStream DelayStream => DelayStream.Default;

    /// <summary>Its payload on the wire, in bytes, for the cross-AZ count (A115; 0 for control traffic).</summary>
    public virtual long WireBytes => 0;

    /// <summary>
    /// Called by the network once the receiver's <see cref="Member.Receive"/> has returned: a message type whose
    /// receivers keep no reference to it may recycle it here. Nothing by default.
    /// </summary>
    internal virtual void Delivered()
    {
    }

    /// <summary>A short name for traces.</summary>
    public virtual string Describe() => GetType().Name;
}
