namespace RedisFailoverSim.Paths;

/// <summary>How to run one path: what to keep and whom to tell about progress.</summary>
/// <param name="KeepSamples">
/// Keep every write's sample for charts (off for long runs and sweeps). Samples come from the exact ledger, so this
/// keeps it too (<see cref="ExactLedger"/>).
/// </param>
/// <param name="Progress">Told the fraction of simulated time done, now and then; null for none.</param>
public sealed record RunOptions(bool KeepSamples = true, IProgress<double>? Progress = null)
{
    /// <summary>
    /// <c>--audit</c>: keep the exact per-write ledger, report its numbers and check the compact accounting against
    /// them (memory grows with the number of writes). Off: the compact accounting alone, flat in memory.
    /// </summary>
    public bool Audit { get; init; }

    /// <summary>True when the run keeps the exact ledger: audited, or keeping samples.</summary>
    public bool ExactLedger => Audit || KeepSamples;

    /// <summary>Filled in by the run with engine counters (for benchmarks); null for none.</summary>
    public RunCounters? Counters { get; init; }

    /// <summary>Keep everything, report nothing.</summary>
    public static RunOptions Default { get; } = new();
}
