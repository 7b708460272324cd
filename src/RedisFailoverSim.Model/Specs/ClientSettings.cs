using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Model.Specs;

/// <summary>
/// Client library behaviour. Defaults are StackExchange.Redis's (FACTS.md §9.2), the client .NET users run.
/// </summary>
/// <param name="Library">The library the defaults come from, for reports.</param>
/// <param name="CommandTimeout"><c>syncTimeout</c>/<c>asyncTimeout</c>: 5000 ms.</param>
/// <param name="ConnectTimeout"><c>connectTimeout</c>: 5000 ms.</param>
/// <param name="Heartbeat">Timeouts are only noticed on the 1000 ms heartbeat (0–1 s slop).</param>
/// <param name="ReconnectBase">ExponentialRetry base: ConnectTimeout/2 = 2500 ms.</param>
/// <param name="ReconnectMax">ExponentialRetry cap: 10 s.</param>
/// <param name="SentinelTimeout">
/// Per-Sentinel query timeout when discovering the primary: "a few hundred ms" (FACTS.md §9.1);
/// ASSUMPTION A5: 500 ms.
/// </param>
/// <param name="FollowSwitchMaster">Switch primary on a Sentinel's <c>+switch-master</c> message (StackExchange.Redis does).</param>
/// <param name="DnsTtl">For endpoint-based paths: how long a client keeps a resolved address (ElastiCache: 5–10 s recommended, FACTS.md §9.1).</param>
public sealed record ClientSettings(
    string Library,
    SimDuration CommandTimeout,
    SimDuration ConnectTimeout,
    SimDuration Heartbeat,
    SimDuration ReconnectBase,
    SimDuration ReconnectMax,
    SimDuration SentinelTimeout,
    bool FollowSwitchMaster,
    SimDuration DnsTtl)
{
    /// <summary>StackExchange.Redis defaults (FACTS.md §9.2).</summary>
    public static ClientSettings Default { get; } = new(
        Library: "StackExchange.Redis",
        CommandTimeout: SimDuration.FromMilliseconds(5000),
        ConnectTimeout: SimDuration.FromMilliseconds(5000),
        Heartbeat: SimDuration.FromMilliseconds(1000),
        ReconnectBase: SimDuration.FromMilliseconds(2500),
        ReconnectMax: SimDuration.FromMilliseconds(10_000),
        SentinelTimeout: SimDuration.FromMilliseconds(500),
        FollowSwitchMaster: true,
        DnsTtl: SimDuration.FromSeconds(5));
}
