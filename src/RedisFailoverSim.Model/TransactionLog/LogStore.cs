using RedisFailoverSim.Engine;
using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Model.TransactionLog;

/// <summary>
/// One log replica's records: a snapshot of the committed prefix, then the records after it (Raft's log compaction,
/// docs/sources.md §10.4). Records every reader has read are folded into the snapshot once enough pile up, so the log
/// holds a bounded tail however many writes it took; a reader asking for folded records gets the snapshot instead.
/// </summary>
public sealed class LogStore
{
    /// <summary>
    /// ASSUMPTION A40: records are folded in chunks of this many once twice as many are held, and a reader more than
    /// this far behind the commit point is left to the snapshot. MemoryDB's own truncation policy is not published;
    /// messages carry no size in the model, so the choice changes memory only, never an outcome.
    /// </summary>
    public const int FoldChunk = 32_768;

    private readonly List<LogRecord> _records = [];
    private History _snapshot;
    private long _snapshotTerm;
    private LogSnapshot? _shared;

    /// <summary>An empty log; its snapshot keeps every entry only when the run keeps the exact ledger.</summary>
    public LogStore(StampSource stamps, bool keepEveryEntry)
    {
        _snapshot = new History(stamps, keepEveryEntry ? -1 : 0);
    }

    /// <summary>The last index the snapshot covers (0: none).</summary>
    public long SnapshotIndex => _snapshot.Count;

    /// <summary>The last index held.</summary>
    public long LastIndex => SnapshotIndex + _records.Count;

    /// <summary>Records held after the snapshot.</summary>
    public int HeldRecords => _records.Count;

    /// <summary>The term of <paramref name="index"/> (0 for the start); only the snapshot's last index is known below it.</summary>
    public long TermAt(long index)
    {
        if (index <= 0)
        {
            return 0;
        }

        Invariant.Holds(index >= SnapshotIndex && index <= LastIndex);
        return index == SnapshotIndex ? _snapshotTerm : _records[(int)(index - SnapshotIndex - 1)].Term;
    }

    /// <summary>Appends the next record.</summary>
    public void Add(LogRecord record) => _records.Add(record);

    /// <summary>Drops the records from <paramref name="index"/> on (never committed ones: the caller checks).</summary>
    public void TruncateFrom(long index)
    {
        Invariant.Holds(index > SnapshotIndex && index <= LastIndex + 1);
        int at = (int)(index - SnapshotIndex - 1);
        _records.RemoveRange(at, _records.Count - at);
    }

    /// <summary>
    /// The leader's snapshot arrived: a log that holds its last record with the same term keeps what follows, any other
    /// log is replaced (Raft's InstallSnapshot rule). Returns false when the snapshot covers nothing new.
    /// </summary>
    public bool Install(LogSnapshot snapshot)
    {
        long index = snapshot.Index;
        if (index <= SnapshotIndex)
        {
            return false;
        }

        if (index <= LastIndex && TermAt(index) == snapshot.Term)
        {
            _records.RemoveRange(0, (int)(index - SnapshotIndex));
        }
        else
        {
            _records.Clear();
        }

        _snapshot = snapshot.Dataset.CopyPrefix((int)index);
        _snapshotTerm = snapshot.Term;
        _shared = null;
        return true;
    }

    /// <summary>
    /// Folds committed records into the snapshot once twice <see cref="FoldChunk"/> are held: those every reader has
    /// read (<paramref name="oldestReaderNext"/>: the lowest index a follower will ask for next), but never leaving a
    /// reader more than a chunk behind the commit point to hold the tail for.
    /// </summary>
    public void Fold(long commitIndex, long oldestReaderNext)
    {
        if (_records.Count < 2 * FoldChunk)
        {
            return;
        }

        long upTo = Math.Min(Math.Min(commitIndex, LastIndex), Math.Max(oldestReaderNext - 1, commitIndex - FoldChunk));
        if (upTo <= SnapshotIndex)
        {
            return;
        }

        int count = (int)(upTo - SnapshotIndex);
        for (int i = 0; i < count; i++)
        {
            _snapshot.Add(_records[i].Entry);
        }

        _snapshotTerm = _records[count - 1].Term;
        _records.RemoveRange(0, count);
        _shared = null;
    }

    /// <summary>
    /// What a reader asking for <paramref name="from"/>..<paramref name="to"/> gets: the snapshot when it asks for
    /// folded records (then the records start after it), and copies of the records.
    /// </summary>
    public (LogSnapshot? Snapshot, long From, LogRecord[] Records) Read(long from, long to)
    {
        LogSnapshot? snapshot = null;
        if (from <= SnapshotIndex)
        {
            _shared ??= new LogSnapshot(_snapshot.CopyPrefix(_snapshot.Count), _snapshotTerm);
            snapshot = _shared;
            from = SnapshotIndex + 1;
        }

        if (from > to)
        {
            return (snapshot, from, []);
        }

        var copy = new LogRecord[to - from + 1];
        _records.CopyTo((int)(from - SnapshotIndex - 1), copy, 0, copy.Length);
        return (snapshot, from, copy);
    }

    /// <summary>The record at <paramref name="index"/> (after the snapshot).</summary>
    public LogRecord RecordAt(long index)
    {
        Invariant.Holds(index > SnapshotIndex && index <= LastIndex);
        return _records[(int)(index - SnapshotIndex - 1)];
    }
}
