namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>
/// One of the six distributions a sweep reports per path: its names in sweep.json, sweep.csv and the chart files,
/// and how to read it from a replication. A replication without a value (no failover happened) is left out of
/// that metric's statistics, and the statistic's count says how many were in.
/// </summary>
/// <param name="JsonName">The field in sweep.json: <c>acknowledgedLost</c>.</param>
/// <param name="CsvName">The column prefix in sweep.csv, unit included: <c>failover_client_observed_s</c>.</param>
/// <param name="ChartName">The chart files' base name: <c>acked-lost</c> → <c>acked-lost.png</c>.</param>
/// <param name="Title">Words for titles and tables: <c>acknowledged writes lost</c>.</param>
/// <param name="Unit">The unit for axis labels and table headers: <c>writes</c>, <c>s</c>, <c>ms</c>.</param>
/// <param name="ShortLabel">A short label for table rows, unit included: <c>acked lost (writes)</c>.</param>
/// <param name="Value">Reads the metric from one replication; null when it has none.</param>
/// <param name="WithoutValue">Why a run has no value, for charts and reports: <c>never failed over</c>.</param>
public sealed record SweepMetric(
    string JsonName,
    string CsvName,
    string ChartName,
    string Title,
    string Unit,
    string ShortLabel,
    Func<ReplicationMetrics, double?> Value,
    string WithoutValue = "no value")
{
    /// <summary>Acknowledged writes absent from the final converged dataset, per run.</summary>
    public static SweepMetric AcknowledgedLost { get; } = new(
        "acknowledgedLost",
        "acked_lost",
        "acked-lost",
        "acknowledged writes lost",
        "writes",
        "acked lost (writes)",
        m => m.AcknowledgedLost);

    /// <summary>Client-observed failover duration (fault → first write acknowledged by the new primary), per run.</summary>
    public static SweepMetric FailoverClientObserved { get; } = new(
        "failoverClientObservedSeconds",
        "failover_client_observed_s",
        "failover-client-observed",
        "client-observed failover",
        "s",
        "failover client (s)",
        m => m.FailoverClientObservedSeconds,
        "never failed over (or no write reached the new primary)");

    /// <summary>Each run's write latency P99 (from the intended start), per run.</summary>
    public static SweepMetric LatencyP99 { get; } = new(
        "latencyP99Ms", "write_latency_p99_ms", "latency-p99", "write latency P99", "ms", "write P99 (ms)",
        m => m.LatencyP99Ms, "no write acknowledged");

    /// <summary>How long two or more nodes accepted writes as primary at once, per run.</summary>
    public static SweepMetric SplitBrain { get; } = new(
        "splitBrainSeconds", "split_brain_s", "split-brain", "split brain", "s", "split brain (s)",
        m => m.SplitBrainSeconds);

    /// <summary>Writes the client saw fail with an error reply (or never sent), per run.</summary>
    public static SweepMetric WritesFailed { get; } = new(
        "writesFailed", "writes_failed", "writes-failed", "failed writes", "writes", "failed (writes)", m => m.Failed);

    /// <summary>Writes whose outcome the client never learned (timed out, or lost with their connection), per run.</summary>
    public static SweepMetric WritesUnknown { get; } = new(
        "writesUnknown", "writes_unknown", "writes-unknown", "writes of unknown outcome", "writes", "unknown (writes)", m => m.Unknown);

    /// <summary>The six, in the order of every output.</summary>
    public static IReadOnlyList<SweepMetric> All { get; } = [AcknowledgedLost, FailoverClientObserved, LatencyP99, SplitBrain, WritesFailed, WritesUnknown];

    /// <summary>The title with its unit: <c>acknowledged writes lost (writes)</c>.</summary>
    public string TitleWithUnit => $"{Title} ({Unit})";

    /// <summary>A value in the metric's unit for titles and tables: <c>4,363.8 writes</c>, <c>31.19 s</c>.</summary>
    public string Format(double value) => Terminal.Numbers.ByUnit(value, Unit) + " " + Unit;
}
