namespace RedisFailoverSim.Model.Metrics;

/// <summary>Everything one path's run produced: the metrics of <c>rfsim --help</c> and the timeline behind them.</summary>
/// <param name="Path">Path name: <c>self-hosted</c>, <c>elasticache</c>, <c>serverless</c>, <c>memorydb</c>.</param>
/// <param name="Writes">The ledger's totals.</param>
/// <param name="Failover">Failover durations, or null when no failover happened.</param>
/// <param name="Latency">Latency of acknowledged writes over the whole run.</param>
/// <param name="LatencyInFailureWindow">Latency of acknowledged writes that started inside the failure window.</param>
/// <param name="FailureWindow">The failure window in seconds (start, end), or null without faults.</param>
/// <param name="SplitBrainSeconds">How long two or more nodes accepted writes as primary at once.</param>
/// <param name="SplitBrainAcknowledgedLost">Acknowledged writes lost that a losing primary acknowledged during split brain.</param>
/// <param name="FailoverCount">Promotions during the run.</param>
/// <param name="FinalEpoch">The highest configuration epoch at the end (Sentinel), or promotions (AWS).</param>
/// <param name="Converged">True when every live node ended on the final primary's history.</param>
/// <param name="EndSeconds">When the run ended (simulated).</param>
/// <param name="Facts">Did-the-fault-bite facts.</param>
/// <param name="Usage">Path-specific quantities (ECPUs, GB-hours…), name → value, in a stable order.</param>
/// <param name="Nodes">Node names in index order.</param>
/// <param name="Roles">Role intervals per node.</param>
/// <param name="Events">Narrated events in time order.</param>
/// <param name="Faults">Fault windows as they happened.</param>
/// <param name="Samples">Every write, for charts (null when not kept).</param>
public sealed record PathResult(
    string Path,
    WriteCounts Writes,
    FailoverMetrics? Failover,
    LatencySummary Latency,
    LatencySummary LatencyInFailureWindow,
    (double Start, double End)? FailureWindow,
    double SplitBrainSeconds,
    long SplitBrainAcknowledgedLost,
    int FailoverCount,
    long FinalEpoch,
    bool Converged,
    double EndSeconds,
    IReadOnlyList<BiteFact> Facts,
    IReadOnlyList<KeyValuePair<string, double>> Usage,
    IReadOnlyList<string> Nodes,
    IReadOnlyList<RoleInterval> Roles,
    IReadOnlyList<TraceEvent> Events,
    IReadOnlyList<FaultWindow> Faults,
    WriteSamples? Samples)
{
    /// <summary>When writes went unacknowledged, overall and for the worst client (none for hand-built results).</summary>
    public WriteAvailability Availability { get; init; } = WriteAvailability.None;

    /// <summary>For a Redis Cluster: the shard of each node, in <see cref="Nodes"/> order (null: one primary at a time).</summary>
    public IReadOnlyList<int>? NodeShards { get; init; }

    /// <summary>
    /// For a Redis Cluster run by a cluster bus: when each node's own cluster state was FAIL (it answered -CLUSTERDOWN),
    /// node by node in <see cref="Nodes"/> order; else null (no cluster, or MemoryDB's log-driven shards).
    /// </summary>
    public IReadOnlyList<ClusterStateInterval>? ClusterStateFail { get; init; }

    /// <summary>
    /// For a Redis Cluster run by a cluster bus: the <c>cluster-*</c> keys the run used, the scenario's over the path's
    /// own defaults (Redis OSS's on self-hosted, ElastiCache's on elasticache); else null (MemoryDB reads none, A151).
    /// </summary>
    public Specs.ClusterSettings? ClusterSettings { get; init; }

    /// <summary>For a Redis Cluster: each shard's writes, loss, failover and latency, adding up to the totals (else null).</summary>
    public IReadOnlyList<ShardResult>? Shards { get; init; }

    /// <summary>
    /// The outcome under each choice of an assumption the run depended on (e.g. the fencing of A19), when the caller
    /// asked for them (<c>rfsim run</c> does); empty otherwise.
    /// </summary>
    public IReadOnlyList<AssumptionBand> Bands { get; init; } = [];
}
