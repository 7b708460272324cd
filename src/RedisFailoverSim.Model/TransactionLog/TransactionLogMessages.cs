using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;

// The transaction log's protocol: the primary's appends, the log replicas' answers, followers' reads and the
// leadership claims of a failover. Read together, so they share one file (an exception to one-type-per-file).
namespace RedisFailoverSim.Model.TransactionLog;

/// <summary>
/// The primary appends records after <see cref="PrevIndex"/> (whose term must match), or sends none as a heartbeat
/// that renews its lease; it also publishes the index up to which the log has committed. A replica that lacks records
/// the leader no longer holds gets the leader's snapshot first (Raft's InstallSnapshot); <see cref="PrevIndex"/> is then
/// the snapshot's last index.
/// </summary>
public sealed class LogAppend(long term, long prevIndex, long prevTerm, LogRecord[] records, long commitIndex, SimTime sentAt, LogSnapshot? snapshot = null) : Message
{
    /// <summary>The leader's snapshot of the committed prefix, when the replica needs it; null otherwise.</summary>
    public LogSnapshot? Snapshot { get; } = snapshot;

    /// <summary>When the leader sent it: an answer renews the lease from this instant, not from its arrival.</summary>
    public SimTime SentAt { get; } = sentAt;

    /// <summary>The sender's leadership term.</summary>
    public long Term { get; } = term;

    /// <summary>The index just before the first record (0: the start of the log).</summary>
    public long PrevIndex { get; } = prevIndex;

    /// <summary>The term of the record at <see cref="PrevIndex"/> in the sender's log.</summary>
    public long PrevTerm { get; } = prevTerm;

    /// <summary>The records, in log order (shared between receivers; never modified).</summary>
    public LogRecord[] Records { get; } = records;

    /// <summary>The leader's commit index.</summary>
    public long CommitIndex { get; } = commitIndex;

    /// <inheritdoc />
    public override bool ResetWhenRefused => false;

    /// <inheritdoc />
    public override TrafficKind Traffic => TrafficKind.Log;

    /// <inheritdoc />
    /// <remarks>The records at their stream bytes (A115); a snapshot sent along is not counted.</remarks>
    public override long WireBytes => LogRecord.Sum(Records);
}

/// <summary>A log replica's answer to <see cref="LogAppend"/>: durable up to <see cref="MatchIndex"/>, or refused.</summary>
public sealed class LogAppendReply(long term, bool ok, long matchIndex, long conflictIndex, SimTime sentAt) : Message
{
    /// <summary>The <see cref="LogAppend.SentAt"/> of the append this answers.</summary>
    public SimTime SentAt { get; } = sentAt;

    /// <summary>The replica's current term.</summary>
    public long Term { get; } = term;

    /// <summary>True when the records are durable and the log matches the sender's up to <see cref="MatchIndex"/>.</summary>
    public bool Ok { get; } = ok;

    /// <summary>The last index known to match the sender's log.</summary>
    public long MatchIndex { get; } = matchIndex;

    /// <summary>When refused for a gap or mismatch: the index to resend from.</summary>
    public long ConflictIndex { get; } = conflictIndex;

    /// <inheritdoc />
    public override bool ResetWhenRefused => false;
}

/// <summary>A follower asks its AZ's log replica for committed records from <see cref="FromIndex"/> on.</summary>
public sealed class LogRead(long fromIndex) : Message
{
    /// <summary>The first index the follower lacks.</summary>
    public long FromIndex { get; } = fromIndex;

    /// <inheritdoc />
    public override bool ResetWhenRefused => false;
}

/// <summary>Committed records for a follower (an answer to <see cref="LogRead"/>, or pushed when the commit index moves).</summary>
public sealed class LogEntries(long term, long fromIndex, LogRecord[] records, long commitIndex, SimDuration leaderSilence, LogSnapshot? snapshot) : Message
{
    /// <summary>The log's snapshot up to <see cref="FromIndex"/> - 1, when the follower asked for records folded into it.</summary>
    public LogSnapshot? Snapshot { get; } = snapshot;

    /// <summary>The replica's current term.</summary>
    public long Term { get; } = term;

    /// <summary>The index of the first record.</summary>
    public long FromIndex { get; } = fromIndex;

    /// <summary>Committed records from <see cref="FromIndex"/>.</summary>
    public LogRecord[] Records { get; } = records;

    /// <summary>The replica's commit index.</summary>
    public long CommitIndex { get; } = commitIndex;

    /// <summary>How long the replica has not heard from a leader (<see cref="SimDuration.MaxValue"/>: none).</summary>
    public SimDuration LeaderSilence { get; } = leaderSilence;

    /// <inheritdoc />
    public override bool ResetWhenRefused => false;

    /// <inheritdoc />
    public override TrafficKind Traffic => TrafficKind.Log;

    /// <inheritdoc />
    /// <remarks>The records at their stream bytes (A115); a snapshot sent along is not counted.</remarks>
    public override long WireBytes => LogRecord.Sum(Records);
}

/// <summary>
/// A replica claims leadership for <see cref="Term"/> and asks for the records it lacks from <see cref="FromIndex"/>
/// on. A hand-over claim (planned failover) is granted even though the old leader was heard from recently. A
/// pre-vote only asks whether the claim would be granted and changes nothing (Raft's PreVote: a replica cut off
/// from the quorum cannot inflate the term and depose a healthy leader when it reconnects).
/// </summary>
public sealed class LogClaim(long term, long fromIndex, bool handOver, bool preVote) : Message
{
    /// <summary>The term claimed.</summary>
    public long Term { get; } = term;

    /// <summary>The first index the candidate lacks.</summary>
    public long FromIndex { get; } = fromIndex;

    /// <summary>True when the previous leader handed over.</summary>
    public bool HandOver { get; } = handOver;

    /// <summary>True for a pre-vote: would the claim be granted?</summary>
    public bool PreVote { get; } = preVote;

    /// <inheritdoc />
    public override bool ResetWhenRefused => false;
}

/// <summary>A log replica's answer to <see cref="LogClaim"/>: its vote and, when granted, its log's tail.</summary>
public sealed class LogClaimReply(long term, bool preVote, bool granted, long lastIndex, long lastTerm, long fromIndex, LogRecord[] records, LogSnapshot? snapshot) : Message
{
    /// <summary>The replica's snapshot up to <see cref="FromIndex"/> - 1, when the candidate lacks records folded into it.</summary>
    public LogSnapshot? Snapshot { get; } = snapshot;

    /// <summary>True when this answers a pre-vote.</summary>
    public bool PreVote { get; } = preVote;

    /// <summary>The replica's current term (the claimed one when granted).</summary>
    public long Term { get; } = term;

    /// <summary>True when the replica now follows the candidate.</summary>
    public bool Granted { get; } = granted;

    /// <summary>The replica's last index.</summary>
    public long LastIndex { get; } = lastIndex;

    /// <summary>The term of its last record.</summary>
    public long LastTerm { get; } = lastTerm;

    /// <summary>The index of the first record sent.</summary>
    public long FromIndex { get; } = fromIndex;

    /// <summary>Its records from <see cref="FromIndex"/> to its end.</summary>
    public LogRecord[] Records { get; } = records;

    /// <inheritdoc />
    public override bool ResetWhenRefused => false;

    /// <inheritdoc />
    public override TrafficKind Traffic => TrafficKind.Log;

    /// <inheritdoc />
    /// <remarks>The records at their stream bytes (A115); a snapshot sent along is not counted.</remarks>
    public override long WireBytes => LogRecord.Sum(Records);
}

/// <summary>The leader gives up its term (planned failover): the replica may grant a new claim at once.</summary>
public sealed class LogResign(long term) : Message
{
    /// <summary>The term given up.</summary>
    public long Term { get; } = term;

    /// <inheritdoc />
    public override bool ResetWhenRefused => false;
}

/// <summary>The old leader tells its successor to claim leadership now (planned failover).</summary>
public sealed class LogHandOver(long term) : Message
{
    /// <summary>The term the old leader gave up.</summary>
    public long Term { get; } = term;

    /// <inheritdoc />
    public override bool ResetWhenRefused => false;
}
