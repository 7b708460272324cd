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
        if (_heldWrites is not null)
        {
            // CLIENT PAUSE WRITE during a coordinated failover: the write waits (docs/sources.md §1.7).
            _heldWrites.Enqueue(write);
            return;
        }

        if (_options.Extension?.TryRefuse(write) == true)
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

            Send(write.From, new WriteReply(write.WriteId, ReplyKind.ReadOnly) { Origin = write.Origin });
            return;
        }

        if (!HasEnoughGoodReplicas)
        {
            Send(write.From, new WriteReply(write.WriteId, ReplyKind.NoReplicas) { Origin = write.Origin });
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
        Propagate(entry, end - write.Bytes);
        if (_options.Extension is { } extension)
        {
            // The extension answers once the write is durable (MemoryDB: committed in a quorum of AZs).
            extension.OnWriteApplied(write, entry);
            return;
        }

        Send(write.From, new WriteReply(write.WriteId, ReplyKind.Ok) { Origin = write.Origin });
    }

    /// <summary>Sends an applied entry to every replica streaming from this node.</summary>
    private void Propagate(HistoryEntry entry, long previousOffset)
    {
        for (int i = 0; i < _replicas.Count; i++)
        {
            if (_replicas[i].Online)
            {
                Send(_replicas[i].Replica, new StreamEntry(entry) { PreviousOffset = previousOffset });
            }
        }
    }
}
