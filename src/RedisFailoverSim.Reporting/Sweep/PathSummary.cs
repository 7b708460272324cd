namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>One path's distributions at one grid point.</summary>
/// <param name="Path">The path's name.</param>
/// <param name="Metrics">One summary per <see cref="SweepMetric.All"/>, in that order.</param>
/// <param name="RunsWithLoss">Replications that lost at least one acknowledged write.</param>
/// <param name="RunsWithSplitBrain">Replications with any split brain.</param>
public sealed record PathSummary(string Path, IReadOnlyList<MetricSummary> Metrics, int RunsWithLoss, int RunsWithSplitBrain)
{
    /// <summary>The summary of <paramref name="metric"/>.</summary>
    public MetricSummary Of(SweepMetric metric)
    {
        var index = SweepMetric.All.ToList().IndexOf(metric);
        return index < 0 ? throw new ArgumentException($"unknown metric {metric.JsonName}", nameof(metric)) : Metrics[index];
    }

    /// <summary>Summarizes one path's replications, in replication order.</summary>
    public static PathSummary Of(string path, IReadOnlyList<ReplicationMetrics> replications)
    {
        ArgumentNullException.ThrowIfNull(replications);
        var metrics = SweepMetric.All
            .Select(metric => SampleStatistics.Summarize(
                replications.Select(r => metric.Value(r)).Where(v => v.HasValue).Select(v => v!.Value).ToList()))
            .ToList();
        return new PathSummary(
            path,
            metrics,
            replications.Count(r => r.AcknowledgedLost > 0),
            replications.Count(r => r.SplitBrainSeconds > 0));
    }
}
