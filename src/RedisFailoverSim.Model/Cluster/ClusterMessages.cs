using RedisFailoverSim.Model.Network;

// The cluster bus vocabulary of the model (docs/sources.md §3.3-§3.5) and the client's CLUSTER SLOTS. These small
// message types are read together, so they share one file (an exception to one-type-per-file).
namespace RedisFailoverSim.Model.Cluster;

/// <summary>A node's flags about another node as the sender sees them, in a gossip entry.</summary>
[Flags]
public enum PeerFlags : byte
{
    /// <summary>Reachable.</summary>
    None = 0,

    /// <summary>PFAIL: the sender's ping to it is outstanding longer than the node timeout.</summary>
    PossiblyFailing = 1,

    /// <summary>FAIL: a majority of primaries agreed.</summary>
    Failing = 2,
}

/// <summary>One gossip section: a node, its flags and its last pong time (whole seconds) in the sender's view.</summary>
/// <param name="Node">The node's cluster index.</param>
/// <param name="Flags">PFAIL / FAIL as the sender sees it.</param>
/// <param name="PongSeconds">When the sender last had a pong from it, in whole seconds (the wire carries seconds).</param>
public readonly record struct GossipEntry(int Node, PeerFlags Flags, long PongSeconds);

/// <summary>The header every bus message carries: the sender's epochs, role, claimed slots and offset.</summary>
public abstract class ClusterBusMessage : Message
{
    /// <summary>The sender's cluster index.</summary>
    public int Sender { get; private set; }

    /// <summary>The sender's <c>currentEpoch</c>.</summary>
    public long CurrentEpoch { get; private set; }

    /// <summary>The <c>configEpoch</c> of the sender (its primary's, when a replica).</summary>
    public long ConfigEpoch { get; private set; }

    /// <summary>True when the sender is a primary.</summary>
    public bool SenderIsPrimary { get; private set; }

    /// <summary>The sender's primary (cluster index) when a replica, else -1.</summary>
    public int SenderMaster { get; private set; }

    /// <summary>The shard whose slots the sender (or its primary) claims, or -1 for none.</summary>
    public int ClaimedShard { get; private set; }

    /// <summary>The sender's replication offset.</summary>
    public long Offset { get; private set; }

    /// <summary>
    /// <c>CLUSTERMSG_FLAG0_PAUSED</c>: the sender is a primary whose writers are paused for a manual failover, so
    /// <see cref="Offset"/> is where its stream stops (docs/sources.md §3.9).
    /// </summary>
    public bool Paused { get; private set; }

    /// <summary>
    /// <c>CLUSTERMSG_MIN_LEN</c>: the fixed header every bus message carries before its data, 2,256 bytes (the 2,048-byte
    /// slot bitmap among them; <c>offsetof(clusterMsg, data) == 2256</c>, docs/sources.md §15.9).
    /// </summary>
    public const long HeaderBytes = 2256;

    /// <inheritdoc />
    public override bool ResetWhenRefused => false;

    /// <inheritdoc />
    /// <remarks>The header alone: FAILOVER_AUTH_REQUEST, FAILOVER_AUTH_ACK and MFSTART carry no data.</remarks>
    public override long WireBytes => HeaderBytes;

    /// <summary>Fills the header from the sender's state at sending time (clusterBuildMessageHdr in cluster.c).</summary>
    internal void SetHeader(int sender, long currentEpoch, long configEpoch, bool senderIsPrimary, int senderMaster, int claimedShard, long offset, bool paused)
    {
        Paused = paused;
        Sender = sender;
        CurrentEpoch = currentEpoch;
        ConfigEpoch = configEpoch;
        SenderIsPrimary = senderIsPrimary;
        SenderMaster = senderMaster;
        ClaimedShard = claimedShard;
        Offset = offset;
    }
}

/// <summary><c>PING</c> / <c>PONG</c> on the bus, with gossip sections (docs/sources.md §3.3).</summary>
public sealed class ClusterPing : ClusterBusMessage
{
    /// <summary>True for a PONG (a reply, or a broadcast after a promotion).</summary>
    public required bool IsPong { get; init; }

    /// <summary>
    /// True for a PONG answering the receiver's PING: it arrives on the receiver's own link, the only kind that clears
    /// its outstanding ping (<c>!link->inbound</c>, docs/sources.md §3.3); a broadcast PONG does not.
    /// </summary>
    public bool IsReply { get; init; }

    /// <summary>The gossip sections.</summary>
    public required GossipEntry[] Gossip { get; init; }

    /// <summary><c>sizeof(clusterMsgDataGossip)</c>: 104 bytes a gossip section.</summary>
    public const long GossipBytes = 104;

    /// <summary>The shard-id ping extension every PING/PONG carries: its 8-byte header and the 40-byte id.</summary>
    public const long ShardIdExtensionBytes = 8 + 40;

    /// <inheritdoc />
    /// <remarks>The header, the gossip sections and the shard-id extension (writePingExt; no hostname is announced).</remarks>
    public override long WireBytes => HeaderBytes + (GossipBytes * Gossip.Length) + ShardIdExtensionBytes;

    /// <inheritdoc />
    public override string Describe() => IsPong ? "PONG" : "PING";
}

/// <summary><c>FAIL</c>: the named node is failing; receivers flag it FAIL at once (docs/sources.md §3.3).</summary>
public sealed class ClusterFail : ClusterBusMessage
{
    /// <summary>The failing node's cluster index.</summary>
    public required int Failing { get; init; }

    /// <inheritdoc />
    /// <remarks>The header and the failing node's 40-byte name (<c>clusterMsgDataFail</c>).</remarks>
    public override long WireBytes => HeaderBytes + 40;
}

/// <summary><c>UPDATE</c>: the true owner of slots the receiver claims with an older configEpoch (docs/sources.md §3.5).</summary>
public sealed class ClusterUpdate : ClusterBusMessage
{
    /// <summary>The shard.</summary>
    public required int Shard { get; init; }

    /// <summary>Its owner's cluster index.</summary>
    public required int Owner { get; init; }

    /// <summary>The owner's configEpoch.</summary>
    public required long OwnerEpoch { get; init; }

    /// <inheritdoc />
    /// <remarks>The header and <c>clusterMsgDataUpdate</c>: configEpoch, the owner's name and its slot bitmap.</remarks>
    public override long WireBytes => HeaderBytes + 8 + 40 + 2048;
}

/// <summary><c>FAILOVER_AUTH_REQUEST</c> from a replica asking primaries for their vote (docs/sources.md §3.4).</summary>
public sealed class FailoverAuthRequest : ClusterBusMessage
{
    /// <summary>
    /// <c>CLUSTERMSG_FLAG0_FORCEACK</c>: a manual failover, so primaries vote although its primary is not FAIL
    /// (docs/sources.md §3.9).
    /// </summary>
    public bool ForceAck { get; init; }
}

/// <summary><c>MFSTART</c>: a replica asks its primary to pause its writers for a manual failover (docs/sources.md §3.9).</summary>
public sealed class ManualFailoverStart : ClusterBusMessage
{
}

/// <summary><c>FAILOVER_AUTH_ACK</c>: a primary's vote.</summary>
public sealed class FailoverAuthAck : ClusterBusMessage
{
}

/// <summary>A client's <c>CLUSTER SLOTS</c>.</summary>
public sealed class ClusterSlotsRequest : Message
{
    /// <summary>The client's request number, echoed: negative for a periodic topology check (A174).</summary>
    public required long Attempt { get; init; }

    /// <summary>A periodic check's question draws its delay from its own stream, so the check shifts no other delay.</summary>
    public override DelayStream DelayStream => Attempt < 0 ? DelayStream.TopologyCheck : DelayStream.Default;
}

/// <summary>The answer to <c>CLUSTER SLOTS</c>: each shard's owner in the answering node's view.</summary>
public sealed class ClusterSlotsReply : Message
{
    /// <summary>The request number.</summary>
    public required long Attempt { get; init; }

    /// <summary>Owner member of each shard's slot range.</summary>
    public required MemberId[] Owners { get; init; }

    /// <inheritdoc />
    public override bool ResetWhenRefused => false;

    /// <summary>The answer to a periodic check draws from the check's stream, as its question did.</summary>
    public override DelayStream DelayStream => Attempt < 0 ? DelayStream.TopologyCheck : DelayStream.Default;
}
