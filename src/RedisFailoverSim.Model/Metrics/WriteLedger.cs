using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Model.Metrics;

/// <summary>
/// The exact per-write ledger: every write's intended start, outcome, completion and acknowledging node,
/// column-wise in growable arrays indexed by write id (the oracle of ARCHITECTURE.md "Accounting").
/// </summary>
public sealed class WriteLedger
{
    private long[] _intendedStart = new long[1024];
    private long[] _completedAt = new long[1024];
    private WriteOutcome[] _outcome = new WriteOutcome[1024];
    private short[] _client = new short[1024];
    private short[] _ackedBy = new short[1024];

    /// <summary>Writes issued so far.</summary>
    public int Count { get; private set; }

    /// <summary>Writes whose outcome the client has not learned yet.</summary>
    public int PendingCount { get; private set; }

    /// <summary>Records a new write and returns its id (ids are dense, from 0).</summary>
    public long Issue(int clientIndex, SimTime intendedStart)
    {
        if (Count == _outcome.Length)
        {
            int size = Count * 2;
            Array.Resize(ref _intendedStart, size);
            Array.Resize(ref _completedAt, size);
            Array.Resize(ref _outcome, size);
            Array.Resize(ref _client, size);
            Array.Resize(ref _ackedBy, size);
        }

        int id = Count++;
        PendingCount++;
        _intendedStart[id] = intendedStart.Nanoseconds;
        _outcome[id] = WriteOutcome.Pending;
        _client[id] = checked((short)clientIndex);
        _ackedBy[id] = -1;
        return id;
    }

    /// <summary>True while the client has not learned the write's outcome.</summary>
    public bool IsPending(long writeId) => _outcome[writeId] == WriteOutcome.Pending;

    /// <summary>Records the outcome the client learned; later news about the same write is ignored.</summary>
    /// <returns>True if this resolved the write.</returns>
    public bool Resolve(long writeId, WriteOutcome outcome, SimTime at, int ackedByNode = -1)
    {
        Invariant.Holds(outcome != WriteOutcome.Pending);
        if (_outcome[writeId] != WriteOutcome.Pending)
        {
            return false;
        }

        Invariant.Holds(at.Nanoseconds >= _intendedStart[writeId]);
        PendingCount--;
        _outcome[writeId] = outcome;
        _completedAt[writeId] = at.Nanoseconds;
        _ackedBy[writeId] = checked((short)ackedByNode);
        return true;
    }

    /// <summary>The write's outcome.</summary>
    public WriteOutcome Outcome(long writeId) => _outcome[writeId];

    /// <summary>When the write was meant to start.</summary>
    public SimTime IntendedStart(long writeId) => new(_intendedStart[writeId]);

    /// <summary>When the client learned the outcome.</summary>
    public SimTime CompletedAt(long writeId) => new(_completedAt[writeId]);

    /// <summary>The issuing client's index.</summary>
    public int Client(long writeId) => _client[writeId];

    /// <summary>The acknowledging node's index, or -1.</summary>
    public int AckedBy(long writeId) => _ackedBy[writeId];
}
