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

    /// <summary>A duration longer than any run (runs last at most 30 days): "no timeout", "cache forever".</summary>
    public static SimDuration Never { get; } = SimDuration.FromSeconds(100L * 365 * 24 * 3600);

    /// <summary>When the library acts on its timers: on its heartbeat (StackExchange.Redis) or at the instant.</summary>
    public ClientTimers Timers { get; init; } = ClientTimers.Heartbeat;

    /// <summary>Where a command's timeout starts: StackExchange.Redis counts from when the command was issued.</summary>
    public TimeoutOrigin TimeoutOrigin { get; init; } = TimeoutOrigin.IntendedStart;

    /// <summary>What a command timeout does to the connection: StackExchange.Redis keeps it (only the command fails).</summary>
    public ConnectionAction OnTimeout { get; init; } = ConnectionAction.Keep;

    /// <summary>
    /// On <c>-READONLY</c>: StackExchange.Redis treats it as a topology change and reconfigures (re-checks every
    /// node's role; an endpoint client reconnects through its endpoint at once).
    /// </summary>
    public ConnectionAction OnReadOnly { get; init; } = ConnectionAction.Rediscover;

    /// <summary>On <c>-NOREPLICAS</c>: StackExchange.Redis returns the error and keeps the connection.</summary>
    public ConnectionAction OnNoReplicas { get; init; } = ConnectionAction.Keep;

    /// <summary>On <c>-LOADING</c>: StackExchange.Redis returns the error and keeps the connection.</summary>
    public ConnectionAction OnLoading { get; init; } = ConnectionAction.Keep;

    /// <summary>On any other error reply (a throttled or refused write): the error is returned, the connection kept.</summary>
    public ConnectionAction OnOtherError { get; init; } = ConnectionAction.Keep;

    /// <summary>On <c>-CLUSTERDOWN</c>: StackExchange.Redis returns the error and keeps the connection.</summary>
    public ConnectionAction OnClusterDown { get; init; } = ConnectionAction.Keep;

    /// <summary>
    /// On a reset (the peer closed the connection): <see cref="ConnectionAction.Drop"/> reconnects after the
    /// reconnect delay (StackExchange.Redis), <see cref="ConnectionAction.Rediscover"/> at once.
    /// </summary>
    public ConnectionAction OnReset { get; init; } = ConnectionAction.Drop;

    /// <summary>ExponentialRetry's growth per attempt: 1.1 (docs/sources.md §9.2).</summary>
    public double ReconnectGrowth { get; init; } = 1.1;

    /// <summary>Added to the reconnect delay per attempt (linear strategies); none for ExponentialRetry.</summary>
    public SimDuration ReconnectStep { get; init; } = SimDuration.Zero;

    /// <summary>ExponentialRetry draws each delay in [base, computed] (docs/sources.md §9.2).</summary>
    public BackoffJitter ReconnectJitter { get; init; } = BackoffJitter.FromBase;

    /// <summary>The reconnect delay after failed attempts.</summary>
    public Backoff Reconnect => new(ReconnectBase, ReconnectGrowth, ReconnectStep, ReconnectMax, ReconnectJitter);

    /// <summary>Commands in flight on a closed connection: StackExchange.Redis fails them (the client cannot know their fate).</summary>
    public InFlightOnDrop InFlightOnDrop { get; init; } = InFlightOnDrop.Unknown;

    /// <summary>Commands issued while disconnected: StackExchange.Redis queues them on its backlog until they time out.</summary>
    public OfflineQueue OfflineQueue { get; init; } = OfflineQueue.Queue;

    /// <summary>
    /// With <see cref="OfflineQueue.Queue"/>: the most writes the queue holds; one issued when it is full fails at once,
    /// never sent (Lettuce's <c>requestQueueSize</c>). <see cref="int.MaxValue"/>: unbounded (every profile's default).
    /// </summary>
    public int OfflineQueueLimit { get; init; } = int.MaxValue;

    /// <summary>
    /// The most writes the client has in flight at once: a pooled library sends one command per connection and holds
    /// at most this many connections (Jedis's <c>maxTotal</c> 8, go-redis's <c>PoolSize</c>); a write that finds them all
    /// busy waits in the client, first come first served, until one ends (assumption A45). <see cref="int.MaxValue"/>:
    /// multiplexed, one connection pipelines every command without a bound (StackExchange.Redis, the default).
    /// </summary>
    public int PoolSize { get; init; } = int.MaxValue;

    /// <summary>
    /// With a bounded <see cref="PoolSize"/>: how long a write waits for a free connection before it fails, never sent
    /// (go-redis's <c>PoolTimeout</c>); <see cref="Never"/>: it waits for ever (Jedis: <c>maxWait</c> -1).
    /// </summary>
    public SimDuration PoolTimeout { get; init; } = Never;

    /// <summary>
    /// A cluster write whose slot's primary is not connected: StackExchange.Redis sends it to any connected primary
    /// and follows the -MOVED (docs/sources.md §3.11).
    /// </summary>
    public UnconnectedSlot UnconnectedSlot { get; init; } = UnconnectedSlot.AnyPrimary;

    /// <summary>
    /// A cluster client's periodic topology check: every period it asks a node its shard's connection is connected to
    /// for <c>CLUSTER SLOTS</c> and adopts the answer, with no error needed. StackExchange.Redis re-checks each
    /// connected server every <c>ConfigCheckSeconds</c> (60 s, docs/sources.md §3.19, assumption A174); <see cref="Never"/>
    /// for a library that refreshes only on -MOVED and reconnects.
    /// </summary>
    public SimDuration TopologyRefresh { get; init; } = SimDuration.FromSeconds(60);

    /// <summary>
    /// On a Sentinel deployment: asks the Sentinels for the primary (every Sentinel client), or keeps the node that
    /// said <c>role:master</c> when the client was created (Valkey GLIDE, assumption A176). Endpoint and cluster paths
    /// keep their own discovery: there the one address is the endpoint, resolved again at each reconnect.
    /// </summary>
    public PrimaryDiscovery PrimaryDiscovery { get; init; } = PrimaryDiscovery.Sentinel;

    /// <summary>
    /// What the caller learns of a write that timed out before it was sent: StackExchange.Redis says it was never
    /// sent (failed, assumption A8); a library whose timeout error does not say leaves it unknown.
    /// </summary>
    public UnsentTimeout UnsentTimeout { get; init; } = UnsentTimeout.Failed;

    /// <summary>StackExchange.Redis checks a new connection's role before routing writes to it.</summary>
    public bool RoleCheckOnConnect { get; init; } = true;

    /// <summary>With <see cref="FollowSwitchMaster"/>: whose <c>+switch-master</c> the client hears (every Sentinel by default).</summary>
    public SwitchMasterSource SwitchMasterFrom { get; init; } = SwitchMasterSource.EverySentinel;

    /// <summary>What the Sentinels' Pub/Sub events do: only +switch-master by default (node-redis: rediscover).</summary>
    public SentinelEventAction SentinelEvents { get; init; } = SentinelEventAction.SwitchMaster;

    /// <summary>StackExchange.Redis asks its Sentinels in the order configured.</summary>
    public SentinelOrder SentinelOrder { get; init; } = SentinelOrder.AsListed;

    /// <summary>How a connection to a silent peer is found dead: StackExchange.Redis's heartbeat rules (A30, A39).</summary>
    public DeadSocketCheck DeadSocket { get; init; } = DeadSocketCheck.StackExchangeHeartbeat;

    /// <summary>With <see cref="DeadSocketCheck.SilentFor"/>: the silence after which a connection with a command unanswered is dropped.</summary>
    public SimDuration DeadSocketAfter { get; init; } = Never;

    /// <summary>How many times a command is sent again after an error reply listed in <see cref="RetryOn"/>: StackExchange.Redis never.</summary>
    public int RetryAttempts { get; init; }

    /// <summary>The error replies that are retried.</summary>
    public RetryOn RetryOn { get; init; } = RetryOn.None;

    /// <summary>The delay before each retry.</summary>
    public Backoff RetryBackoff { get; init; } = new(SimDuration.Zero, 1, SimDuration.Zero, SimDuration.Zero, BackoffJitter.None);

    /// <summary>
    /// Fails every queued command after this many failed reconnects in a row, and again after as many more
    /// (ioredis's <c>maxRetriesPerRequest</c>); zero: never (StackExchange.Redis fails them by their timeout).
    /// </summary>
    public int FlushQueueAfterReconnects { get; init; }

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
