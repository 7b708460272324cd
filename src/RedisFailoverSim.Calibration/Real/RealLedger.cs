using System.Collections.Concurrent;
using RedisFailoverSim.Model.Metrics;

namespace RedisFailoverSim.Calibration.Real;

/// <summary>
/// Every write of a real run, by write id (its index in the schedule): intended start, when its outcome was known,
/// the outcome, and which node (by announced port) acknowledged it. Each slot is written once, by the write's own
/// completion; totals are read after every write has completed.
/// </summary>
internal sealed class RealLedger
{
    private readonly double[] _intended;
    private readonly int[] _client;
    private readonly double[] _completed;
    private readonly WriteOutcome[] _outcome;
    private readonly int[] _ackedByPort;
    private readonly ConcurrentDictionary<string, int> _reasons = new(StringComparer.Ordinal);
    private int _pending;
    private int _issued;

    /// <summary>Creates a ledger for a schedule.</summary>
    public RealLedger(IReadOnlyList<ScheduledWrite> schedule)
    {
        int n = schedule.Count;
        _intended = new double[n];
        _client = new int[n];
        _completed = new double[n];
        _outcome = new WriteOutcome[n];
        _ackedByPort = new int[n];
        for (int i = 0; i < n; i++)
        {
            _intended[i] = schedule[i].IntendedSeconds;
            _client[i] = schedule[i].Client;
            _ackedByPort[i] = -1;
        }
    }

    /// <summary>Writes in the schedule.</summary>
    public int Count => _intended.Length;

    /// <summary>Writes issued so far.</summary>
    public int Issued => Volatile.Read(ref _issued);

    /// <summary>Writes issued whose outcome is not known yet.</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>Why writes failed or were unknown: reason → count (e.g. <c>READONLY</c>, <c>timeout (sent)</c>).</summary>
    public IReadOnlyDictionary<string, int> Reasons => _reasons;

    /// <summary>The intended start of a write, seconds from the run's zero.</summary>
    public double IntendedStart(int id) => _intended[id];

    /// <summary>The issuing client's index.</summary>
    public int Client(int id) => _client[id];

    /// <summary>When the outcome was known, seconds from the run's zero.</summary>
    public double Completed(int id) => _completed[id];

    /// <summary>The outcome (Pending if never issued or not resolved).</summary>
    public WriteOutcome Outcome(int id) => _outcome[id];

    /// <summary>The announced port of the node that acknowledged it, or -1.</summary>
    public int AckedByPort(int id) => _ackedByPort[id];

    /// <summary>Marks a write issued (its outcome is now awaited).</summary>
    public void Issue()
    {
        Interlocked.Increment(ref _issued);
        Interlocked.Increment(ref _pending);
    }

    /// <summary>Records a write's outcome.</summary>
    public void Resolve(int id, WriteOutcome outcome, double completedSeconds, int ackedByPort, string? reason)
    {
        _completed[id] = completedSeconds;
        _ackedByPort[id] = ackedByPort;
        _outcome[id] = outcome;
        if (reason is not null)
        {
            _reasons.AddOrUpdate(reason, 1, (_, count) => count + 1);
        }

        Interlocked.Decrement(ref _pending);
    }
}
