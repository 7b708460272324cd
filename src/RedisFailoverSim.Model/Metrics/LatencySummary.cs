namespace RedisFailoverSim.Model.Metrics;

/// <summary>Write latency percentiles in milliseconds, measured from each write's intended start.</summary>
/// <param name="Count">Writes measured (acknowledged writes).</param>
/// <param name="P50">Median.</param>
/// <param name="P99">99th percentile.</param>
/// <param name="P999">99.9th percentile.</param>
/// <param name="Max">Maximum.</param>
public sealed record LatencySummary(long Count, double P50, double P99, double P999, double Max)
{
    /// <summary>No writes measured.</summary>
    public static LatencySummary Empty { get; } = new(0, 0, 0, 0, 0);
}
