using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Model.Metrics;

/// <summary>
/// Where the writes of a run are counted (Metrics/README.md). Always: a sliding window over the writes still
/// in flight (dense ids from the oldest unresolved one), which tells a client whether a write is pending and feeds each
/// resolution and each application to the <see cref="CompactTally"/>, whose memory does not grow with the number of
/// writes. With <see cref="IsExact"/> (<c>--audit</c>, charts): also the exact per-write ledger, every write's intended
/// start, outcome, completion, acknowledging node and history stamp, column-wise, the oracle the compact tally is
/// checked against.
/// </summary>
public sealed class WriteLedger
{
    private readonly CompactTally _tally;

    // The window: write ids [_low, Count) at slot id & _mask; everything before _low is resolved.
    private long[] _windowStart = new long[1024];
    private long[] _windowStamp = new long[1024];
    private WriteOutcome[] _windowOutcome = new WriteOutcome[1024];
    private int[] _windowClient = new int[1024];
    private long _mask = 1023;
    private long _low;

    // The exact ledger, or null.
    private ChunkedColumn<long>? _intendedStart;
    private ChunkedColumn<long>? _completedAt;
    private ChunkedColumn<WriteOutcome>? _outcome;
    private ChunkedColumn<short>? _client;
    private ChunkedColumn<short>? _ackedBy;
    private ChunkedColumn<long>? _stamp;
    private ChunkedColumn<byte>? _applications;

    // What the WAIT after each acknowledged write answered (WaitVerdict), exact ledger only.
    private ChunkedColumn<WaitVerdict>? _waitVerdict;

    /// <summary>Creates the ledger of one run.</summary>
    /// <param name="exact">Keep every write (the exact ledger) besides the compact tally.</param>
    /// <param name="tally">The compact tally the ledger feeds.</param>
    public WriteLedger(bool exact, CompactTally tally)
    {
        _tally = tally;
        if (exact)
        {
            _intendedStart = new();
            _completedAt = new();
            _outcome = new();
            _client = new();
            _ackedBy = new();
            _stamp = new();
            _applications = new();
            _waitVerdict = new();
        }
    }

    /// <summary>True when every write is kept (the exact ledger): <c>--audit</c>, or charts that draw every write.</summary>
    public bool IsExact => _outcome is not null;

    /// <summary>
    /// True for <c>--audit</c>: every node keeps every history entry, so the final dataset is read entry by entry,
    /// independently of the stamps the compact tally counts with. Otherwise nodes keep their replication window.
    /// </summary>
    public bool IsAudit { get; init; }

    /// <summary>The branches of the run's histories (stamps identify entries across nodes).</summary>
    public StampSource Stamps { get; } = new();

    /// <summary>The stretches without acknowledged writes, overall and per client.</summary>
    public AckGaps Gaps { get; } = new();

    /// <summary>The compact tally.</summary>
    public CompactTally Compact => _tally;

    /// <summary>Writes issued so far.</summary>
    public long Count { get; private set; }

    /// <summary>Writes whose outcome the client has not learned yet.</summary>
    public int PendingCount { get; private set; }

    /// <summary>Writes the window holds now (from the oldest unresolved one): bounded by the command timeout.</summary>
    public long WindowLength => Count - _low;

    /// <summary>Records a new write and returns its id (ids are dense, from 0).</summary>
    public long Issue(int clientIndex, SimTime intendedStart)
    {
        if (Count - _low == _windowOutcome.Length)
        {
            GrowWindow();
        }

        long id = Count++;
        PendingCount++;
        long slot = id & _mask;
        _windowStart[slot] = intendedStart.Nanoseconds;
        _windowStamp[slot] = WriteStamp.None;
        _windowOutcome[slot] = WriteOutcome.Pending;
        _windowClient[slot] = clientIndex;
        Gaps.Issued(clientIndex, intendedStart.Nanoseconds);
        if (_outcome is not null)
        {
            IssueExact(id, clientIndex, intendedStart);
        }

        return id;
    }

    /// <summary>True while the client has not learned the write's outcome.</summary>
    public bool IsPending(long writeId) => writeId >= _low && _windowOutcome[writeId & _mask] == WriteOutcome.Pending;

    /// <summary>
    /// Records the outcome the client learned; later news about the same write is ignored. A write sent more than once
    /// cannot fail for sure: an error reply (or a give-up) ends only the copy it answers, while the first copy, cut off
    /// in flight, may have been applied (it may be in a paused node's socket buffer still), so it ends unknown (Jepsen's
    /// info, not fail) and counts as present if any of its copies survives.
    /// </summary>
    /// <returns>True if this resolved the write.</returns>
    public bool Resolve(long writeId, WriteOutcome outcome, SimTime at, int ackedByNode = -1)
    {
        Invariant.Holds(outcome != WriteOutcome.Pending);
        if (!IsPending(writeId))
        {
            return false;
        }

        if (outcome == WriteOutcome.Failed && _tally.Resent.Count > 0 && _tally.Resent.Contains(writeId))
        {
            outcome = WriteOutcome.Unknown;
        }

        long slot = writeId & _mask;
        long start = _windowStart[slot];
        Invariant.Holds(at.Nanoseconds >= start);
        PendingCount--;
        _windowOutcome[slot] = outcome;
        if (_tally.Resent.Count > 0)
        {
            _tally.Resent.Resolved(writeId, outcome);
        }

        _tally.Resolved(_windowClient[slot], outcome, start, at.Nanoseconds, ackedByNode, _windowStamp[slot]);
        if (outcome == WriteOutcome.Ok)
        {
            Gaps.Acknowledged(_windowClient[slot], at.Nanoseconds);
        }

        if (_outcome is not null)
        {
            _outcome[writeId] = outcome;
            _completedAt![writeId] = at.Nanoseconds;
            _ackedBy![writeId] = checked((short)ackedByNode);
        }

        while (_low < Count && _windowOutcome[_low & _mask] != WriteOutcome.Pending)
        {
            _low++;
        }

        return true;
    }

    /// <summary>The history stamp of a pending write, once a node applied it (none before, or once resolved).</summary>
    public long PendingStamp(long writeId) => IsPending(writeId) ? _windowStamp[writeId & _mask] : WriteStamp.None;

    /// <summary>
    /// The WAIT (or WAITAOF) the client sent after the acknowledged write <paramref name="writeId"/> (applied as
    /// <paramref name="stamp"/>) answered at least what it asked for (<paramref name="confirmed"/>) or less. A write
    /// sent more than once has no single stamp to follow and is left out of both counts.
    /// </summary>
    public void WaitAnswered(long writeId, long stamp, bool confirmed)
    {
        if (stamp == WriteStamp.None || (_tally.Resent.Count > 0 && _tally.Resent.Contains(writeId)))
        {
            return;
        }

        _tally.Waits.Answered(stamp, confirmed);
        if (_waitVerdict is not null)
        {
            _waitVerdict[writeId] = confirmed ? WaitVerdict.Confirmed : WaitVerdict.Short;
        }
    }

    /// <summary>What the WAIT after the write answered (exact ledger only).</summary>
    public WaitVerdict Wait(long writeId) => Exact(_waitVerdict)[writeId];

    /// <summary>
    /// The client sends the pending write again (at least once, assumption A46): from now on a second application of
    /// it is a duplicate, not a bug.
    /// </summary>
    public void Resent(long writeId)
    {
        Invariant.Holds(IsPending(writeId));
        long slot = writeId & _mask;
        _tally.Resent.Resent(writeId, _windowClient[slot], _windowStamp[slot]);
    }

    /// <summary>
    /// A primary applied the write as the history entry <paramref name="stamp"/>. A write sent once is applied at most
    /// once; a re-sent one's later applications are duplicates (<see cref="ResentWrites"/>). Pending: the stamp waits
    /// for the outcome. Already resolved: only an unknown outcome can come before the write is applied (an
    /// acknowledgement follows it; an error reply means the node did not apply it; a write failed in the client's queue
    /// was never sent), so it is an unknown write that reached the dataset. A re-sent write whose copy got an error
    /// reply while the first copy waited in a paused node's socket buffer is one of those (unknown, <see cref="Resolve"/>).
    /// </summary>
    public void Applied(long writeId, long stamp)
    {
        Invariant.Holds(writeId >= 0 && writeId < Count && stamp != WriteStamp.None);
        if (_applications is not null)
        {
            byte applied = _applications[writeId];
            if (applied == 0)
            {
                _stamp![writeId] = stamp;
            }

            _applications[writeId] = applied == byte.MaxValue ? applied : (byte)(applied + 1);
        }

        bool resent = _tally.Resent.Count > 0 && _tally.Resent.Contains(writeId);
        if (resent && _tally.Resent.Applied(writeId, stamp))
        {
            return;
        }

        WriteOutcome known;
        if (writeId >= _low)
        {
            long slot = writeId & _mask;
            known = _windowOutcome[slot];
            if (known == WriteOutcome.Pending)
            {
                Invariant.Holds(_windowStamp[slot] == WriteStamp.None);
                _windowStamp[slot] = stamp;
                return;
            }
        }
        else
        {
            // Outside the window the outcome is forgotten (unknown, by the reasoning above) unless the write was re-sent.
            known = resent ? _tally.Resent.Outcome(writeId) : WriteOutcome.Unknown;
        }

        Invariant.Holds(known == WriteOutcome.Unknown);

        // The exact ledger, when kept, confirms the reasoning above.
        Invariant.Holds(_outcome is null || _outcome[writeId] == known);
        if (known == WriteOutcome.Unknown)
        {
            _tally.UnknownApplied(stamp);
        }
    }

    /// <summary>
    /// Ends the compact tally: writes still pending count as unknown (present if applied and held by
    /// <paramref name="finalDatasets"/>, the converged primaries' lineages: one, one per shard, none when none survived).
    /// </summary>
    public CompactTotals FinishCompact(IReadOnlyList<Lineage> finalDatasets, long nowNanoseconds)
    {
        for (long id = _low; id < Count; id++)
        {
            long slot = id & _mask;
            if (_windowOutcome[slot] == WriteOutcome.Pending)
            {
                _tally.PendingAtEnd(_windowClient[slot], _windowStamp[slot]);
            }
        }

        return _tally.Finish(Count, finalDatasets, nowNanoseconds);
    }

    /// <summary>The write's outcome (exact ledger only).</summary>
    public WriteOutcome Outcome(long writeId) => Exact(_outcome)[writeId];

    /// <summary>When the write was meant to start: a pending write, or any write with the exact ledger.</summary>
    public SimTime IntendedStart(long writeId)
    {
        if (writeId >= _low && writeId < Count)
        {
            return new(_windowStart[writeId & _mask]);
        }

        return new(Exact(_intendedStart)[writeId]);
    }

    /// <summary>When the client learned the outcome (exact ledger only).</summary>
    public SimTime CompletedAt(long writeId) => new(Exact(_completedAt)[writeId]);

    /// <summary>The history entry the write became at a primary, or <see cref="WriteStamp.None"/> (exact ledger only).</summary>
    public long Stamp(long writeId) => Exact(_stamp)[writeId];

    /// <summary>How many times a primary applied the write (exact ledger only): 2 or more for a duplicate.</summary>
    public int Applications(long writeId) => Exact(_applications)[writeId];

    /// <summary>The entries a duplicated write became after its first (<see cref="Stamp"/>); empty for any other.</summary>
    public IReadOnlyList<long> ExtraStamps(long writeId) => _tally.Resent.ExtraStamps(writeId);

    /// <summary>The issuing client's index (exact ledger only).</summary>
    public int Client(long writeId) => Exact(_client)[writeId];

    /// <summary>The acknowledging node's index, or -1 (exact ledger only).</summary>
    public int AckedBy(long writeId) => Exact(_ackedBy)[writeId];

    private static ChunkedColumn<T> Exact<T>(ChunkedColumn<T>? column)
    {
        // Asking a compact ledger about one write is a bug of the caller: only the exact ledger keeps writes.
        Invariant.Holds(column is not null);
        return column;
    }

    private void IssueExact(long id, int clientIndex, SimTime intendedStart)
    {
        Invariant.Holds(id < int.MaxValue);
        _intendedStart!.Grow(id);
        _completedAt!.Grow(id);
        _outcome!.Grow(id);
        _client!.Grow(id);
        _ackedBy!.Grow(id);
        _stamp!.Grow(id);
        _applications!.Grow(id);
        _waitVerdict!.Grow(id);
        _intendedStart[id] = intendedStart.Nanoseconds;
        _outcome[id] = WriteOutcome.Pending;
        _client![id] = checked((short)clientIndex);
        _ackedBy![id] = -1;
        _stamp![id] = WriteStamp.None;
        _applications![id] = 0;
    }

    /// <summary>Doubles the window, keeping each write in id order at its new slot.</summary>
    private void GrowWindow()
    {
        int size = _windowOutcome.Length * 2;
        var start = new long[size];
        var stamp = new long[size];
        var outcome = new WriteOutcome[size];
        var client = new int[size];
        long mask = size - 1;
        for (long id = _low; id < Count; id++)
        {
            start[id & mask] = _windowStart[id & _mask];
            stamp[id & mask] = _windowStamp[id & _mask];
            outcome[id & mask] = _windowOutcome[id & _mask];
            client[id & mask] = _windowClient[id & _mask];
        }

        _windowStart = start;
        _windowStamp = stamp;
        _windowOutcome = outcome;
        _windowClient = client;
        _mask = mask;
    }
}
