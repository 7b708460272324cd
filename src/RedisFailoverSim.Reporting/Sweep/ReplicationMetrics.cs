using RedisFailoverSim.Model.Metrics;

namespace RedisFailoverSim.Reporting.Sweep;

/// <summary>
/// What a sweep keeps of one replication on one path: the few numbers its statistics are made of. The full
/// <see cref="PathResult"/> (events, roles, samples) is dropped as soon as these are taken, so a sweep's memory
/// grows with the number of replications, not with their length.
/// </summary>
/// <param name="Acknowledged">Writes for which the client received a success reply.</param>
/// <param name="AcknowledgedLost">Acknowledged writes absent from the final converged dataset.</param>
/// <param name="FailoverClientObservedSeconds">Fault → first write acknowledged by the new primary; null when no
/// failover happened or no write reached the new primary.</param>
/// <param name="FailoverControlPlaneSeconds">Fault → promotion; null when no failover happened.</param>
/// <param name="LatencyP99Ms">The run's write latency P99 in milliseconds; null when no write was acknowledged.</param>
/// <param name="SplitBrainSeconds">How long two or more nodes accepted writes as primary at once.</param>
public readonly record struct ReplicationMetrics(
    long Acknowledged,
    long AcknowledgedLost,
    double? FailoverClientObservedSeconds,
    double? FailoverControlPlaneSeconds,
    double? LatencyP99Ms,
    double SplitBrainSeconds)
{
    /// <summary>Writes with an error reply (or never sent).</summary>
    public long Failed { get; init; }

    /// <summary>Writes whose outcome the client never learned (timed out, connection lost with the write in flight).</summary>
    public long Unknown { get; init; }

    /// <summary>The numbers a sweep keeps of <paramref name="result"/>.</summary>
    public static ReplicationMetrics From(PathResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ReplicationMetrics(
            result.Writes.Acknowledged,
            result.Writes.AcknowledgedLost,
            result.Failover?.ClientObservedSeconds,
            result.Failover?.ControlPlaneSeconds,
            result.Latency.Count == 0 ? null : result.Latency.P99,
            result.SplitBrainSeconds)
        {
            Failed = result.Writes.Failed,
            Unknown = result.Writes.Unknown,
        };
    }
}
