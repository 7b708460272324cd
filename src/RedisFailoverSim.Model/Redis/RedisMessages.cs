using RedisFailoverSim.Engine;
using RedisFailoverSim.Model.Network;

// The Redis protocol vocabulary of the model: commands, replies and the replication stream. These small
// message types are read together, so they share one file (an exception to one-type-per-file).
namespace RedisFailoverSim.Model.Redis;

/// <summary>How a node answered a client command.</summary>
public enum ReplyKind
{
    /// <summary><c>+OK</c> / integer reply: the write was applied.</summary>
    Ok,

    /// <summary><c>-READONLY You can't write against a read only replica.</c> (docs/sources.md §1.1)</summary>
    ReadOnly,

    /// <summary><c>-NOREPLICAS Not enough good replicas to write.</c> (docs/sources.md §1.5)</summary>
    NoReplicas,

    /// <summary><c>-LOADING</c>: a replica loading a full sync.</summary>
    Loading,

    /// <summary>Another error (e.g. a MemoryDB primary without a log quorum, a throttled Serverless request).</summary>
    Error,

    /// <summary><c>-MOVED slot host:port</c>: another node serves the slot (<see cref="WriteReply.RedirectTo"/>, docs/sources.md §3.2).</summary>
    Moved,

    /// <summary><c>-CLUSTERDOWN The cluster is down</c>: the node's cluster state is FAIL (docs/sources.md §3.2).</summary>
    ClusterDown,

    /// <summary>
    /// <c>-ASK slot host:port</c>: the slot is migrating and the key has moved to <see cref="WriteReply.RedirectTo"/>;
    /// ask there once, after <c>ASKING</c> (docs/sources.md §5.2). Only a Serverless proxy receives it (A162).
    /// </summary>
    Ask,
}

/// <summary>A client's <c>SADD</c> of a unique element.</summary>
public sealed class WriteRequest(long writeId, int bytes) : Message
{
    /// <summary>The write.</summary>
    public long WriteId { get; } = writeId;

    /// <summary>Size in bytes.</summary>
    public int Bytes { get; } = bytes;

    /// <summary>The key's hash slot, for a cluster (-1: not in cluster mode).</summary>
    /// <remarks>A Serverless proxy sets it from the key it draws for the write (A164).</remarks>
    public int Slot { get; internal set; } = -1;

    /// <summary>The key's index in the scenario's key space, when a Serverless proxy drew it (A164); -1 otherwise.</summary>
    public int Key { get; internal set; } = -1;

    /// <summary>Sent after <c>ASKING</c>: a node importing the slot serves it (docs/sources.md §5.2).</summary>
    public bool Asking { get; internal set; }

    /// <summary>
    /// The client that issued the write, when a proxy forwards it (the network re-addresses the request from the
    /// proxy); none when the client sent it itself. The node echoes it in its reply, so the proxy needs no table of
    /// requests in flight.
    /// </summary>
    public MemberId Origin { get; internal set; } = MemberId.None;

    /// <inheritdoc />
    public override TrafficKind Traffic => TrafficKind.Client;

    /// <inheritdoc />
    /// <remarks>The command as sent: value plus command overhead (A2), the same bytes the stream carries.</remarks>
    public override long WireBytes => Bytes;
}

/// <summary>The answer to a <see cref="WriteRequest"/>.</summary>
public sealed class WriteReply(long writeId, ReplyKind kind) : Message
{
    /// <summary>The write.</summary>
    public long WriteId { get; } = writeId;

    /// <summary>Success or which error.</summary>
    public ReplyKind Kind { get; } = kind;

    /// <summary>
    /// The node that applied the write, when the reply was relayed (a Serverless proxy); none means the sender.
    /// </summary>
    public MemberId AckedBy { get; init; } = MemberId.None;

    /// <summary>The request's <see cref="WriteRequest.Origin"/>, echoed: whom a proxy relays the reply to.</summary>
    public MemberId Origin { get; init; } = MemberId.None;

    /// <summary>For <see cref="ReplyKind.Moved"/>: the node the slot's owner is, in the answering node's view.</summary>
    public MemberId RedirectTo { get; init; } = MemberId.None;

    /// <summary>For a redirection answered to a proxy: the request, which the proxy re-sends (A162).</summary>
    public WriteRequest? Request { get; init; }

    /// <inheritdoc />
    public override bool ResetWhenRefused => false;

    /// <inheritdoc />
    public override TrafficKind Traffic => TrafficKind.Client;

    /// <inheritdoc />
    /// <remarks>The RESP reply line (A115): SADD's <c>:1\r\n</c>, or the error line.</remarks>
    public override long WireBytes => Kind switch
    {
        ReplyKind.Ok => ":1\r\n".Length,
        ReplyKind.ReadOnly => "-READONLY You can't write against a read only replica.\r\n".Length,
        ReplyKind.NoReplicas => "-NOREPLICAS Not enough good replicas to write.\r\n".Length,
        ReplyKind.Loading => "-LOADING Redis is loading the dataset in memory\r\n".Length,
        ReplyKind.Moved => "-MOVED 16383 255.255.255.255:6379\r\n".Length,
        ReplyKind.ClusterDown => "-CLUSTERDOWN The cluster is down\r\n".Length,
        ReplyKind.Ask => "-ASK 16383 255.255.255.255:6379\r\n".Length,
        _ => "-ERR\r\n".Length,
    };
}

/// <summary>A client connecting and asking <c>ROLE</c>.</summary>
public sealed class RoleRequest : Message
{
    /// <summary>
    /// Sent on a connection whose TCP connect completed (a StackExchange.Redis bridge's handshake, assumption A172): its
    /// sender's kernel retransmits it across a cut like any client command; otherwise it stands for the connect itself,
    /// which a cut loses.
    /// </summary>
    public bool OnConnectedSocket { get; init; }

    /// <inheritdoc />
    public override bool RetransmittedAcrossCuts => OnConnectedSocket;
}

/// <summary>The answer to <c>ROLE</c>.</summary>
public sealed class RoleReply(bool isPrimary) : Message
{
    /// <summary>True for <c>master</c>.</summary>
    public bool IsPrimary { get; } = isPrimary;

    /// <inheritdoc />
    public override bool ResetWhenRefused => false;
}

/// <summary><c>PSYNC replid offset</c> from a replica.</summary>
public sealed class PsyncRequest(long replId, long offset) : Message
{
    /// <summary>The history the replica claims.</summary>
    public long ReplId { get; } = replId;

    /// <summary>Its offset in that history.</summary>
    public long Offset { get; } = offset;
}

/// <summary><c>+CONTINUE</c>: partial resync accepted; the missing entries follow.</summary>
public sealed class PsyncContinue(long replId, HistoryEntry[] missing) : Message
{
    /// <summary>The master's current replication id (the replica adopts it).</summary>
    public long ReplId { get; } = replId;

    /// <summary>Entries after the replica's offset.</summary>
    public HistoryEntry[] Missing { get; } = missing;

    /// <summary>The replica's offset the entries continue (-1: not stated).</summary>
    public long FromOffset { get; init; } = -1;

    /// <inheritdoc />
    public override bool ResetWhenRefused => false;

    /// <inheritdoc />
    public override TrafficKind Traffic => TrafficKind.Replication;

    /// <inheritdoc />
    public override long WireBytes => Missing.Length == 0 || FromOffset < 0 ? 0 : Missing[^1].EndOffset - FromOffset;
}

/// <summary><c>+FULLRESYNC</c>: the snapshot follows after the sync delay and transfer.</summary>
public sealed class FullResyncStart(long replId, long offset) : Message
{
    /// <summary>The master's replication id.</summary>
    public long ReplId { get; } = replId;

    /// <summary>The snapshot's offset.</summary>
    public long Offset { get; } = offset;

    /// <inheritdoc />
    public override bool ResetWhenRefused => false;
}

/// <summary>The RDB payload of a full sync: the whole dataset, then the stream continues.</summary>
public sealed class RdbPayload(long replId, History snapshot) : Message
{
    /// <summary>The master's replication id.</summary>
    public long ReplId { get; } = replId;

    /// <summary>The dataset.</summary>
    public History Snapshot { get; } = snapshot;

    /// <inheritdoc />
    public override bool ResetWhenRefused => false;

    /// <inheritdoc />
    public override TrafficKind Traffic => TrafficKind.FullSync;

    /// <inheritdoc />
    /// <remarks>The stream bytes the snapshot stands for (A115), without the base dataset a run starts with.</remarks>
    public override long WireBytes => Snapshot.Offset;
}

/// <summary>One write on the replication stream.</summary>
/// <remarks>
/// The most frequent message (one per write and replica), so a primary recycles them: <see cref="Delivered"/> puts
/// one back in its sender's pool once the replica has applied it, and the next write takes it from there. A replica
/// keeps only the <see cref="HistoryEntry"/> value, never the message. A message lost on a cut link, or held while
/// its receiver is paused, is simply left to the garbage collector.
/// </remarks>
public sealed class StreamEntry : Message
{
    private readonly Stack<StreamEntry>? _pool;
    private long _previousOffset = -1;
    private bool _pooled;

    /// <summary>An entry that follows <paramref name="entry"/>'s write, outside any pool.</summary>
    public StreamEntry(HistoryEntry entry)
    {
        Entry = entry;
    }

    private StreamEntry(Stack<StreamEntry> pool)
    {
        _pool = pool;
    }

    /// <summary>The write and the offset after it.</summary>
    public HistoryEntry Entry { get; private set; }

    /// <summary>The stream offset just before this entry (-1: not stated), for the stream-gap check.</summary>
    public long PreviousOffset
    {
        get => _previousOffset;
        init => _previousOffset = value;
    }

    /// <inheritdoc />
    public override bool ResetWhenRefused => false;

    /// <inheritdoc />
    public override TrafficKind Traffic => TrafficKind.Replication;

    /// <inheritdoc />
    public override long WireBytes => PreviousOffset < 0 ? 0 : Entry.EndOffset - PreviousOffset;

    /// <summary>An entry from <paramref name="pool"/> (a new one when it is empty), carrying <paramref name="entry"/>.</summary>
    internal static StreamEntry Rent(Stack<StreamEntry> pool, HistoryEntry entry, long previousOffset)
    {
        var message = pool.Count > 0 ? pool.Pop() : new StreamEntry(pool);
        Invariant.Holds(message._pooled || message.Entry == default);
        message._pooled = false;
        message.Entry = entry;
        message._previousOffset = previousOffset;
        return message;
    }

    /// <inheritdoc />
    internal override void Delivered()
    {
        if (_pool is not null)
        {
            // Delivered once per send: a message pooled twice would be sent to two replicas at once.
            Invariant.Holds(!_pooled);
            _pooled = true;
            _pool.Push(this);
        }
    }
}

/// <summary><c>REPLCONF ACK offset</c>, every second from a replica.</summary>
public sealed class ReplAck(long offset) : Message
{
    /// <summary>The replica's processed offset.</summary>
    public long Offset { get; } = offset;

    /// <summary>
    /// <c>REPLCONF ACK offset FACK aofoffset</c> (7.2): the offset the replica's AOF fsync covers, -1 without an AOF
    /// (docs/sources.md §16.4).
    /// </summary>
    public long AofOffset { get; init; } = -1;

    /// <inheritdoc />
    public override bool ResetWhenRefused => false;
}

/// <summary>The master's <c>PING</c> on the replication link (every repl-ping-replica-period).</summary>
public sealed class ReplPing : Message
{
    /// <summary>The master's offset when it sent the ping (-1: not stated), for the stream-gap check.</summary>
    public long MasterOffset { get; init; } = -1;

    /// <inheritdoc />
    public override bool ResetWhenRefused => false;
}

/// <summary><c>PING</c> from a monitor (Sentinel, a control plane's health check).</summary>
public sealed class PingCommand : Message
{
    /// <summary>The sender's connection number, so a refusal can be matched to the connection it closed.</summary>
    public int LinkGeneration { get; init; }
}

/// <summary>A valid <c>PING</c> reply (<c>+PONG</c>).</summary>
public sealed class PongReply : Message
{
    /// <inheritdoc />
    public override bool ResetWhenRefused => false;
}

/// <summary><c>INFO</c> from a monitor.</summary>
public sealed class InfoRequest : Message
{
    /// <summary>The sender's connection number, so a refusal can be matched to the connection it closed.</summary>
    public int LinkGeneration { get; init; }
}

/// <summary>The fields of <c>INFO replication</c> / <c>INFO server</c> a monitor uses.</summary>
public sealed class InfoReply : Message
{
    /// <summary><c>run_id</c>: changes at every restart.</summary>
    public required string RunId { get; init; }

    /// <summary><c>role:master</c>.</summary>
    public required bool IsPrimary { get; init; }

    /// <summary><c>master_host</c> for a replica, or none.</summary>
    public required MemberId Master { get; init; }

    /// <summary><c>master_link_status:up</c>.</summary>
    public required bool MasterLinkUp { get; init; }

    /// <summary>How long the master link has been down (zero when up).</summary>
    public required Engine.Time.SimDuration MasterLinkDownFor { get; init; }

    /// <summary><c>master_repl_offset</c> / <c>slave_repl_offset</c>.</summary>
    public required long Offset { get; init; }

    /// <summary><c>slave_priority</c>.</summary>
    public required int ReplicaPriority { get; init; }

    /// <inheritdoc />
    public override bool ResetWhenRefused => false;
}

/// <summary><c>REPLICAOF host port</c> (<see cref="Master"/> set) or <c>REPLICAOF NO ONE</c> (none), with <c>CONFIG REWRITE</c>.</summary>
public sealed class ReplicaOfCommand(MemberId master) : Message
{
    /// <summary>The master to follow, or none to become a primary.</summary>
    public MemberId Master { get; } = master;
}

/// <summary><c>CLIENT KILL TYPE normal</c>: close every client connection.</summary>
public sealed class ClientKillCommand : Message
{
}

/// <summary>
/// <c>FAILOVER TO host port TIMEOUT ms</c> (docs/sources.md §1.7): the primary pauses writes, waits until the target replica
/// has the whole stream, then swaps roles with it. Used by managed control planes for planned replacements.
/// </summary>
public sealed class FailoverCommand(MemberId target, Engine.Time.SimDuration timeout) : Message
{
    /// <summary>The replica to hand the primary role to.</summary>
    public MemberId Target { get; } = target;

    /// <summary>How long to wait for the replica to catch up before giving up and resuming writes.</summary>
    public Engine.Time.SimDuration Timeout { get; } = timeout;
}

/// <summary><c>REPLCONF GETACK *</c>: the master asks a replica to acknowledge its offset now.</summary>
public sealed class ReplGetAck : Message
{
    /// <inheritdoc />
    public override bool ResetWhenRefused => false;
}
