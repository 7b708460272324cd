using RedisFailoverSim.Engine.Time;

namespace RedisFailoverSim.Model.Specs;

/// <summary>
/// Client library behaviour. Defaults are StackExchange.Redis's (docs/sources.md §9.2), the client .NET users run.
/// </summary>
/// <param name="Library">The library the defaults come from, for reports.</param>
/// <param name="CommandTimeout"><c>syncTimeout</c>/<c>asyncTimeout</c>: 5000 ms.</param>
/// <param name="ConnectTimeout"><c>connectTimeout</c>: 5000 ms.</param>
/// <param name="Heartbeat">Timeouts are only noticed on the 1000 ms heartbeat (0–1 s slop).</param>
/// <param name="ReconnectBase">ExponentialRetry base: ConnectTimeout/2 = 2500 ms.</param>
/// <param name="ReconnectMax">ExponentialRetry cap: 10 s.</param>
/// <param name="SentinelTimeout">
/// Per-Sentinel query timeout when discovering the primary: "a few hundred ms" (docs/sources.md §9.1);
/// ASSUMPTION A5: 500 ms.
/// </param>
/// <param name="FollowSwitchMaster">
/// With <see cref="ConnectToEveryNode"/> off: switch primary on a Sentinel's <c>+switch-master</c> message. With it on
/// the message changes nothing: StackExchange.Redis's <c>SwitchPrimary</c> reconfigures only for an endpoint it does
/// not know yet, and the client knows every node.
/// </param>
/// <param name="DnsTtl">For endpoint-based paths: how long a client keeps a resolved address (ElastiCache: 5–10 s recommended, docs/sources.md §9.1).</param>
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
    /// <summary>
    /// ASSUMPTION A36: a write issued while the client has no connected primary waits on the connection of the node
    /// it was routed to (StackExchange.Redis queues it on that server's bridge); when the client moves to another
    /// node it is not re-sent there and fails at the command timeout, never sent (assumption A8). Only for clients
    /// that connect to nodes themselves (Sentinel); an endpoint client's one connection follows its endpoint, so
    /// reconnecting to the endpoint sends what waited. False: the backlog goes to whichever primary comes next.
    /// </summary>
    public bool BacklogPerNode { get; init; } = true;

    /// <summary>
    /// ASSUMPTION A37: a Sentinel client connects to every node the Sentinels list and routes writes to the first
    /// node it knows that reports <c>role:master</c> and answers, as StackExchange.Redis's multiplexer does; it finds
    /// a promoted replica when the promotion's <c>CLIENT KILL</c> makes it reconnect, and returns to an old primary
    /// that answers again still a primary. False: one connection, to the node the Sentinels name, switched on
    /// <c>+switch-master</c> (<see cref="FollowSwitchMaster"/>) or the 1 s re-query (assumption A12).
    /// </summary>
    public bool ConnectToEveryNode { get; init; } = true;

    /// <summary>StackExchange.Redis defaults (docs/sources.md §9.2).</summary>
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
