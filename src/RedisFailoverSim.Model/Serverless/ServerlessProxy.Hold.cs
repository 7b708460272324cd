using System.Globalization;
using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Network;
using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Model.Serverless;

/// <summary>
/// The failover behind the proxy (ASSUMPTION A169; AWS calls it transparent to the application, docs/sources.md §5.3,
/// and says nothing of the mechanism). The proxy keeps the writes it forwarded and has not seen answered. When a shard
/// node resets the connection (its process died) the writes in flight to it are held, and so is every later write
/// the dead node refuses; once the shard's route names another node (the managed failover, A23) the proxy re-sends them
/// there, so the client's connection stays up and the write only takes longer. A held write is answered with an error
/// after <see cref="ProxyFailover.Hold"/> (A170), and dropped once its client no longer waits for it (the client timed
/// out or closed the connection: the proxy has nobody to answer). A write in flight at the reset may have been applied
/// by the old primary, so re-sending it is at least once: the ledger counts a second application as a duplicate. The
/// route is re-pointed as the promotion is ordered, so the first re-sent writes can reach the replica before it is
/// primary: a re-sent write answered <c>-READONLY</c> is held again and re-sent every <see cref="RetryInterval"/>
/// until the hold ends. A node that loses power sends no reset: its writes vanish and their clients time out, as before.
/// </summary>
public sealed partial class ServerlessProxy
{
    private static readonly SimTime HeldUntilNone = SimTime.MaxValue;
    private static readonly object ExpiryMarker = new();
    private static readonly object RetryMarker = new();

    // ASSUMPTION A169: a re-sent write the new primary refused as a replica is tried again 10 ms later, the period at
    // which the managed control plane polls a node it is promoting (ManagedControlPlane.PlannedPollPeriod).
    private static readonly SimDuration RetryInterval = SimDuration.FromMilliseconds(10);
    private bool _retryScheduled;
    private bool _expiryNarrated;

    // Writes forwarded to a shard node and not yet answered, by write id. Iterated only after a reset, sorted by id.
    private readonly Dictionary<long, InFlight> _inFlight = [];

    // Writes held for a shard whose primary reset the connection, in the order they were held.
    private readonly List<Held> _held = [];
    private readonly ProxyFailover _failover;
    private SimTime _expiryAt = SimTime.MaxValue;

    /// <summary>Writes held because their shard's primary reset the connection (A169).</summary>
    public long WritesHeld { get; private set; }

    /// <summary>Held writes re-sent to the shard's new primary.</summary>
    public long WritesResentAfterFailover { get; private set; }

    /// <summary>Held writes answered with an error after the hold time (A170).</summary>
    public long WritesHoldExpired { get; private set; }

    private int ShardOf(WriteRequest write) =>
        write.Slot < 0 || _routes.ShardCount == 1 ? 0 : _routes.ShardOfSlot(write.Slot);

    private void SendToShard(MemberId node, WriteRequest write, SimTime heldUntil)
    {
        if (heldUntil == HeldUntilNone && _inFlight.TryGetValue(write.WriteId, out var earlier))
        {
            heldUntil = earlier.HeldUntil;
        }

        _inFlight[write.WriteId] = new InFlight(write, node, heldUntil);
        Send(node, write);
    }

    private void OnShardReset(ConnectionReset reset)
    {
        if (reset.Original is WriteRequest refused)
        {
            // The node's process is down: it never ran the write. Hold it unless it was already taken off the table.
            if (_inFlight.Remove(refused.WriteId, out var entry) && entry.Node == reset.From)
            {
                Hold(refused, reset.From, entry.HeldUntil, mayBeApplied: false);
            }

            return;
        }

        // The connection closed: whatever was in flight on it may or may not have been applied.
        var cut = new List<InFlight>();
        foreach (var entry in _inFlight.Values)
        {
            if (entry.Node == reset.From)
            {
                cut.Add(entry);
            }
        }

        if (cut.Count == 0)
        {
            return;
        }

        cut.Sort(static (a, b) => a.Request.WriteId.CompareTo(b.Request.WriteId));
        int held = 0;
        foreach (var entry in cut)
        {
            _inFlight.Remove(entry.Request.WriteId);
            if (Hold(entry.Request, reset.From, entry.HeldUntil, mayBeApplied: true))
            {
                held++;
            }
        }

        _failover.Recorder.Event(Name, "proxy", string.Create(CultureInfo.InvariantCulture, $"{Name} holds {held} writes that were in flight to {Network.Members[reset.From.Value].Name} when it reset the connection: they go to the shard's next primary (A169)"));
    }

    /// <summary>
    /// Holds the write for its shard's next route (re-sends it at once when the route already names a node other than
    /// <paramref name="failedAt"/>, the reset having crossed the re-pointing); false if its client no longer waits for it.
    /// </summary>
    private bool Hold(WriteRequest write, MemberId failedAt, SimTime heldUntil, bool mayBeApplied)
    {
        var ledger = _failover.Ledger;
        if (!ledger.IsPending(write.WriteId))
        {
            return false;
        }

        if (mayBeApplied)
        {
            // At least once from here: a second application of the write is a duplicate, and an error reply leaves
            // it unknown, not failed (the old primary may have applied it).
            ledger.Resent(write.WriteId);
        }

        var until = heldUntil == HeldUntilNone ? Sim.Now + _failover.Hold : heldUntil;
        if (until <= Sim.Now)
        {
            AnswerExpired(write);
            return true;
        }

        WritesHeld++;
        int shard = ShardOf(write);
        var owner = _routes.OwnerOf(shard);
        if (owner.IsSome && owner != failedAt)
        {
            WritesResentAfterFailover++;
            SendToShard(owner, write, until);
            return true;
        }

        _held.Add(new Held(write, shard, until, Retry: false));
        if (until < _expiryAt)
        {
            _expiryAt = until;
            Sim.ScheduleAt(until, this, _incarnation, ExpiryMarker);
        }

        return true;
    }

    private void OnRepointed(int shard)
    {
        if (_held.Count == 0 || Host != HostState.Up)
        {
            return;
        }

        var owner = _routes.OwnerOf(shard);
        int resent = 0;
        int kept = 0;
        for (int i = 0; i < _held.Count; i++)
        {
            var held = _held[i];
            if (held.Shard != shard || held.Retry || !owner.IsSome)
            {
                _held[kept++] = held;
                continue;
            }

            if (_failover.Ledger.IsPending(held.Request.WriteId))
            {
                SendToShard(owner, held.Request, held.Until);
                resent++;
            }
        }

        _held.RemoveRange(kept, _held.Count - kept);
        if (_held.Count == 0)
        {
            _expiryNarrated = false;
        }

        if (resent > 0)
        {
            WritesResentAfterFailover += resent;
            _failover.Recorder.Event(Name, "proxy", string.Create(CultureInfo.InvariantCulture, $"{Name} re-sent {resent} held writes to {Network.Members[owner.Value].Name}, the shard's new primary (A169)"));
        }
    }

    /// <summary>
    /// A write re-sent after a failover came back <c>-READONLY</c>: the promotion has not reached the node yet. Holds it
    /// for another try; false when its hold is over (the error goes to the client).
    /// </summary>
    private bool TryRetryLater(InFlight sent)
    {
        if (!_failover.Ledger.IsPending(sent.Request.WriteId))
        {
            return true;
        }

        if (Sim.Now >= sent.HeldUntil)
        {
            return false;
        }

        _held.Add(new Held(sent.Request, ShardOf(sent.Request), sent.HeldUntil, Retry: true));
        if (!_retryScheduled)
        {
            _retryScheduled = true;
            Sim.Schedule(RetryInterval, this, _incarnation, RetryMarker);
        }

        return true;
    }

    private void RetryHeld()
    {
        _retryScheduled = false;
        int kept = 0;
        for (int i = 0; i < _held.Count; i++)
        {
            var held = _held[i];
            var owner = held.Retry ? _routes.OwnerOf(held.Shard) : MemberId.None;
            if (!owner.IsSome)
            {
                _held[kept++] = held;
                continue;
            }

            if (_failover.Ledger.IsPending(held.Request.WriteId))
            {
                SendToShard(owner, held.Request, held.Until);
            }
        }

        _held.RemoveRange(kept, _held.Count - kept);
    }

    private void ExpireHeld()
    {
        if (Sim.Now < _expiryAt)
        {
            return;
        }

        _expiryAt = SimTime.MaxValue;
        int expired = 0;
        int kept = 0;
        for (int i = 0; i < _held.Count; i++)
        {
            var held = _held[i];
            if (held.Until > Sim.Now)
            {
                _held[kept++] = held;
                _expiryAt = held.Until < _expiryAt ? held.Until : _expiryAt;
                continue;
            }

            if (_failover.Ledger.IsPending(held.Request.WriteId))
            {
                AnswerExpired(held.Request);
                expired++;
            }
        }

        _held.RemoveRange(kept, _held.Count - kept);
        if (_expiryAt != SimTime.MaxValue)
        {
            Sim.ScheduleAt(_expiryAt, this, _incarnation, ExpiryMarker);
        }

        if (expired > 0 && !_expiryNarrated)
        {
            // Told once per stretch of held writes: each write's hold ends on its own.
            _expiryNarrated = true;
            _failover.Recorder.Event(Name, "proxy", string.Create(CultureInfo.InvariantCulture, $"{Name} answers with an error each write held for {_failover.Hold.TotalMilliseconds / 1000:0.###} s: no new primary came (A170)"));
        }

        if (_held.Count == 0)
        {
            _expiryNarrated = false;
        }
    }

    private void AnswerExpired(WriteRequest write)
    {
        WritesHoldExpired++;
        Invariant.Holds(write.Origin.IsSome);
        Send(write.Origin, new WriteReply(write.WriteId, ReplyKind.Error));
    }

    private void ForgetHeld()
    {
        _inFlight.Clear();
        _held.Clear();
        _expiryAt = SimTime.MaxValue;
        _retryScheduled = false;
    }

    private readonly record struct InFlight(WriteRequest Request, MemberId Node, SimTime HeldUntil);

    private readonly record struct Held(WriteRequest Request, int Shard, SimTime Until, bool Retry);
}
