namespace RedisFailoverSim.Model.Metrics;

/// <summary>
/// What the accounting of writes gives a result (the compact tally and the exact ledger alike, so the auditor can
/// compare them field by field).
/// </summary>
/// <param name="Counts">Attempted, acknowledged, lost, failed, unknown, unknown-present.</param>
/// <param name="SplitBrainAcknowledgedLost">Acknowledged writes lost that were acknowledged during split brain.</param>
/// <param name="FirstAckByPromotedAt">
/// When the node of the first promotion after the first fault first acknowledged a write at or after its promotion
/// (nanoseconds), or null.
/// </param>
/// <param name="Latency">Latency of every acknowledged write.</param>
/// <param name="LatencyInFailureWindow">Latency of acknowledged writes that started inside the failure window.</param>
public sealed record CompactTotals(
    WriteCounts Counts,
    long SplitBrainAcknowledgedLost,
    long? FirstAckByPromotedAt,
    LatencySummary Latency,
    LatencySummary LatencyInFailureWindow);
