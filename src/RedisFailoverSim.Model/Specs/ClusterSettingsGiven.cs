using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Model.Specs;

/// <summary>
/// The <c>cluster-*</c> keys a scenario set (null: not set). A path resolves the rest from its own defaults, since
/// Redis OSS and ElastiCache differ (<see cref="ClusterSettings.Default"/>, <see cref="ClusterSettings.ElastiCacheDefault"/>):
/// a key the user set is honoured on every path, one they left out takes each path's default.
/// </summary>
/// <param name="NodeTimeout"><c>cluster-node-timeout</c>, if set.</param>
/// <param name="RequireFullCoverage"><c>cluster-require-full-coverage</c>, if set.</param>
/// <param name="ReplicaValidityFactor"><c>cluster-replica-validity-factor</c>, if set.</param>
/// <param name="AllowReadsWhenDown"><c>cluster-allow-reads-when-down</c>, if set.</param>
/// <param name="ReplicaNoFailover"><c>cluster-replica-no-failover</c>, if set.</param>
public sealed record ClusterSettingsGiven(
    SimDuration? NodeTimeout,
    bool? RequireFullCoverage,
    int? ReplicaValidityFactor,
    bool? AllowReadsWhenDown,
    bool? ReplicaNoFailover)
{
    /// <summary>No key set.</summary>
    public static ClusterSettingsGiven None { get; } = new(null, null, null, null, null);

    /// <summary>The settings: each key set here, else <paramref name="defaults"/>'s.</summary>
    public ClusterSettings Over(ClusterSettings defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        return new ClusterSettings(
            NodeTimeout: NodeTimeout ?? defaults.NodeTimeout,
            RequireFullCoverage: RequireFullCoverage ?? defaults.RequireFullCoverage,
            ReplicaValidityFactor: ReplicaValidityFactor ?? defaults.ReplicaValidityFactor,
            AllowReadsWhenDown: AllowReadsWhenDown ?? defaults.AllowReadsWhenDown,
            ReplicaNoFailover: ReplicaNoFailover ?? defaults.ReplicaNoFailover);
    }
}
