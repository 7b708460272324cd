using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Model.Specs;

/// <summary>Sentinel settings; defaults from <c>sentinel.c</c> / <c>sentinel.conf</c> (docs/sources.md §2.1).</summary>
/// <param name="Quorum">Sentinels that must agree the master is down (ODOWN). No default in Redis; 2 is the documented example.</param>
/// <param name="DownAfter"><c>down-after-milliseconds</c>, 30 000 ms.</param>
/// <param name="FailoverTimeout"><c>failover-timeout</c>, 180 000 ms.</param>
/// <param name="ParallelSyncs"><c>parallel-syncs</c>, 1.</param>
public sealed record SentinelSettings(
    int Quorum,
    SimDuration DownAfter,
    SimDuration FailoverTimeout,
    int ParallelSyncs)
{
    /// <summary>The documented defaults (docs/sources.md §2.1), with quorum 2.</summary>
    public static SentinelSettings Default { get; } = new(
        Quorum: 2,
        DownAfter: SimDuration.FromMilliseconds(30_000),
        FailoverTimeout: SimDuration.FromMilliseconds(180_000),
        ParallelSyncs: 1);
}
