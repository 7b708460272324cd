using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Model.Specs;

/// <summary>
/// Amazon MemoryDB settings: the Multi-AZ transaction log (docs/sources.md §6, §4.5) and the log-lease failover, whose
/// duration AWS does not document (docs/sources.md §6: assumptions A25–A28). Scenario block <c>memorydb:</c>.
/// </summary>
/// <param name="LogQuorum">
/// AZs that must hold a write before it is acknowledged: "persisted in a Multi-AZ transactional log across ≥ 2 AZs"
/// (docs/sources.md §4.5, the same log design; MemoryDB §6 says only "Multi-AZ"); ASSUMPTION A25: 2 (of one log
/// replica per AZ).
/// </param>
/// <param name="LogServiceTime">
/// ASSUMPTION A26: the median time a log replica takes to make an append durable (1 ms, log-normal, sigma 0.25),
/// which with the cross-AZ round trip gives the documented "single-digit millisecond" writes (docs/sources.md §6).
/// </param>
/// <param name="LogHeartbeat">
/// ASSUMPTION A27: the primary renews its leadership lease and publishes its commit point every 100 ms when idle,
/// and repairs log replicas that missed appends on that beat.
/// </param>
/// <param name="LeaseDuration">
/// ASSUMPTION A28: a log replica grants leadership to a new primary only after it has not heard from the current one
/// for this long (10 s); failover duration is undocumented (docs/sources.md §6).
/// </param>
/// <param name="ElectionDelay">
/// ASSUMPTION A28: a replica that sees the lease expired campaigns after this delay (1 s) plus a random jitter.
/// </param>
/// <param name="ElectionJitter">ASSUMPTION A28: the jitter's upper bound (1 s), so replicas rarely campaign at once.</param>
/// <param name="ReplacementDelay">
/// ASSUMPTION A29: a failed node is replaced (and restored from the log) after 3 min; until then a single-node shard
/// takes no writes (docs/sources.md §6).
/// </param>
public sealed record MemoryDbSettings(
    int LogQuorum,
    SimDuration LogServiceTime,
    SimDuration LogHeartbeat,
    SimDuration LeaseDuration,
    SimDuration ElectionDelay,
    SimDuration ElectionJitter,
    SimDuration ReplacementDelay)
{
    /// <summary>The block's name in a scenario.</summary>
    public const string BlockName = "memorydb";

    /// <summary>The keys a scenario's <c>memorydb:</c> block may set, in documentation order.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        "log-quorum", "log-service-time", "log-heartbeat", "lease-duration", "election-delay", "election-jitter",
        "replacement-delay",
    ];

    /// <summary>The defaults (docs/sources.md §6, §4.5 and assumptions A25–A29).</summary>
    public static MemoryDbSettings Default { get; } = new(
        LogQuorum: 2,
        LogServiceTime: SimDuration.FromMilliseconds(1),
        LogHeartbeat: SimDuration.FromMilliseconds(100),
        LeaseDuration: SimDuration.FromSeconds(10),
        ElectionDelay: SimDuration.FromSeconds(1),
        ElectionJitter: SimDuration.FromSeconds(1),
        ReplacementDelay: SimDuration.FromMinutes(3));

    /// <summary>
    /// Builds the settings from a scenario block's key/value text, in file order; absent keys keep their default.
    /// Throws <see cref="PathSettingException"/> naming the bad key and the allowed keys or the expected format.
    /// </summary>
    public static MemoryDbSettings FromValues(IReadOnlyList<KeyValuePair<string, string>>? values)
    {
        var v = new SettingValues(BlockName, values, Keys);
        var d = Default;
        var heartbeat = v.Duration("log-heartbeat", d.LogHeartbeat);
        var lease = v.Duration("lease-duration", d.LeaseDuration);
        if (lease <= heartbeat)
        {
            throw new PathSettingException(BlockName, "lease-duration", $"{BlockName}.lease-duration: expected more than log-heartbeat ({heartbeat}); found {lease}");
        }

        return new MemoryDbSettings(
            LogQuorum: v.WholeNumber("log-quorum", d.LogQuorum, 1, 9),
            LogServiceTime: v.Duration("log-service-time", d.LogServiceTime, allowZero: true),
            LogHeartbeat: heartbeat,
            LeaseDuration: lease,
            ElectionDelay: v.Duration("election-delay", d.ElectionDelay, allowZero: true),
            ElectionJitter: v.Duration("election-jitter", d.ElectionJitter, allowZero: true),
            ReplacementDelay: v.Duration("replacement-delay", d.ReplacementDelay, allowZero: true));
    }
}
