using RedisFailoverSim.Engine;
using RedisFailoverSim.Model.Network;

namespace RedisFailoverSim.Model.Redis;

/// <summary>Client writes.</summary>
public sealed partial class RedisNode
{
    /// <summary>True unless min-replicas-to-write is on and too few replicas are good (docs/sources.md §1.5).</summary>
    private bool HasEnoughGoodReplicas => _settings.MinReplicasToWrite == 0 || _goodReplicas >= _settings.MinReplicasToWrite;

    private void OnWrite(WriteRequest write)
    {
        _clientConnections.Add(write.From.Value);
        if (_waiting.Count > 0 && HoldIfBlocked(write))
        {
            // The client is blocked in WAIT: its pipelined write waits in its query buffer (docs/sources.md §16.4).
            return;
        }

        if (_heldWrites is not null)
        {
            // CLIENT PAUSE WRITE during a coordinated failover: the write waits (docs/sources.md §1.7).
            _heldWrites.Enqueue(write);
            return;
        }

        if (_options.Extension?.TryRefuse(write) == true || _options.WriteGate?.TryRedirect(write) == true)
        {
            return;
        }

        if (!IsPrimary)
        {
            if (_options.CloseOnReplicaWrite)
            {
                // close-on-slave-write: drop the connection so the client re-resolves (docs/sources.md §4.2).
                _clientConnections.Remove(write.From.Value);
                Send(write.From, new ConnectionReset(write, ResetScope.Client));
                return;
            }

            SendAfter(write.From, new WriteReply(write.WriteId, ReplyKind.ReadOnly) { Origin = write.Origin }, Serve(EventLoopCosts.Refused()));
            return;
        }

        if (!HasEnoughGoodReplicas)
        {
            SendAfter(write.From, new WriteReply(write.WriteId, ReplyKind.NoReplicas) { Origin = write.Origin }, Serve(EventLoopCosts.Refused()));
            return;
        }

        if (_options.Extension is { CanAcknowledge: false })
        {
            // A MemoryDB primary without a log lease cannot acknowledge anything (docs/sources.md §6).
            Send(write.From, new WriteReply(write.WriteId, ReplyKind.Error) { Origin = write.Origin });
            return;
        }

        Invariant.Holds(AcceptsWrites);
        long end = _history.Append(write.WriteId, write.Bytes);
        var entry = _history.Last;
        _ledger.Applied(write.WriteId, entry.Stamp);
        RecordClientWrite(write.From, end);
        AppendToAof();

        // The write takes the thread after what is queued; its reply and its stream leave when it is done (§13.1).
        long done = Serve(EventLoopCosts.Write(write.Bytes, OnlineReplicaCount));
        Propagate(entry, end - write.Bytes, done);
        if (_options.Extension is { } extension)
        {
            // The extension answers once the write is durable (MemoryDB: committed in a quorum of AZs).
            extension.OnWriteApplied(write, entry);
            return;
        }

        SendAfter(write.From, new WriteReply(write.WriteId, ReplyKind.Ok) { Origin = write.Origin }, done);
    }

    /// <summary>
    /// Sends an applied entry to every replica streaming from this node, <paramref name="departure"/> ns from now, in
    /// messages recycled from <see cref="_streamEntries"/>.
    /// </summary>
    private void Propagate(HistoryEntry entry, long previousOffset, long departure)
    {
        for (int i = 0; i < _replicas.Count; i++)
        {
            var link = _replicas[i];
            if (link.Online)
            {
                var message = StreamEntry.Rent(_streamEntries, entry, previousOffset);
                SendAfter(link.Replica, message, departure);
                if (QueuedOverOutputBufferLimit(link, message))
                {
                    CloseOverOutputBufferLimit(i);
                    i--;
                }
            }
        }
    }
}
