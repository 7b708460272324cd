using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Model.Specs;

/// <summary>Redis/Valkey node settings; defaults are <c>redis.conf</c>'s (docs/sources.md §1).</summary>
/// <param name="MinReplicasToWrite"><c>min-replicas-to-write</c>, 0 = off (docs/sources.md §1.5).</param>
/// <param name="MinReplicasMaxLag"><c>min-replicas-max-lag</c>, 10 s (docs/sources.md §1.5).</param>
/// <param name="ReplBacklogBytes"><c>repl-backlog-size</c>, 1 MB in Redis and ElastiCache (docs/sources.md §1.2).</param>
/// <param name="ReplTimeout"><c>repl-timeout</c>, 60 s (docs/sources.md §1.1).</param>
/// <param name="ReplPingReplicaPeriod"><c>repl-ping-replica-period</c>, 10 s (docs/sources.md §1.1).</param>
/// <param name="ReplDisklessSyncDelay"><c>repl-diskless-sync-delay</c>, 5 s before a full sync streams (docs/sources.md §1.2).</param>
/// <param name="FullSyncBytesPerSecond">
/// Full-sync transfer and load speed. ASSUMPTION A3: 100 MB/s (an RDB over a 1–10 Gbit/s link, loaded by the replica).
/// </param>
/// <param name="BaseDatasetBytes">
/// Data already in the primary when the run starts, which a full sync must copy. ASSUMPTION A4: 100 MB.
/// </param>
/// <param name="Persistence">AOF and RDB settings; off by default: a restarted node comes back empty (docs/sources.md §1.2, §16).</param>
/// <param name="ReplicaOutputBufferLimit">
/// <c>client-output-buffer-limit replica</c>, 256mb 64mb 60 (docs/sources.md §8.1); it binds only where the stream
/// queues, behind <c>network.node-bandwidth</c> (A160).
/// </param>
public sealed record RedisSettings(
    int MinReplicasToWrite,
    SimDuration MinReplicasMaxLag,
    long ReplBacklogBytes,
    SimDuration ReplTimeout,
    SimDuration ReplPingReplicaPeriod,
    SimDuration ReplDisklessSyncDelay,
    long FullSyncBytesPerSecond,
    long BaseDatasetBytes,
    PersistenceSettings Persistence,
    OutputBufferLimit ReplicaOutputBufferLimit)
{
    /// <summary>The defaults of <c>redis.conf</c> (Redis 7.x), docs/sources.md §1.</summary>
    public static RedisSettings Default { get; } = new(
        MinReplicasToWrite: 0,
        MinReplicasMaxLag: SimDuration.FromSeconds(10),
        ReplBacklogBytes: 1024 * 1024,
        ReplTimeout: SimDuration.FromSeconds(60),
        ReplPingReplicaPeriod: SimDuration.FromSeconds(10),
        ReplDisklessSyncDelay: SimDuration.FromSeconds(5),
        FullSyncBytesPerSecond: 100L * 1024 * 1024,
        BaseDatasetBytes: 100L * 1024 * 1024,
        Persistence: PersistenceSettings.Off,
        ReplicaOutputBufferLimit: OutputBufferLimit.ReplicaDefault);
}
