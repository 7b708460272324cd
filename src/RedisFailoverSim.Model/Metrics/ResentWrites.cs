using RedisFailoverSim.Engine;
using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Model.Metrics;

/// <summary>
/// The writes a client sent more than once (at least once: its commands in flight re-sent after a reconnect,
/// assumption A46), and every history entry each became. Only such a write can be applied twice: the node that had it
/// (or applies it later from its socket buffer, a paused primary that resumes) and the node the copy went to. The
/// first application is counted like any write's (its stamp is the one the tally keeps); later ones are duplicates,
/// kept here, and at the end a duplicated write is present when any of its entries is. Memory grows with the writes
/// re-sent, not with the run (Metrics/README.md): a re-sent write can be applied again at any later time.
/// </summary>
internal sealed class ResentWrites
{
    private readonly Dictionary<long, Entry> _writes = [];

    // Duplicated writes in the order their second application happened (deterministic iteration at the end).
    private readonly List<Entry> _duplicated = [];

    /// <summary>Writes sent more than once so far.</summary>
    public int Count => _writes.Count;

    /// <summary>True if the write was sent more than once.</summary>
    public bool Contains(long writeId) => _writes.ContainsKey(writeId);

    /// <summary>The client sends the pending write again; <paramref name="stamp"/> is its entry so far, or none.</summary>
    public void Resent(long writeId, int client, long stamp)
    {
        if (!_writes.ContainsKey(writeId))
        {
            _writes.Add(writeId, new Entry(client) { FirstStamp = stamp });
        }
    }

    /// <summary>
    /// A node applied a re-sent write as <paramref name="stamp"/>; true if an earlier application exists (a duplicate,
    /// which the tally must not count again).
    /// </summary>
    public bool Applied(long writeId, long stamp)
    {
        var entry = _writes[writeId];
        if (entry.FirstStamp == WriteStamp.None)
        {
            entry.FirstStamp = stamp;
            return false;
        }

        if (entry.Extra is null)
        {
            entry.Extra = [];
            _duplicated.Add(entry);
        }

        entry.Extra.Add(stamp);
        return true;
    }

    /// <summary>Records how a re-sent write ended, as the client learned it.</summary>
    public void Resolved(long writeId, WriteOutcome outcome)
    {
        if (_writes.TryGetValue(writeId, out var entry))
        {
            entry.Outcome = outcome;
        }
    }

    /// <summary>The outcome recorded for a re-sent write (pending until resolved).</summary>
    public WriteOutcome Outcome(long writeId) => _writes[writeId].Outcome;

    /// <summary>Every entry (after the first) of a write applied more than once; empty for any other.</summary>
    public IReadOnlyList<long> ExtraStamps(long writeId) =>
        _writes.TryGetValue(writeId, out var entry) && entry.Extra is { } extra ? extra : [];

    /// <summary>
    /// The duplicates and the corrections the totals need: a duplicated write whose first entry is gone but another
    /// survives is present (an acknowledged one is not lost, an unknown one is present).
    /// </summary>
    public Corrections Finish(StampSet present, StampSet ackedInSplitBrain, ShardTally? shards)
    {
        long acknowledged = 0, notLost = 0, notLostInSplitBrain = 0, unknownPresent = 0;
        foreach (var entry in _duplicated)
        {
            Invariant.Holds(entry.FirstStamp != WriteStamp.None && entry.Extra is { Count: > 0 });
            if (entry.Outcome == WriteOutcome.Ok)
            {
                acknowledged++;
            }

            if (present.Contains(entry.FirstStamp) || !AnyPresent(entry.Extra!, present))
            {
                continue;
            }

            switch (entry.Outcome)
            {
                case WriteOutcome.Ok:
                    notLost++;
                    notLostInSplitBrain += ackedInSplitBrain.Contains(entry.FirstStamp) ? 1 : 0;
                    shards?.PresentByDuplicate(entry.Client);
                    break;
                case WriteOutcome.Unknown or WriteOutcome.Pending:
                    unknownPresent++;
                    break;
                default:
                    break;
            }
        }

        return new Corrections(_duplicated.Count, acknowledged, notLost, notLostInSplitBrain, unknownPresent);
    }

    private static bool AnyPresent(List<long> stamps, StampSet present)
    {
        foreach (long stamp in stamps)
        {
            if (present.Contains(stamp))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What the duplicates change in the totals.</summary>
    /// <param name="Duplicated">Writes applied more than once.</param>
    /// <param name="DuplicatedAcknowledged">Of those, writes acknowledged (once) but applied twice or more.</param>
    /// <param name="NotLost">Acknowledged writes whose first entry is gone but a duplicate survives.</param>
    /// <param name="NotLostInSplitBrain">Of those, writes acknowledged during split brain.</param>
    /// <param name="UnknownPresent">Unknown writes present only through a duplicate.</param>
    internal readonly record struct Corrections(long Duplicated, long DuplicatedAcknowledged, long NotLost, long NotLostInSplitBrain, long UnknownPresent);

    private sealed class Entry(int client)
    {
        public int Client { get; } = client;

        public long FirstStamp { get; set; } = WriteStamp.None;

        public List<long>? Extra { get; set; }

        public WriteOutcome Outcome { get; set; } = WriteOutcome.Pending;
    }
}
