using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;

namespace RedisFailoverSim.Model.Redis;

/// <summary>The master's view of one replica attached to it.</summary>
internal sealed class ReplicaLink
{
    public ReplicaLink(MemberId replica, SimTime since, long syncToken)
    {
        Replica = replica;
        Since = since;
        LastAck = since;
        SyncToken = syncToken;
    }

    public MemberId Replica { get; }

    /// <summary>Online = receives the stream; otherwise a full sync is being prepared.</summary>
    public bool Online { get; set; }

    public SimTime Since { get; }

    public long AckOffset { get; set; }

    /// <summary>The offset the replica's AOF fsync covers (REPLCONF ACK's FACK), -1 without an AOF.</summary>
    public long AofAckOffset { get; set; } = -1;

    public SimTime LastAck { get; set; }

    /// <summary>Identifies the full sync in progress, so a stale timer cannot finish a newer one.</summary>
    public long SyncToken { get; }

    // The stream queued for this replica that its master's bandwidth-bounded interface has not yet sent (A160): when
    // each message's last byte leaves (nanoseconds) and its bytes, oldest first, in a ring that grows to the backlog.
    private long[] _queuedDoneAt = new long[16];
    private long[] _queuedBytes = new long[16];
    private long[] _queuedArrivesAt = new long[16];
    private int _queuedHead;
    private int _queuedCount;

    /// <summary>Bytes queued for the replica and not yet sent: Redis's output buffer of the replica client.</summary>
    public long PendingBytes { get; private set; }

    /// <summary>When the last stream message the interface has sent is due at the replica (nanoseconds).</summary>
    public long LastSentArrival { get; private set; }

    /// <summary>The whole second at which the pending output first reached the soft limit; -1 when under it.</summary>
    public long SoftLimitSinceSeconds { get; set; } = -1;

    /// <summary>Records a stream message queued for the replica that leaves the interface at <paramref name="doneAt"/> ns.</summary>
    public void Queued(long doneAt, long bytes, long arrivesAt)
    {
        if (_queuedCount == _queuedDoneAt.Length)
        {
            Grow();
        }

        int tail = (_queuedHead + _queuedCount) % _queuedDoneAt.Length;
        _queuedDoneAt[tail] = doneAt;
        _queuedBytes[tail] = bytes;
        _queuedArrivesAt[tail] = arrivesAt;
        _queuedCount++;
        PendingBytes += bytes;
    }

    /// <summary>Forgets what the interface has sent by <paramref name="now"/> ns; <see cref="PendingBytes"/> is then what is left.</summary>
    public void SentBy(long now)
    {
        while (_queuedCount > 0 && _queuedDoneAt[_queuedHead] <= now)
        {
            PendingBytes -= _queuedBytes[_queuedHead];
            LastSentArrival = Math.Max(LastSentArrival, _queuedArrivesAt[_queuedHead]);
            _queuedHead = (_queuedHead + 1) % _queuedDoneAt.Length;
            _queuedCount--;
        }
    }

    private void Grow()
    {
        var doneAt = new long[_queuedDoneAt.Length * 2];
        var bytes = new long[doneAt.Length];
        var arrivesAt = new long[doneAt.Length];
        for (int i = 0; i < _queuedCount; i++)
        {
            int from = (_queuedHead + i) % _queuedDoneAt.Length;
            doneAt[i] = _queuedDoneAt[from];
            bytes[i] = _queuedBytes[from];
            arrivesAt[i] = _queuedArrivesAt[from];
        }

        _queuedDoneAt = doneAt;
        _queuedBytes = bytes;
        _queuedArrivesAt = arrivesAt;
        _queuedHead = 0;
    }
}
