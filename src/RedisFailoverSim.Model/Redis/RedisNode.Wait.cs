using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Model.Redis;

/// <summary>
/// <c>WAIT</c> and <c>WAITAOF</c> on the primary (docs/sources.md §16.4, replication.c <c>waitCommand</c>,
/// <c>waitaofCommand</c>, <c>blockForReplication</c>, <c>processClientsWaitingReplicas</c>): the client's offset is
/// that of its last write here (<c>c-&gt;woff</c>); enough replica ACKs at or past it (WAITAOF: replica AOF fsyncs, and
/// the local fsync for <c>numlocal</c>) answer at once, otherwise the client blocks, REPLCONF GETACK goes to every
/// replica, and each ACK re-checks the blocked clients. The timeout answers with the count reached so far; a timeout of
/// 0 blocks for ever. A blocked client's later commands wait until it is answered. A demotion unblocks every waiter
/// with an error (<c>disconnectAllBlockedClients</c>).
/// </summary>
public sealed partial class RedisNode
{
    private const string WaitOnReplica = "ERR WAIT cannot be used with replica instances. Please also note that since Redis 4.0 if a replica is configured to be writable (which is not the default) writes to replicas are just local and are not propagated.";
    private const string WaitAofOnReplica = "ERR WAITAOF cannot be used with replica instances. Please also note that writes to replicas are just local and are not propagated.";
    private const string WaitAofWithoutAof = "ERR WAITAOF cannot be used when numlocal is set but appendonly is disabled.";
    private const string Unblocked = "UNBLOCKED force unblock from blocking operation, instance state changed (master -> replica?)";

    // server.clients_waiting_acks, in the order the clients blocked.
    private readonly List<BlockedWait> _waiting = [];

    // c->woff by client member id: the replication offset right after the client's last write here (0: none yet).
    private long[] _clientWriteOffsets = [];
    private long _lastGetAckAt = -1;

    /// <summary>Clients blocked in WAIT or WAITAOF now.</summary>
    public int BlockedWaitCount => _waiting.Count;

    /// <summary>The offset this node's AOF fsync covers (<c>fsynced_reploff</c>), -1 without an AOF.</summary>
    internal long FsyncedReplOffset => !Disk.AppendOnly ? -1
        : Disk.AppendFsync == AppendFsync.Always ? Offset
        : Disk.AppendFsync == AppendFsync.Everysec ? _aofSynced.Offset
        : _aofLoadedOffset;

    /// <summary>REPLCONF ACK with this node's offset and its AOF's (FACK).</summary>
    private ReplAck Ack() => new(Offset) { AofOffset = FsyncedReplOffset };

    private void RecordClientWrite(MemberId client, long endOffset)
    {
        if (client.Value >= _clientWriteOffsets.Length)
        {
            Array.Resize(ref _clientWriteOffsets, Math.Max(client.Value + 1, _clientWriteOffsets.Length * 2));
        }

        _clientWriteOffsets[client.Value] = endOffset;
    }

    private long ClientWriteOffset(MemberId client) =>
        client.Value < _clientWriteOffsets.Length ? _clientWriteOffsets[client.Value] : 0;

    /// <summary>A blocked client's command waits in its query buffer until the client is unblocked.</summary>
    private bool HoldIfBlocked(Message command)
    {
        for (int i = 0; i < _waiting.Count; i++)
        {
            if (_waiting[i].Request.From == command.From)
            {
                _waiting[i].Held.Enqueue(command);
                return true;
            }
        }

        return false;
    }

    private void OnWait(WaitRequest wait)
    {
        _clientConnections.Add(wait.From.Value);
        if (_waiting.Count > 0 && HoldIfBlocked(wait))
        {
            return;
        }

        long done = Serve(EventLoopCosts.Refused());
        string? error = !IsPrimary ? (wait.Aof ? WaitAofOnReplica : WaitOnReplica)
            : wait.Aof && wait.NumLocal > 0 && !Disk.AppendOnly ? WaitAofWithoutAof
            : null;
        if (error is not null)
        {
            SendAfter(wait.From, new WaitReply(wait.WaitId, 0) { Error = error }, done);
            return;
        }

        var blocked = new BlockedWait(wait, ClientWriteOffset(wait.From));
        if (Counted(blocked, out var reply))
        {
            SendAfter(wait.From, reply, done);
            return;
        }

        _waiting.Add(blocked);
        if (wait.Timeout > SimDuration.Zero)
        {
            Sim.Schedule(SimDuration.FromNanoseconds(done) + wait.Timeout, this, _incarnation, blocked);
        }

        // replicationRequestAckFromReplicas: one REPLCONF GETACK per event-loop iteration, behind the stream so far.
        long at = Sim.Now.Nanoseconds + done;
        if (at != _lastGetAckAt)
        {
            _lastGetAckAt = at;
            for (int i = 0; i < _replicas.Count; i++)
            {
                if (_replicas[i].Online)
                {
                    SendAfter(_replicas[i].Replica, new ReplGetAck(), done);
                }
            }
        }
    }

    /// <summary>The reply when the wait is satisfied now; false when the client must block.</summary>
    private bool Counted(BlockedWait blocked, out WaitReply reply)
    {
        var request = blocked.Request;
        reply = CurrentCount(blocked);
        return reply.Replicas >= request.NumReplicas && reply.Local >= request.NumLocal;
    }

    /// <summary>replicationCountAcksByOffset / replicationCountAOFAcksByOffset: online replicas at or past the offset.</summary>
    private WaitReply CurrentCount(BlockedWait blocked)
    {
        var request = blocked.Request;
        int count = 0;
        for (int i = 0; i < _replicas.Count; i++)
        {
            var link = _replicas[i];
            if (link.Online && (request.Aof ? link.AofAckOffset : link.AckOffset) >= blocked.Offset)
            {
                count++;
            }
        }

        return new WaitReply(request.WaitId, count)
        {
            Local = request.Aof && FsyncedReplOffset >= blocked.Offset ? 1 : 0,
        };
    }

    /// <summary>processClientsWaitingReplicas: after an ACK or a local fsync, answer every client now satisfied.</summary>
    private void ProcessWaitingClients()
    {
        for (int i = 0; i < _waiting.Count; i++)
        {
            var blocked = _waiting[i];
            if (Counted(blocked, out var reply))
            {
                Unblock(blocked, reply);
                i = -1;
            }
        }
    }

    /// <summary>The timeout passed: the count reached so far (replyToBlockedClientTimedOut).</summary>
    private void OnWaitTimeout(BlockedWait blocked)
    {
        if (_waiting.Contains(blocked))
        {
            Unblock(blocked, CurrentCount(blocked));
        }
    }

    /// <summary>A demoted primary unblocks its waiters with an error (disconnectAllBlockedClients).</summary>
    private void UnblockAllWaiters()
    {
        while (_waiting.Count > 0)
        {
            var blocked = _waiting[0];
            Unblock(blocked, new WaitReply(blocked.Request.WaitId, 0) { Error = Unblocked });
        }
    }

    /// <summary>Answers the client, then runs the commands it pipelined behind the WAIT, in order.</summary>
    private void Unblock(BlockedWait blocked, WaitReply reply)
    {
        _waiting.Remove(blocked);
        Reply(blocked.Request.From, reply);
        while (blocked.Held.Count > 0)
        {
            Receive(blocked.Held.Dequeue());
        }
    }

    /// <summary>A client blocked in WAIT or WAITAOF: its request, the offset it waits for, what it sent meanwhile.</summary>
    private sealed class BlockedWait(WaitRequest request, long offset)
    {
        public WaitRequest Request { get; } = request;

        public long Offset { get; } = offset;

        public Queue<Message> Held { get; } = new();
    }
}
