using RedisFailoverSim.Engine;

namespace RedisFailoverSim.Model.Metrics;

/// <summary>
/// A set of entry stamps as sorted, disjoint intervals, adjacent ones merged: the acknowledged writes of a run are a
/// few intervals per history branch, split only where a write of another fate (unknown, still pending) sits between
/// them, so the set stays small however many writes it holds. Deterministic: no hashing, no enumeration order.
/// </summary>
public sealed class StampSet
{
    private long[] _low = new long[8];
    private long[] _high = new long[8];

    /// <summary>Intervals held.</summary>
    public int IntervalCount { get; private set; }

    /// <summary>Stamps held.</summary>
    public long Count { get; private set; }

    /// <summary>Adds a stamp that is not in the set yet.</summary>
    public void Add(long stamp) => AddRange(stamp, stamp);

    /// <summary>Adds the stamps <paramref name="low"/>..<paramref name="high"/>, none of which is in the set yet.</summary>
    public void AddRange(long low, long high)
    {
        Invariant.Holds(low <= high);
        int n = IntervalCount;

        // Fast path: acknowledgements mostly arrive in stamp order, extending the last interval.
        if (n > 0 && _high[n - 1] + 1 == low)
        {
            _high[n - 1] = high;
            Count += high - low + 1;
            return;
        }

        // The first interval starting after low; the one before it (if any) starts at or before low.
        int next = UpperBound(low);
        int previous = next - 1;
        Invariant.Holds(previous < 0 || _high[previous] < low);
        Invariant.Holds(next >= n || _low[next] > high);
        bool joinsPrevious = previous >= 0 && _high[previous] + 1 == low;
        bool joinsNext = next < n && _low[next] == high + 1;
        Count += high - low + 1;
        if (joinsPrevious && joinsNext)
        {
            _high[previous] = _high[next];
            RemoveAt(next);
        }
        else if (joinsPrevious)
        {
            _high[previous] = high;
        }
        else if (joinsNext)
        {
            _low[next] = low;
        }
        else
        {
            InsertAt(next, low, high);
        }
    }

    /// <summary>True when the set holds <paramref name="stamp"/>.</summary>
    public bool Contains(long stamp)
    {
        int i = UpperBound(stamp) - 1;
        return i >= 0 && _high[i] >= stamp;
    }

    /// <summary>How many stamps the two sets share (a merge walk over both interval lists).</summary>
    public long CountShared(StampSet other)
    {
        long shared = 0;
        int i = 0, j = 0;
        while (i < IntervalCount && j < other.IntervalCount)
        {
            long low = Math.Max(_low[i], other._low[j]);
            long high = Math.Min(_high[i], other._high[j]);
            if (low <= high)
            {
                shared += high - low + 1;
            }

            if (_high[i] < other._high[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return shared;
    }

    /// <summary>Adds every stamp of <paramref name="other"/> (disjoint from this set).</summary>
    public void AddAll(StampSet other)
    {
        for (int i = 0; i < other.IntervalCount; i++)
        {
            AddRange(other._low[i], other._high[i]);
        }
    }

    /// <summary>Index of the first interval starting after <paramref name="value"/>.</summary>
    private int UpperBound(long value)
    {
        int low = 0, high = IntervalCount;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (_low[mid] <= value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private void InsertAt(int index, long low, long high)
    {
        if (IntervalCount == _low.Length)
        {
            Array.Resize(ref _low, IntervalCount * 2);
            Array.Resize(ref _high, IntervalCount * 2);
        }

        Array.Copy(_low, index, _low, index + 1, IntervalCount - index);
        Array.Copy(_high, index, _high, index + 1, IntervalCount - index);
        _low[index] = low;
        _high[index] = high;
        IntervalCount++;
    }

    private void RemoveAt(int index)
    {
        Array.Copy(_low, index + 1, _low, index, IntervalCount - index - 1);
        Array.Copy(_high, index + 1, _high, index, IntervalCount - index - 1);
        IntervalCount--;
    }
}
