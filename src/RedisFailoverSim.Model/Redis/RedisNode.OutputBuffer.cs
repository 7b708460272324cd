using System.Globalization;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;

namespace RedisFailoverSim.Model.Redis;

/// <summary>
/// <c>client-output-buffer-limit replica</c> (docs/sources.md §8.1): the stream a primary has queued for a replica and
/// its bandwidth-bounded interface has not yet sent (A160) is the replica client's output buffer; over the limit, the
/// primary closes the connection and the replica reconnects with PSYNC, as after any broken link (A178).
/// </summary>
public sealed partial class RedisNode
{
    /// <summary>
    /// Records a stream message just queued for <paramref name="link"/> and checks the limit, as
    /// <c>feedReplicationBuffer</c> calls <c>closeClientOnOutputBufferLimitReached</c> for every replica it feeds.
    /// True when the connection must close (<c>checkClientOutputBufferLimits</c>).
    /// </summary>
    private bool QueuedOverOutputBufferLimit(ReplicaLink link, Message message)
    {
        if (message.EgressDoneAt == 0 || _options.Extension is { ReplicasFollowTheLog: true })
        {
            // Sent at once (no bandwidth limit) or dropped on a cut link: nothing waits in the buffer. A node backed by
            // MemoryDB's log (or ElastiCache's durability log) is not held to the limit: its replicas follow the log.
            return false;
        }

        TrackQueued(link, message);
        long now = Sim.Now.Nanoseconds;
        var limit = _settings.ReplicaOutputBufferLimit;
        long pending = link.PendingBytes;

        // A hard limit below repl-backlog-size counts as repl-backlog-size (a partial sync would otherwise be cut off).
        long hardBytes = limit.HardBytes > 0 && limit.HardBytes < _settings.ReplBacklogBytes ? _settings.ReplBacklogBytes : limit.HardBytes;
        bool hard = limit.HardBytes > 0 && pending >= hardBytes;
        bool soft = limit.SoftBytes > 0 && pending >= limit.SoftBytes;

        // The soft limit must hold for more than its seconds, counted in whole seconds as server.unixtime counts them.
        long nowSeconds = now / SimDuration.NanosecondsPerSecond;
        if (!soft)
        {
            link.SoftLimitSinceSeconds = -1;
        }
        else if (link.SoftLimitSinceSeconds < 0)
        {
            link.SoftLimitSinceSeconds = nowSeconds;
            soft = false;
        }
        else if (nowSeconds - link.SoftLimitSinceSeconds <= limit.SoftFor.Nanoseconds / SimDuration.NanosecondsPerSecond)
        {
            soft = false;
        }

        return hard || soft;
    }

    /// <summary>Records a stream message queued for <paramref name="link"/> (a resync's catch-up too) in its output buffer.</summary>
    private void TrackQueued(ReplicaLink link, Message message)
    {
        if (message.EgressDoneAt > 0)
        {
            // Every message goes in (one already sent leaves at the next look), so LastSentArrival covers them all.
            link.SentBy(Sim.Now.Nanoseconds);
            link.Queued(message.EgressDoneAt, message.WireBytes, message.ArrivesAt);
            link.SentBy(Sim.Now.Nanoseconds);
        }
    }

    /// <summary>
    /// Closes replica <paramref name="index"/>'s connection: its unsent output is freed (never sent), the replica sees
    /// the connection close and reconnects with PSYNC from its offset: a partial resync if the backlog still holds
    /// it, else a full sync (with its fork).
    /// </summary>
    private void CloseOverOutputBufferLimit(int index)
    {
        var link = _replicas[index];
        var limit = _settings.ReplicaOutputBufferLimit;
        bool hard = limit.HardBytes > 0 && link.PendingBytes >= Math.Max(limit.HardBytes, _settings.ReplBacklogBytes);
        string why = hard ? "hard limit" : $"soft limit for more than {limit.SoftFor.Nanoseconds / SimDuration.NanosecondsPerSecond} s";
        _recorder.Event(Name, "link", string.Create(CultureInfo.InvariantCulture, $"{Name} closed replica {Network.Members[link.Replica.Value].Name}'s connection: "
            + $"{link.PendingBytes / (1024.0 * 1024.0):0.0} MB of stream unsent, over client-output-buffer-limit replica "
            + $"{limit.Describe()} ({why})"));
        Network.DiscardUnsentStream(Id, link.Replica, link.PendingBytes, link.LastSentArrival);
        Send(link.Replica, new ConnectionReset(null, ResetScope.MasterLink));
        _replicas.RemoveAt(index);
        ReplicasChanged();
    }
}
