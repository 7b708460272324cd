using RedisFailoverSim.Engine;

namespace RedisFailoverSim.Model.Redis;

/// <summary>
/// A node's dataset as the ordered list of writes it applied since its last full sync. Every write adds a
/// unique element to a set, so the dataset is exactly this list's write ids; the replication offset is the
/// last entry's end offset (or the base offset of the snapshot it started from).
/// </summary>
public sealed class History
{
    private HistoryEntry[] _entries;

    /// <summary>An empty history starting at <paramref name="baseOffset"/>.</summary>
    public History(long baseOffset = 0, int capacity = 256)
    {
        _entries = new HistoryEntry[Math.Max(capacity, 16)];
        BaseOffset = baseOffset;
    }

    /// <summary>Offset before the first entry.</summary>
    public long BaseOffset { get; private set; }

    /// <summary>Entries held.</summary>
    public int Count { get; private set; }

    /// <summary>The replication offset after the last entry.</summary>
    public long Offset => Count == 0 ? BaseOffset : _entries[Count - 1].EndOffset;

    /// <summary>Entry <paramref name="index"/>.</summary>
    public HistoryEntry this[int index]
    {
        get
        {
            Invariant.Holds((uint)index < (uint)Count);
            return _entries[index];
        }
    }

    /// <summary>Appends a write of <paramref name="bytes"/> bytes and returns the new offset.</summary>
    public long Append(long writeId, int bytes)
    {
        long end = Offset + bytes;
        Add(new HistoryEntry(writeId, end));
        return end;
    }

    /// <summary>Appends an entry received on the replication stream; it must continue this history.</summary>
    public void Add(HistoryEntry entry)
    {
        Invariant.Holds(entry.EndOffset > Offset);
        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        _entries[Count++] = entry;
    }

    /// <summary>The index of the first entry ending after <paramref name="offset"/> (Count when none).</summary>
    public int IndexAfter(long offset)
    {
        int low = 0;
        int high = Count;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (_entries[mid].EndOffset <= offset)
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

    /// <summary>True when <paramref name="offset"/> is the end of an entry (or the base): a replica can stand there.</summary>
    public bool HasBoundaryAt(long offset)
    {
        if (offset == BaseOffset)
        {
            return true;
        }

        int i = IndexAfter(offset - 1);
        return i < Count && _entries[i].EndOffset == offset;
    }

    /// <summary>Entries from <paramref name="startIndex"/> to the end, copied (for a catch-up batch).</summary>
    public HistoryEntry[] CopyFrom(int startIndex)
    {
        var copy = new HistoryEntry[Count - startIndex];
        Array.Copy(_entries, startIndex, copy, 0, copy.Length);
        return copy;
    }

    /// <summary>A snapshot of the first <paramref name="count"/> entries (an RDB for a full sync).</summary>
    public History Snapshot(int count)
    {
        Invariant.Holds(count <= Count);
        var copy = new History(BaseOffset, count);
        Array.Copy(_entries, copy._entries, count);
        copy.Count = count;
        return copy;
    }

    /// <summary>Replaces this history with a copy of <paramref name="other"/> (loading an RDB).</summary>
    public void ReplaceWith(History other)
    {
        if (_entries.Length < other.Count)
        {
            _entries = new HistoryEntry[other._entries.Length];
        }

        Array.Copy(other._entries, _entries, other.Count);
        Array.Clear(_entries, other.Count, Math.Max(0, Count - other.Count));
        Count = other.Count;
        BaseOffset = other.BaseOffset;
    }

    /// <summary>Empties the history (memory lost), starting again at <paramref name="baseOffset"/>.</summary>
    public void Clear(long baseOffset = 0)
    {
        Array.Clear(_entries, 0, Count);
        Count = 0;
        BaseOffset = baseOffset;
    }

    /// <summary>Keeps the first <paramref name="count"/> entries and drops the rest (uncommitted writes discarded).</summary>
    public void Truncate(int count)
    {
        Invariant.Holds(count >= 0 && count <= Count);
        Array.Clear(_entries, count, Count - count);
        Count = count;
    }

    /// <summary>Write ids of entries not in <paramref name="other"/>'s prefix: what a full sync from it discards.</summary>
    public int CountDivergentFrom(History other)
    {
        int common = 0;
        int limit = Math.Min(Count, other.Count);
        while (common < limit && _entries[common].WriteId == other._entries[common].WriteId)
        {
            common++;
        }

        return Count - common;
    }
}
