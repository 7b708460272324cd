using RedisFailoverSim.Engine;

namespace RedisFailoverSim.Model.TransactionLog;

/// <summary>
/// The leadership term of each log index a node holds, as runs (a term changes only at a failover): memory grows with
/// the number of terms, not of writes. After a snapshot is loaded only the snapshot's last term is known below it
/// (Raft's lastIncludedTerm), which is all the log's consistency check ever asks about a committed prefix.
/// </summary>
public sealed class TermRuns
{
    private readonly List<(long Start, long Term)> _runs = [];
    private long _base;
    private long _baseTerm;

    /// <summary>Indexes held (the last one; indexes start at 1).</summary>
    public long Count { get; private set; }

    /// <summary>Appends the next index with <paramref name="term"/>.</summary>
    public void Add(long term)
    {
        Count++;
        if (_runs.Count == 0 || _runs[^1].Term != term)
        {
            _runs.Add((Count, term));
        }
    }

    /// <summary>The term of <paramref name="index"/> (0 for index 0, the start of the log).</summary>
    public long At(long index)
    {
        Invariant.Holds(index >= 0 && index <= Count);
        if (index <= _base)
        {
            // Below a loaded snapshot only its last index's term is known; the leader never asks about less.
            Invariant.Holds(index == _base);
            return _baseTerm;
        }

        int low = 0;
        int high = _runs.Count - 1;
        while (low < high)
        {
            int mid = (low + high + 1) >>> 1;
            if (_runs[mid].Start <= index)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return _runs[low].Term;
    }

    /// <summary>Keeps the first <paramref name="count"/> indexes.</summary>
    public void TruncateTo(long count)
    {
        Invariant.Holds(count >= _base && count <= Count);
        while (_runs.Count > 0 && _runs[^1].Start > count)
        {
            _runs.RemoveAt(_runs.Count - 1);
        }

        Count = count;
    }

    /// <summary>A snapshot of <paramref name="count"/> indexes whose last has <paramref name="term"/> was loaded.</summary>
    public void ResetTo(long count, long term)
    {
        _runs.Clear();
        _base = count;
        _baseTerm = term;
        Count = count;
    }

    /// <summary>Forgets everything (the node's memory is gone).</summary>
    public void Clear() => ResetTo(0, 0);
}
