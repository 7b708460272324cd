using RedisFailoverSim.Engine;

namespace RedisFailoverSim.Model.Redis;

/// <summary>
/// The identity of one entry of a replication history, independent of which node holds it: the branch (one node's
/// tenure as the writer of a history, handed out by <see cref="StampSource"/>) in the high bits and the entry's
/// sequence number within that branch (1, 2, 3…) in the low bits. An entry keeps its stamp wherever it is copied
/// (stream, PSYNC catch-up, RDB, transaction log), so a dataset is a handful of runs of consecutive stamps
/// (<see cref="Lineage"/>), whatever the number of writes.
/// </summary>
public static class WriteStamp
{
    /// <summary>Bits of the sequence number: 2^40 entries per branch, 2^23 branches per run.</summary>
    public const int SequenceBits = 40;

    /// <summary>No stamp (an entry made before stamps, or a write not applied).</summary>
    public const long None = 0;

    /// <summary>The first stamp of <paramref name="branch"/> (sequence 1; sequence 0 is never used).</summary>
    public static long First(long branch)
    {
        Invariant.Holds(branch > 0 && branch < (1L << (63 - SequenceBits)));
        return (branch << SequenceBits) | 1;
    }

    /// <summary>The stamp after <paramref name="stamp"/> in the same branch.</summary>
    public static long Next(long stamp)
    {
        // Never spills into the next branch: 2^40 entries would take 35 years at 1 000 writes/s.
        Invariant.Holds((stamp & ((1L << SequenceBits) - 1)) != (1L << SequenceBits) - 1);
        return stamp + 1;
    }

    /// <summary>The branch of a stamp.</summary>
    public static long Branch(long stamp) => stamp >> SequenceBits;
}
