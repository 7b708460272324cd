using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Model.Specs;

/// <summary>
/// The <c>cluster-*</c> keys of redis.conf that decide a failover; defaults are Redis 7.0's (docs/sources.md §3.2).
/// </summary>
/// <param name="NodeTimeout"><c>cluster-node-timeout</c>, 15000 ms: PFAIL after it, most other limits are multiples of it.</param>
/// <param name="RequireFullCoverage">
/// <c>cluster-require-full-coverage</c>, yes: a node whose view has a slot unserved (its owner FAIL) turns its cluster
/// state FAIL and refuses every key, not only that slot's.
/// </param>
/// <param name="ReplicaValidityFactor">
/// <c>cluster-replica-validity-factor</c>, 10: a replica disconnected from its primary for longer than
/// repl-ping-replica-period + node-timeout × factor (after the node timeout itself) does not fail over; 0 always tries.
/// </param>
/// <param name="AllowReadsWhenDown"><c>cluster-allow-reads-when-down</c>, no: writes are refused while the state is FAIL either way.</param>
/// <param name="ReplicaNoFailover"><c>cluster-replica-no-failover</c>, no: yes stops replicas from failing over on their own.</param>
public sealed record ClusterSettings(
    SimDuration NodeTimeout,
    bool RequireFullCoverage,
    int ReplicaValidityFactor,
    bool AllowReadsWhenDown,
    bool ReplicaNoFailover)
{
    /// <summary>Redis 7.0.15's defaults (config.c, redis.conf; docs/sources.md §3.2).</summary>
    public static ClusterSettings Default { get; } = new(
        NodeTimeout: SimDuration.FromMilliseconds(15_000),
        RequireFullCoverage: true,
        ReplicaValidityFactor: 10,
        AllowReadsWhenDown: false,
        ReplicaNoFailover: false);

    /// <summary>
    /// ElastiCache's defaults with cluster mode enabled (docs/sources.md §4.9): <c>cluster-require-full-coverage no</c>
    /// (its parameter groups' default); the other keys are not in its parameter documentation, so ASSUMPTION A140 takes
    /// Redis's: node-timeout 15000 ms, validity factor 10, reads refused while down, replicas fail over.
    /// </summary>
    public static ClusterSettings ElastiCacheDefault { get; } = Default with { RequireFullCoverage = false };
}
