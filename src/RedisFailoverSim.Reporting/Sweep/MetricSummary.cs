namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>
/// The distribution of one metric over the replications that have a value: the mean with its 95 % confidence
/// interval (Student's t), the spread and the percentiles. Every value is null when <see cref="Count"/> is 0; the
/// interval and the standard deviation are null when it is 1.
/// </summary>
/// <param name="Count">Replications with a value.</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="Ci95Low">Lower end of the 95 % confidence interval of the mean.</param>
/// <param name="Ci95High">Upper end of the 95 % confidence interval of the mean.</param>
/// <param name="StdDev">Sample standard deviation (n − 1).</param>
/// <param name="Min">Smallest value.</param>
/// <param name="P50">Median (linear interpolation between order statistics).</param>
/// <param name="P90">90th percentile.</param>
/// <param name="P99">99th percentile.</param>
/// <param name="Max">Largest value.</param>
public sealed record MetricSummary(
    int Count,
    double? Mean,
    double? Ci95Low,
    double? Ci95High,
    double? StdDev,
    double? Min,
    double? P50,
    double? P90,
    double? P99,
    double? Max)
{
    /// <summary>No replication had a value.</summary>
    public static MetricSummary Empty { get; } = new(0, null, null, null, null, null, null, null, null, null);
}
