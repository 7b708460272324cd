using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Model.Specs;

/// <summary>
/// ElastiCache (node-based, cluster mode disabled, Multi-AZ with automatic failover) control-plane settings. The
/// end-to-end unplanned failover these defaults give is calibrated to docs/sources.md §4.1: about 27 s measured under
/// the FIS AZ power interruption, "about 30 s" (AWS blog), a 15–30 s range; the docs' "a few seconds" is the
/// promotion alone. Scenario block <c>elasticache:</c>, keys in kebab-case.
/// </summary>
/// <param name="HealthCheckInterval">How often the control plane checks every node (ASSUMPTION A15: 1 s).</param>
/// <param name="FailureDetection">
/// How long a node must fail every health check before it is declared failed (ASSUMPTION A16: 15 s, calibrated with
/// A17 and A18 so that the client-observed failover lands at the measured ~27 s; AWS publishes no detection time,
/// docs/sources.md §4.1).
/// </param>
/// <param name="PromotionTime">
/// From the decision to the replica answering as primary: "typically just a few seconds" (docs/sources.md §4.1);
/// ASSUMPTION A17: 6 s.
/// </param>
/// <param name="DnsUpdateDelay">
/// From the promotion to the primary endpoint's DNS answering with the new node (ASSUMPTION A18: 3 s).
/// </param>
/// <param name="Fencing">What the control plane does to a failed-over primary that may still run (ASSUMPTION A19).</param>
/// <param name="FencingDelay">
/// From the failover decision to the fencing (<see cref="Specs.Fencing.PowerOff"/> only); zero fences before the
/// promotion (ASSUMPTION A90).
/// </param>
/// <param name="ReplacementDelay">
/// A failed node is replaced "after a few minutes", and in an AZ failure only once the AZ is back (docs/sources.md §4.2);
/// ASSUMPTION A20: 3 min.
/// </param>
/// <param name="PlannedFailoverTimeout">
/// How long a planned (coordinated) failover waits for the replica to catch up before it gives up: the manual
/// failover timeout of Redis, 5000 ms (docs/sources.md §1.7, <c>CLUSTER_MF_TIMEOUT</c>).
/// </param>
/// <param name="CloseOnReplicaWrite"><c>close-on-slave-write</c>, default yes on ElastiCache (docs/sources.md §4.2).</param>
/// <param name="Durability">
/// The durability option (docs/sources.md §4.5, §4.8): <c>disabled</c> (the default, as without the option),
/// <c>sync</c> or <c>async</c>; the shard then runs on the Multi-AZ transaction log (ASSUMPTION A97).
/// </param>
/// <param name="EngineVersion">
/// The engine and version; durability needs Valkey 9.0 or later (docs/sources.md §4.5). Default <c>valkey-9.0</c>.
/// </param>
public sealed record ElastiCacheSettings(
    SimDuration HealthCheckInterval,
    SimDuration FailureDetection,
    SimDuration PromotionTime,
    SimDuration DnsUpdateDelay,
    Fencing Fencing,
    SimDuration FencingDelay,
    SimDuration ReplacementDelay,
    SimDuration PlannedFailoverTimeout,
    bool CloseOnReplicaWrite,
    ElastiCacheDurability Durability,
    EngineVersion EngineVersion)
{
    /// <summary>The block's name in a scenario.</summary>
    public const string BlockName = "elasticache";

    /// <summary>The keys a scenario's <c>elasticache:</c> block may set, in documentation order.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        "health-check-interval", "failure-detection", "promotion-time", "dns-update-delay", "fencing", "fencing-delay",
        "replacement-delay", "planned-failover-timeout", "close-on-slave-write", "durability", "engine-version",
    ];

    /// <summary>The choices of <c>durability</c>.</summary>
    public static IReadOnlyList<(string Name, ElastiCacheDurability Value)> DurabilityChoices { get; } =
    [
        ("disabled", ElastiCacheDurability.Disabled),
        ("sync", ElastiCacheDurability.Sync),
        ("async", ElastiCacheDurability.Async),
    ];

    /// <summary>
    /// With <c>durability: async</c>, the primary rejects writes while the oldest write the log does not hold is older
    /// than this: 10 s, the durability buffer (docs/sources.md §4.5, §4.8).
    /// </summary>
    public static SimDuration AsyncDurabilityBuffer { get; } = SimDuration.FromSeconds(10);

    /// <summary>The choices of <c>fencing</c> (ElastiCache and Serverless).</summary>
    public static IReadOnlyList<(string Name, Fencing Value)> FencingChoices { get; } =
    [
        ("power-off", Fencing.PowerOff),
        ("none", Fencing.None),
    ];

    /// <summary>The defaults (docs/sources.md §4.1, §4.2, §1.7 and assumptions A15–A20).</summary>
    public static ElastiCacheSettings Default { get; } = new(
        HealthCheckInterval: SimDuration.FromSeconds(1),
        FailureDetection: SimDuration.FromSeconds(15),
        PromotionTime: SimDuration.FromSeconds(6),
        DnsUpdateDelay: SimDuration.FromSeconds(3),
        Fencing: Fencing.PowerOff,
        FencingDelay: SimDuration.Zero,
        ReplacementDelay: SimDuration.FromMinutes(3),
        PlannedFailoverTimeout: SimDuration.FromMilliseconds(5000),
        CloseOnReplicaWrite: true,
        Durability: ElastiCacheDurability.Disabled,
        EngineVersion: EngineVersion.Valkey90);

    /// <summary>
    /// Builds the settings from a scenario block's key/value text, in file order; absent keys keep their default.
    /// Throws <see cref="PathSettingException"/> naming the bad key and the allowed keys or the expected format.
    /// </summary>
    public static ElastiCacheSettings FromValues(IReadOnlyList<KeyValuePair<string, string>>? values)
    {
        var v = new SettingValues(BlockName, values, Keys);
        var d = Default;
        var durability = v.Choice("durability", d.Durability, DurabilityChoices);
        var engine = v.Engine("engine-version", d.EngineVersion);
        if (durability != ElastiCacheDurability.Disabled && !engine.SupportsDurability)
        {
            throw new PathSettingException(BlockName, "durability", $"{BlockName}.durability: {Name(durability)} needs engine-version valkey-9.0 or later (durability is a Valkey 9.0 feature, docs/sources.md §4.5); found engine-version {engine}");
        }

        return new ElastiCacheSettings(
            HealthCheckInterval: v.Duration("health-check-interval", d.HealthCheckInterval),
            FailureDetection: v.Duration("failure-detection", d.FailureDetection),
            PromotionTime: v.Duration("promotion-time", d.PromotionTime, allowZero: true),
            DnsUpdateDelay: v.Duration("dns-update-delay", d.DnsUpdateDelay, allowZero: true),
            Fencing: v.Choice("fencing", d.Fencing, FencingChoices),
            FencingDelay: v.Duration("fencing-delay", d.FencingDelay, allowZero: true),
            ReplacementDelay: v.Duration("replacement-delay", d.ReplacementDelay, allowZero: true),
            PlannedFailoverTimeout: v.Duration("planned-failover-timeout", d.PlannedFailoverTimeout),
            CloseOnReplicaWrite: v.Flag("close-on-slave-write", d.CloseOnReplicaWrite),
            Durability: durability,
            EngineVersion: engine);
    }

    private static string Name(ElastiCacheDurability durability) => DurabilityChoices.First(c => c.Value == durability).Name;
}
