using RedisFailoverSim.Engine;

namespace RedisFailoverSim.Model.Redis;

/// <summary>
/// A node's dataset as the ordered list of writes it applied since its last full sync. Every write adds a
/// unique element to a set, so the dataset is exactly this list's write ids; the replication offset is the
/// last entry's end offset (or the base offset of the snapshot it started from).
/// </summary>
/// <remarks>
/// Two ways to keep it. <b>Every entry</b> (the exact ledger's oracle, <c>--audit</c>, and MemoryDB, whose log agent
/// reads entries by log index): all entries stay. <b>A window</b> (compact accounting, the default): only the entries
/// a partial resync can still ask for (the last <c>repl-backlog-size</c> bytes) and those a full sync in progress
/// still has to stream after its snapshot are kept; what the dataset holds is the <see cref="Lineage"/> of stamps,
/// a few runs however many writes. Indexes stay absolute in both, so callers never see the difference; reading an
/// entry the window dropped is a model bug and fails an invariant.
/// </remarks>
public sealed class History
{
    private readonly StampSource _stamps;
    private readonly long _windowBytes;
    private readonly Lineage _lineage = new();
    private readonly List<History> _pins = [];
    private HistoryEntry[] _entries;
    private int _first;
    private int _held;

    // The end offset of the last entry the window dropped (the base offset while none was): no caller may ask about
    // an offset before it.
    private long _windowStart;
    private long _nextOwnStamp;

    /// <summary>An empty history starting at <paramref name="baseOffset"/>.</summary>
    /// <param name="stamps">Where a new branch comes from when this node starts writing.</param>
    /// <param name="windowBytes">Bytes of stream to keep behind the offset (compact), or -1 to keep every entry.</param>
    /// <param name="baseOffset">Offset before the first entry.</param>
    /// <param name="capacity">Initial capacity in entries.</param>
    public History(StampSource stamps, long windowBytes = -1, long baseOffset = 0, int capacity = 256)
    {
        _stamps = stamps;
        _windowBytes = windowBytes;
        _entries = new HistoryEntry[Math.Max(capacity, 16)];
        BaseOffset = baseOffset;
        _windowStart = baseOffset;
    }

    /// <summary>Offset before the first entry.</summary>
    public long BaseOffset { get; private set; }

    /// <summary>Entries held (in the dataset; a window keeps only the last few in memory).</summary>
    public int Count { get; private set; }

    /// <summary>The replication offset after the last entry (a window holding none stands at its start).</summary>
    public long Offset => _held == 0 ? _windowStart : _entries[_held - 1].EndOffset;

    /// <summary>
    /// The lowest index a window must keep however full it gets (a log leader's entries a lagging log replica may
    /// still be sent); <see cref="int.MaxValue"/>: no such floor.
    /// </summary>
    public int KeepFrom { get; set; } = int.MaxValue;

    /// <summary>The lowest index held in memory (0 when every entry is kept).</summary>
    public int FirstHeld => _first;

    /// <summary>The lowest offset a partial resync can start from: the base, or where the window's entries begin.</summary>
    public long EarliestOffset => _first == 0 ? BaseOffset : _windowStart;

    /// <summary>True when every entry is kept (not a window).</summary>
    public bool KeepsEveryEntry => _windowBytes < 0;

    /// <summary>The dataset's stamps, for the compact accounting.</summary>
    public Lineage Lineage => _lineage;

    /// <summary>Entries kept in memory (all of them, or the window).</summary>
    public int HeldCount => _held;

    /// <summary>Entry <paramref name="index"/>.</summary>
    public HistoryEntry this[int index]
    {
        get
        {
            Invariant.Holds((uint)index < (uint)Count);
            Invariant.Holds(index >= _first);
            return _entries[index - _first];
        }
    }

    /// <summary>The last entry.</summary>
    public HistoryEntry Last
    {
        get
        {
            Invariant.Holds(_held > 0);
            return _entries[_held - 1];
        }
    }

    /// <summary>
    /// Appends a write of <paramref name="bytes"/> bytes as this node's own (a primary's) and returns the new offset.
    /// The entry continues this node's branch while nothing else was added since its last own entry; otherwise it
    /// opens a new branch, so a stamp is never made twice.
    /// </summary>
    public long Append(long writeId, int bytes)
    {
        if (_nextOwnStamp == WriteStamp.None || _lineage.LastStamp + 1 != _nextOwnStamp)
        {
            _nextOwnStamp = WriteStamp.First(_stamps.NextBranch());
        }

        long end = Offset + bytes;
        long stamp = _nextOwnStamp;
        _nextOwnStamp = WriteStamp.Next(stamp);
        Add(new HistoryEntry(writeId, end, stamp));
        return end;
    }

    /// <summary>Appends an entry received on the replication stream; it must continue this history.</summary>
    public void Add(HistoryEntry entry)
    {
        Invariant.Holds(entry.EndOffset > Offset);
        if (_held == _entries.Length)
        {
            MakeRoom();
        }

        _entries[_held++] = entry;
        Count++;
        _lineage.Append(entry.Stamp);
    }

    /// <summary>The index of the first entry ending after <paramref name="offset"/> (Count when none).</summary>
    public int IndexAfter(long offset)
    {
        int low = 0;
        int high = _held;
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

        // The entries the window dropped all end at or before any offset a caller may ask about (see the remarks).
        Invariant.Holds(_first == 0 || offset >= _windowStart);
        return _first + low;
    }

    /// <summary>True when <paramref name="offset"/> is the end of an entry (or the base): a replica can stand there.</summary>
    public bool HasBoundaryAt(long offset)
    {
        // The window's start is the end of the last entry it dropped.
        if (offset == BaseOffset || (_first > 0 && offset == _windowStart))
        {
            return true;
        }

        int i = IndexAfter(offset - 1);
        return i < Count && this[i].EndOffset == offset;
    }

    /// <summary>Entries from <paramref name="startIndex"/> to the end, copied (for a catch-up batch).</summary>
    public HistoryEntry[] CopyFrom(int startIndex)
    {
        Invariant.Holds(startIndex >= _first && startIndex <= Count);
        var copy = new HistoryEntry[Count - startIndex];
        Array.Copy(_entries, startIndex - _first, copy, 0, copy.Length);
        return copy;
    }

    /// <summary>
    /// A snapshot of the first <paramref name="count"/> entries (an RDB for a full sync). A window's snapshot is the
    /// whole dataset (its lineage) with the entries of its window, and pins this history: the entries after the
    /// snapshot stay until <see cref="Release"/>, for the stream that follows the RDB.
    /// </summary>
    public History Snapshot(int count)
    {
        Invariant.Holds(count <= Count);
        if (KeepsEveryEntry)
        {
            var copy = new History(_stamps, _windowBytes, BaseOffset, count);
            Array.Copy(_entries, copy._entries, count);
            copy._held = count;
            copy.Count = count;
            copy._lineage.CopyFrom(_lineage, count);
            return copy;
        }

        Invariant.Holds(count == Count);
        int from = Count == 0 ? _first : IndexAfter(Math.Max(Offset - _windowBytes - 1, EarliestOffset));
        var window = new History(_stamps, _windowBytes, BaseOffset, Count - from);
        Array.Copy(_entries, from - _first, window._entries, 0, Count - from);
        window._first = from;
        window._windowStart = from == _first ? _windowStart : _entries[from - _first - 1].EndOffset;
        window._held = Count - from;
        window.Count = Count;
        window._lineage.CopyFrom(_lineage, count);
        _pins.Add(window);
        return window;
    }

    /// <summary>
    /// A copy of the first <paramref name="count"/> entries that pins nothing (a transaction-log snapshot): a window's
    /// copy holds the entries it still has from <see cref="FirstHeld"/> on, and the whole dataset as its lineage.
    /// </summary>
    public History CopyPrefix(int count)
    {
        Invariant.Holds(count <= Count && count >= _first);
        int held = count - _first;
        var copy = new History(_stamps, _windowBytes, BaseOffset, held);
        Array.Copy(_entries, copy._entries, held);
        copy._first = _first;
        copy._windowStart = _windowStart;
        copy._held = held;
        copy.Count = count;
        copy._lineage.CopyFrom(_lineage, count);
        return copy;
    }

    /// <summary>The full sync of <paramref name="snapshot"/> is over (streamed or abandoned): its pin goes.</summary>
    public void Release(History snapshot) => _pins.Remove(snapshot);

    /// <summary>Replaces this history with a copy of <paramref name="other"/> (loading an RDB).</summary>
    public void ReplaceWith(History other)
    {
        Invariant.Holds(KeepsEveryEntry == other.KeepsEveryEntry);
        if (_entries.Length < other._held)
        {
            _entries = new HistoryEntry[other._entries.Length];
        }

        Array.Copy(other._entries, _entries, other._held);
        Array.Clear(_entries, other._held, Math.Max(0, _held - other._held));
        _held = other._held;
        _first = other._first;
        _windowStart = other._windowStart;
        Count = other.Count;
        BaseOffset = other.BaseOffset;
        _lineage.CopyFrom(other._lineage, other.Count);
        _pins.Clear();
    }

    /// <summary>Empties the history (memory lost), starting again at <paramref name="baseOffset"/>.</summary>
    public void Clear(long baseOffset = 0)
    {
        Array.Clear(_entries, 0, _held);
        _held = 0;
        _first = 0;
        Count = 0;
        BaseOffset = baseOffset;
        _windowStart = baseOffset;
        _lineage.Clear();
        _pins.Clear();
    }

    /// <summary>Keeps the first <paramref name="count"/> entries and drops the rest (uncommitted writes discarded).</summary>
    public void Truncate(int count)
    {
        Invariant.Holds(count <= Count && (count == 0 || count >= _first));
        int keep = count == 0 ? 0 : count - _first;
        Array.Clear(_entries, keep, _held - keep);
        _held = keep;
        if (count == 0)
        {
            _first = 0;
            _windowStart = BaseOffset;
        }

        Count = count;
        _lineage.TruncateTo(count);
    }

    /// <summary>
    /// Keeps the first <paramref name="count"/> entries, which end at <paramref name="endOffset"/> (what a restart loads
    /// from disk). A window may no longer hold them: it then holds none and stands at that offset.
    /// </summary>
    public void KeepPrefix(int count, long endOffset)
    {
        Invariant.Holds(count <= Count);
        _pins.Clear();
        if (count == 0 || count >= _first)
        {
            Truncate(count);
            Invariant.Holds(Offset == (count == 0 ? BaseOffset : endOffset));
            return;
        }

        Array.Clear(_entries, 0, _held);
        _held = 0;
        _first = count;
        _windowStart = endOffset;
        Count = count;
        _lineage.TruncateTo(count);
    }

    /// <summary>Entries not in <paramref name="other"/>'s prefix: what a full sync from it discards.</summary>
    public int CountDivergentFrom(History other) => (int)(Count - _lineage.CommonPrefix(other._lineage));

    /// <summary>
    /// The array is full: a window drops what no partial resync and no pinned full sync can ask for any more, and
    /// grows only if that frees less than half; a history keeping every entry just grows.
    /// </summary>
    private void MakeRoom()
    {
        if (!KeepsEveryEntry)
        {
            long keepAfter = Offset - _windowBytes - 1;
            for (int i = 0; i < _pins.Count; i++)
            {
                keepAfter = Math.Min(keepAfter, _pins[i].Offset);
            }

            int drop = Math.Min(IndexAfter(keepAfter), KeepFrom) - _first;
            if (drop > 0)
            {
                _windowStart = _entries[drop - 1].EndOffset;
                Array.Copy(_entries, drop, _entries, 0, _held - drop);
                Array.Clear(_entries, _held - drop, drop);
                _held -= drop;
                _first += drop;
            }

            if (_held < _entries.Length / 2)
            {
                return;
            }

            Array.Resize(ref _entries, WindowCapacity());
            return;
        }

        Array.Resize(ref _entries, _entries.Length * 2);
    }

    /// <summary>
    /// The capacity a window grows to: twice the entries its bytes hold at the average entry size so far, at least
    /// double and at most 64 times the current one. Redis allocates its backlog at its full size once; growing
    /// 256, 512, ... 16,384 entries for a 1 MB window of 140-byte writes allocated and copied every step before (about
    /// 1.9 MB per replication of five nodes, bench/README.md, issue 17). What the window holds is unchanged: the
    /// capacity decides only when <see cref="MakeRoom"/> runs, never which entries a caller can read.
    /// </summary>
    private int WindowCapacity()
    {
        long averageBytes = Math.Max(1, (Offset - EarliestOffset) / Math.Max(1, _held));
        long wanted = Math.Clamp(2 * (_windowBytes / averageBytes), _entries.Length * 2L, _entries.Length * 64L);
        return (int)Math.Min(Array.MaxLength, wanted);
    }
}
