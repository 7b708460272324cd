using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Model.Specs;

/// <summary>
/// ElastiCache Serverless settings: capacity and its scaling (docs/sources.md §5), the failover behind the proxy
/// (undocumented: assumption A23), and metering. Scenario block <c>serverless:</c>, keys in kebab-case.
/// </summary>
/// <param name="InitialEcpuPerSecond">Capacity of a new cache: 30K ECPU/s on an empty cache (docs/sources.md §5).</param>
/// <param name="MaxEcpuPerSecond">
/// The configurable maximum ECPU/s: requests beyond it are throttled (docs/sources.md §5). Default 5,000,000: the
/// "0 → 5M RPS per cache" AWS cites for Valkey 8 (docs/sources.md §5).
/// </param>
/// <param name="DoublingPeriod">
/// Capacity "doubles every 2–3 minutes" while demand needs it (docs/sources.md §5); ASSUMPTION A21: 2.5 min per doubling.
/// </param>
/// <param name="ScaleUpUtilization">
/// ASSUMPTION A21: a doubling starts when the demand of the last second reaches this share of capacity (0.8).
/// </param>
/// <param name="ThrottleAfter">
/// ASSUMPTION A22: demand above capacity waits in a queue; a request that would wait longer than this (100 ms) is
/// refused at once with a throttling error.
/// </param>
/// <param name="HealthCheckInterval">How often the service checks its shard nodes (ASSUMPTION A23: 1 s).</param>
/// <param name="FailureDetection">
/// ASSUMPTION A23: a shard primary is declared failed after 15 s without answering: Serverless runs cluster mode
/// (docs/sources.md §5), whose <c>cluster-node-timeout</c> is 15000 ms (docs/sources.md §3).
/// </param>
/// <param name="PromotionTime">
/// ASSUMPTION A23: the replica takes over 1 s after the decision ("failovers are usually executed in a matter of 1
/// or 2 seconds", docs/sources.md §3); the proxies route to it at once, so clients need no DNS change.
/// </param>
/// <param name="ReplacementDelay">ASSUMPTION A23: a failed shard node is replaced after 3 min, as node-based.</param>
/// <param name="MinimumStorageGb">Minimum metered storage: 1 GB per cache for Redis OSS (docs/sources.md §5).</param>
public sealed record ServerlessSettings(
    double InitialEcpuPerSecond,
    double MaxEcpuPerSecond,
    SimDuration DoublingPeriod,
    double ScaleUpUtilization,
    SimDuration ThrottleAfter,
    SimDuration HealthCheckInterval,
    SimDuration FailureDetection,
    SimDuration PromotionTime,
    SimDuration ReplacementDelay,
    double MinimumStorageGb)
{
    /// <summary>
    /// What the control plane does to a failed-over primary that may still run (ASSUMPTION A23, as ElastiCache's
    /// A19); set with <c>fencing</c>.
    /// </summary>
    public Fencing Fencing { get; init; } = Fencing.PowerOff;

    /// <summary>From the failover decision to the fencing; zero fences before the promotion (A90).</summary>
    public SimDuration FencingDelay { get; init; } = SimDuration.Zero;

    /// <summary>
    /// ASSUMPTION A161: with a <c>cluster:</c> section, the last this-many shards start in the warm pool (no slots) and
    /// each capacity doubling (A21) takes the next into service, moving slots to it (A162). Zero: the shards are fixed.
    /// </summary>
    public int WarmShards { get; init; }

    /// <summary>
    /// ASSUMPTION A161: from the start of a doubling to the first slot moving to the shard it adds: "about a minute to
    /// provision from a warm pool" (docs/sources.md §5, a talk summary). Shorter than the doubling period; when only
    /// the doubling period is set, at most half of it.
    /// </summary>
    public SimDuration ShardProvisioning { get; init; } = SimDuration.FromSeconds(60);

    /// <summary>
    /// ASSUMPTION A170: how long a proxy holds a write for a shard whose primary reset its connection, waiting for the
    /// route to name a new primary, before it answers the write with an error (A169). AWS calls a Serverless failover
    /// transparent to the application (docs/sources.md §5.3) but publishes no bound: 30 s, twice the modelled failure
    /// detection (A23), so a held write outlives the modelled failover. Zero answers such writes with an error at once.
    /// </summary>
    public SimDuration ProxyHold { get; init; } = SimDuration.FromSeconds(30);

    /// <summary>The block's name in a scenario.</summary>
    public const string BlockName = "serverless";

    /// <summary>The keys a scenario's <c>serverless:</c> block may set, in documentation order.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        "initial-ecpu-per-second", "max-ecpu-per-second", "doubling-period", "scale-up-utilization", "throttle-after",
        "health-check-interval", "failure-detection", "promotion-time", "replacement-delay", "minimum-storage-gb",
        "fencing", "fencing-delay", "warm-shards", "shard-provisioning", "proxy-hold",
    ];

    /// <summary>The defaults (docs/sources.md §5, §3 and assumptions A21–A23).</summary>
    public static ServerlessSettings Default { get; } = new(
        InitialEcpuPerSecond: 30_000,
        MaxEcpuPerSecond: 5_000_000,
        DoublingPeriod: SimDuration.FromSeconds(150),
        ScaleUpUtilization: 0.8,
        ThrottleAfter: SimDuration.FromMilliseconds(100),
        HealthCheckInterval: SimDuration.FromSeconds(1),
        FailureDetection: SimDuration.FromSeconds(15),
        PromotionTime: SimDuration.FromSeconds(1),
        ReplacementDelay: SimDuration.FromMinutes(3),
        MinimumStorageGb: 1);

    /// <summary>
    /// Builds the settings from a scenario block's key/value text, in file order; absent keys keep their default.
    /// Throws <see cref="PathSettingException"/> naming the bad key and the allowed keys or the expected format.
    /// </summary>
    public static ServerlessSettings FromValues(IReadOnlyList<KeyValuePair<string, string>>? values)
    {
        var v = new SettingValues(BlockName, values, Keys);
        var d = Default;
        double initial = v.Number("initial-ecpu-per-second", d.InitialEcpuPerSecond, 1, 1e9);
        double max = v.Number("max-ecpu-per-second", Math.Max(d.MaxEcpuPerSecond, initial), 1, 1e9);
        if (max < initial)
        {
            throw new PathSettingException(BlockName, "max-ecpu-per-second", $"{BlockName}.max-ecpu-per-second: expected at least initial-ecpu-per-second ({initial}); found {max}");
        }

        var doubling = v.Duration("doubling-period", d.DoublingPeriod);
        var provisioning = v.Duration("shard-provisioning", d.ShardProvisioning, allowZero: true);
        if (provisioning >= doubling && values?.Any(p => p.Key == "shard-provisioning") == true)
        {
            throw new PathSettingException(BlockName, "shard-provisioning", $"{BlockName}.shard-provisioning: expected less than doubling-period ({RunText(doubling)}): the slots move to the added shard in the rest of the doubling (A161); found {RunText(provisioning)}");
        }

        return new ServerlessSettings(
            InitialEcpuPerSecond: initial,
            MaxEcpuPerSecond: max,
            DoublingPeriod: doubling,
            ScaleUpUtilization: v.Number("scale-up-utilization", d.ScaleUpUtilization, 0.01, 10),
            ThrottleAfter: v.Duration("throttle-after", d.ThrottleAfter, allowZero: true),
            HealthCheckInterval: v.Duration("health-check-interval", d.HealthCheckInterval),
            FailureDetection: v.Duration("failure-detection", d.FailureDetection),
            PromotionTime: v.Duration("promotion-time", d.PromotionTime, allowZero: true),
            ReplacementDelay: v.Duration("replacement-delay", d.ReplacementDelay, allowZero: true),
            MinimumStorageGb: v.Number("minimum-storage-gb", d.MinimumStorageGb, 0, 1e6))
        {
            Fencing = v.Choice("fencing", d.Fencing, ElastiCacheSettings.FencingChoices),
            FencingDelay = v.Duration("fencing-delay", d.FencingDelay, allowZero: true),
            WarmShards = v.WholeNumber("warm-shards", d.WarmShards, 0, 1_000),
            ShardProvisioning = provisioning,
            ProxyHold = v.Duration("proxy-hold", d.ProxyHold, allowZero: true),
        };
    }

    private static string RunText(SimDuration duration) =>
        (duration.Nanoseconds / 1e9).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + "s";
}
