using RedisFailoverSim.Engine;
using RedisFailoverSim.Model.Metrics;

namespace RedisFailoverSim.Model.Redis;

/// <summary>
/// A dataset as the stamps of its entries, in dataset order, kept as runs of consecutive stamps: a node that only
/// ever followed one primary holds one run, and every branch switch (a failover, a resync onto another history, a
/// hole the stream left) adds one. Memory grows with those events, never with the number of writes.
/// </summary>
public sealed class Lineage
{
    private long[] _low = new long[4];
    private long[] _high = new long[4];

    /// <summary>Runs held.</summary>
    public int RunCount { get; private set; }

    /// <summary>Entries described (the sum of the runs' lengths).</summary>
    public long Count { get; private set; }

    /// <summary>The last entry's stamp, or <see cref="WriteStamp.None"/> when empty.</summary>
    public long LastStamp => RunCount == 0 ? WriteStamp.None : _high[RunCount - 1];

    /// <summary>Run <paramref name="index"/>: its first and last stamp.</summary>
    public (long Low, long High) Run(int index)
    {
        Invariant.Holds((uint)index < (uint)RunCount);
        return (_low[index], _high[index]);
    }

    /// <summary>Adds the next entry of the dataset.</summary>
    public void Append(long stamp)
    {
        Invariant.Holds(stamp != WriteStamp.None);
        Count++;
        if (RunCount > 0 && _high[RunCount - 1] + 1 == stamp)
        {
            _high[RunCount - 1] = stamp;
            return;
        }

        if (RunCount == _low.Length)
        {
            Array.Resize(ref _low, RunCount * 2);
            Array.Resize(ref _high, RunCount * 2);
        }

        _low[RunCount] = stamp;
        _high[RunCount] = stamp;
        RunCount++;
    }

    /// <summary>Keeps the first <paramref name="count"/> entries.</summary>
    public void TruncateTo(long count)
    {
        Invariant.Holds(count >= 0 && count <= Count);
        while (Count > count)
        {
            long length = _high[RunCount - 1] - _low[RunCount - 1] + 1;
            long excess = Count - count;
            if (excess >= length)
            {
                RunCount--;
                Count -= length;
            }
            else
            {
                _high[RunCount - 1] -= excess;
                Count -= excess;
            }
        }
    }

    /// <summary>Forgets every entry.</summary>
    public void Clear()
    {
        RunCount = 0;
        Count = 0;
    }

    /// <summary>Becomes a copy of the first <paramref name="count"/> entries of <paramref name="other"/>.</summary>
    public void CopyFrom(Lineage other, long count)
    {
        if (_low.Length < other.RunCount)
        {
            _low = new long[other._low.Length];
            _high = new long[other._high.Length];
        }

        Array.Copy(other._low, _low, other.RunCount);
        Array.Copy(other._high, _high, other.RunCount);
        RunCount = other.RunCount;
        Count = other.Count;
        TruncateTo(count);
    }

    /// <summary>Entries the two datasets share from the start, position by position.</summary>
    public long CommonPrefix(Lineage other)
    {
        long common = 0;
        int i = 0;
        while (i < RunCount && i < other.RunCount && _low[i] == other._low[i])
        {
            long high = Math.Min(_high[i], other._high[i]);
            common += high - _low[i] + 1;
            if (_high[i] != other._high[i])
            {
                break;
            }

            i++;
        }

        return common;
    }

    /// <summary>
    /// The stamps as a sorted set (for membership counts). Runs are sorted first: a dataset's branches need not come
    /// in stamp order, and an entry held twice (which the model never produces) would count once, as a write id would.
    /// </summary>
    public StampSet ToSet()
    {
        var runs = new (long Low, long High)[RunCount];
        for (int i = 0; i < RunCount; i++)
        {
            runs[i] = (_low[i], _high[i]);
        }

        Array.Sort(runs);
        var set = new StampSet();
        long low = 0, high = -1;
        foreach (var run in runs)
        {
            if (high >= low && run.Low <= high + 1)
            {
                high = Math.Max(high, run.High);
                continue;
            }

            if (high >= low)
            {
                set.AddRange(low, high);
            }

            (low, high) = run;
        }

        if (high >= low)
        {
            set.AddRange(low, high);
        }

        return set;
    }
}
