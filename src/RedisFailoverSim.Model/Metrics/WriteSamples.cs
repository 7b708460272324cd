namespace RedisFailoverSim.Model.Metrics;

/// <summary>
/// Every write of a run, column-wise (for charts and the trace's counts). Index i is write i in issue order. Times are
/// kept as the simulation's integer nanoseconds, packed (<see cref="PackedColumn"/>: a few bytes a write where arrays
/// of doubles and ints took 26), and read back exactly as the ledger gives them.
/// </summary>
public sealed class WriteSamples
{
    private readonly PackedColumn _startNanoseconds;
    private readonly PackedColumn _latencyNanoseconds;
    private readonly PackedColumn _outcomeAndLost;
    private readonly PackedColumn _client;
    private readonly PackedColumn _ackedBy;

    private WriteSamples(Builder builder)
    {
        _startNanoseconds = builder.Start;
        _latencyNanoseconds = builder.Latency;
        _outcomeAndLost = builder.OutcomeAndLost;
        _client = builder.Client;
        _ackedBy = builder.AckedBy;
        Count = checked((int)_startNanoseconds.Count);
        IntendedStartSeconds = new(i => _startNanoseconds[i] / 1e9, Count);
        LatencyMilliseconds = new(i => _latencyNanoseconds[i] / 1e6, Count);
        Outcomes = new(i => (WriteOutcome)(_outcomeAndLost[i] >> 1), Count);
        Lost = new(i => (_outcomeAndLost[i] & 1) == 1, Count);
        Client = new(i => (int)_client[i], Count);
        AckedBy = new(i => (int)_ackedBy[i], Count);
    }

    /// <summary>Number of writes.</summary>
    public int Count { get; }

    /// <summary>When each write was meant to start (seconds since the run start).</summary>
    public SampleColumn<double> IntendedStartSeconds { get; }

    /// <summary>Intended start → outcome known (for unknown writes: → given up; 0 for writes still pending).</summary>
    public SampleColumn<double> LatencyMilliseconds { get; }

    /// <summary>How each ended.</summary>
    public SampleColumn<WriteOutcome> Outcomes { get; }

    /// <summary>True for acknowledged writes absent from the final dataset.</summary>
    public SampleColumn<bool> Lost { get; }

    /// <summary>Index of the issuing client.</summary>
    public SampleColumn<int> Client { get; }

    /// <summary>Index of the node that acknowledged it, or -1.</summary>
    public SampleColumn<int> AckedBy { get; }

    /// <summary>Collects the writes in issue order.</summary>
    public sealed class Builder
    {
        internal PackedColumn Start { get; } = new();

        internal PackedColumn Latency { get; } = new();

        internal PackedColumn OutcomeAndLost { get; } = new();

        internal PackedColumn Client { get; } = new();

        internal PackedColumn AckedBy { get; } = new();

        /// <summary>Appends the next write (times in simulated nanoseconds).</summary>
        public Builder Add(long startNanoseconds, long latencyNanoseconds, WriteOutcome outcome, bool lost, int client, int ackedBy)
        {
            Start.Add(startNanoseconds);
            Latency.Add(latencyNanoseconds);
            OutcomeAndLost.Add(((long)outcome << 1) | (lost ? 1L : 0L));
            Client.Add(client);
            AckedBy.Add(ackedBy);
            return this;
        }

        /// <summary>The samples; the builder is spent.</summary>
        public WriteSamples Build()
        {
            Start.Complete();
            Latency.Complete();
            OutcomeAndLost.Complete();
            Client.Complete();
            AckedBy.Complete();
            return new WriteSamples(this);
        }
    }
}

/// <summary>One column of <see cref="WriteSamples"/>, read by write index.</summary>
public readonly struct SampleColumn<T> : IReadOnlyList<T>
{
    private readonly Func<int, T> _read;

    internal SampleColumn(Func<int, T> read, int length)
    {
        _read = read;
        Count = length;
    }

    /// <summary>Number of values.</summary>
    public int Count { get; }

    /// <summary>Value of write <paramref name="index"/>.</summary>
    public T this[int index] => (uint)index < (uint)Count ? _read(index) : throw new ArgumentOutOfRangeException(nameof(index));

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return _read(i);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
