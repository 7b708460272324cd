namespace RedisFailoverSim.Paths;

/// <summary>How to run one path: what to keep and whom to tell about progress.</summary>
/// <param name="KeepSamples">Keep every write's sample for charts (off for long runs and sweeps).</param>
/// <param name="Progress">Told the fraction of simulated time done, now and then; null for none.</param>
public sealed record RunOptions(bool KeepSamples = true, IProgress<double>? Progress = null)
{
    /// <summary>Filled in by the run with engine counters (for benchmarks); null for none.</summary>
    public RunCounters? Counters { get; init; }

    /// <summary>Keep everything, report nothing.</summary>
    public static RunOptions Default { get; } = new();
}
