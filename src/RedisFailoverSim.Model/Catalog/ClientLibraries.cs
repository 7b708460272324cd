using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Model.Catalog;

/// <summary>
/// The client-library profiles: each library's defaults as <see cref="ClientSettings"/> policy choices, with the source
/// of each (docs/sources.md §11). A profile is data; the client model is the same for all.
/// </summary>
public static partial class ClientLibraries
{
    private const string Se = "docs/sources.md §9.2";
    private const string JedisSource = "docs/sources.md §11.15";
    private const string GlideSource = "docs/sources.md §11.20";
    private const string Unconfirmed = "UNCONFIRMED: the StackExchange.Redis default kept";
    private const string RedisPyPool = "docs/sources.md §11.2 (ConnectionPool max_connections 2**31: one command per connection, a new one whenever none is free, so no bound)";

    // Keys no profile's own section reads (StackExchange.Redis's source for unconnected-slot and topology-refresh, none
    // for on-clusterdown): another profile that states no source for one inherits StackExchange.Redis's value,
    // unconfirmed, never its own "*" source.
    private static readonly string[] ReadForStackExchangeOnly = ["unconnected-slot", "on-clusterdown", "offline-queue-limit", "topology-refresh", "pool-size"];

    // ASSUMPTION A45: a pooled library reconnects at its next command (no delay) and a write issued while its one
    // modelled connection is down fails at once; its pool size bounds the writes in flight (client.pool-size).
    private static readonly Backoff NoDelay = new(SimDuration.Zero, 1, SimDuration.Zero, SimDuration.Zero, BackoffJitter.None);

    /// <summary>Every profile; the first is the default.</summary>
    public static IReadOnlyList<ClientLibrary> All { get; } =
        [StackExchange(), RedisPy(), RedisPy8(), RedisPy4(), Lettuce(), Jedis(), GoRedis(), IoRedis6(), IoRedis(), NodeRedis6(), NodeRedis(), ValkeyGlide()];

    /// <summary>The profile ids, as scenarios spell them.</summary>
    public static IReadOnlyList<string> Ids { get; } = All.Select(l => l.Id).ToList();

    /// <summary>The profile spelt <paramref name="id"/> (case-insensitive).</summary>
    public static bool TryFind(string id, out ClientLibrary library)
    {
        library = All.FirstOrDefault(l => string.Equals(l.Id, id, StringComparison.OrdinalIgnoreCase))!;
        return library is not null;
    }

    private static ClientLibrary StackExchange() => Make(
        "stackexchange-redis", "2.x-3.x (calibrated with 3.4.35)", ClientSettings.Default,
        [("*", Se), ("dead-socket", "assumptions A30 (endpoint) and A39 (Sentinel), docs/sources.md §11.1"),
            ("sentinel-timeout", "assumption A5"), ("connect-to-every-node", "assumption A37"), ("backlog-per-node", "assumption A36"),
            ("unconnected-slot", "docs/sources.md §3.11, §3.16 (ServerSelectionStrategy.Select, Any, TryResend)"),
            ("on-clusterdown", "UNCONFIRMED: returned to the caller as any error reply, the connection kept (docs/sources.md §11.22)"),
            ("offline-queue-limit", "UNCONFIRMED: no bound on the backlog found (docs/sources.md §9.2)"),
            ("topology-refresh", "docs/sources.md §3.19 (ConfigCheckSeconds, PhysicalBridge.OnHeartbeat); assumption A174"),
            ("pool-size", "docs/sources.md §11.1 (one multiplexed connection pipelines every caller's commands)")],
        [],
        "calibrated: rfsim calibrate drives StackExchange.Redis 3.4.35 against real Redis and Sentinel (assumptions A36-A39)");

    private static ClientLibrary RedisPy() => Make(
        "redis-py", "7.x (7.4.1)", PooledSentinelClient("redis-py") with
        {
            CommandTimeout = ClientSettings.Never,
            ConnectTimeout = ClientSettings.Never,
            TimeoutOrigin = TimeoutOrigin.Sent,
            OnTimeout = ConnectionAction.Drop,
            OnReadOnly = ConnectionAction.Drop,
            RetryAttempts = 3,
            RetryOn = RetryOn.ReadOnly,
            RetryBackoff = new(SimDuration.FromSeconds(1), 2, SimDuration.Zero, SimDuration.FromSeconds(10), BackoffJitter.Full),
            SentinelOrder = SentinelOrder.LastAnsweredFirst,
            FollowSwitchMaster = false,
        },
        [("*", "docs/sources.md §11.2"), ("reconnect-base", "assumption A45"), ("reconnect-max", "assumption A45"),
            ("offline-queue", "assumption A45"), ("offline-queue-limit", "not used (offline-queue: fail-fast)"), ("timers", "assumption A47"), ("dns-ttl", Unconfirmed), ("heartbeat", "assumption A47"),
            ("pool-size", RedisPyPool)],
        ["retries after a timeout or a closed connection (ConnectionError/TimeoutError) are not modelled: those writes end unknown (assumption A46; only a re-send of what was in flight, in-flight-on-drop: resend, is)",
            "the Sentinel that answered is swapped to the front, not moved: modelled as moved to the front"],
        "not calibrated: 7.x is not packaged here; its Sentinel client is calibrated as redis-py-4 (Debian's 4.3.4), which differs only in retries");

    private static ClientLibrary RedisPy8() => Make(
        "redis-py-8", "8.1.0", RedisPy().Settings with
        {
            Library = "redis-py 8",
            CommandTimeout = SimDuration.FromSeconds(5),
            ConnectTimeout = SimDuration.FromSeconds(5),
            RetryAttempts = 10,
            RetryBackoff = new(SimDuration.FromMilliseconds(10), 2, SimDuration.Zero, SimDuration.FromSeconds(1), BackoffJitter.Full),
        },
        [("*", "docs/sources.md §11.2"), ("reconnect-base", "assumption A45"), ("reconnect-max", "assumption A45"),
            ("offline-queue", "assumption A45"), ("offline-queue-limit", "not used (offline-queue: fail-fast)"), ("timers", "assumption A47"), ("dns-ttl", Unconfirmed), ("heartbeat", "assumption A47"),
            ("pool-size", RedisPyPool),
            ("dead-socket", "docs/sources.md §11.2: TCP keepalive probes only an idle connection; the 5 s socket timeout comes first")],
        ["retries after a timeout or a closed connection are not modelled: those writes end unknown (assumption A46)"],
        "not calibrated: 8.1 is not packaged here");

    private static ClientLibrary RedisPy4() => Make(
        "redis-py-4", "4.3.4 (Debian 12 python3-redis)", RedisPy().Settings with
        {
            Library = "redis-py 4",
            RetryAttempts = 0,
            RetryOn = RetryOn.None,
            RetryBackoff = NoDelay,
        },
        [("*", "docs/sources.md §11.2"), ("reconnect-base", "assumption A45"), ("reconnect-max", "assumption A45"),
            ("offline-queue", "assumption A45"), ("offline-queue-limit", "not used (offline-queue: fail-fast)"), ("timers", "assumption A47"), ("dns-ttl", Unconfirmed), ("heartbeat", "assumption A47"),
            ("pool-size", RedisPyPool),
            ("retry-attempts", "docs/sources.md §11.9"), ("retry-on", "docs/sources.md §11.9"), ("sentinel-timeout", "docs/sources.md §11.9 (none; modelled as assumption A5)")],
        ["the Sentinels are asked without a timeout: a Sentinel whose open connection a partition black-holes would hold the query; modelled with the 500 ms of assumption A5",
            "the Sentinel that answered is swapped to the front, not moved: modelled as moved to the front"],
        "calibrated: rfsim calibrate --client redis-py-4 drives Debian's python3-redis 4.3.4 (calibration/drivers/redis_py_writer.py)");

    private static ClientLibrary Lettuce() => Make(
        "lettuce", "6.x-7.0 (@b0bcdd8)", ClientSettings.Default with
        {
            Library = "Lettuce",
            CommandTimeout = SimDuration.FromSeconds(60),
            ConnectTimeout = SimDuration.FromSeconds(10),
            Timers = ClientTimers.Exact,
            OnReadOnly = ConnectionAction.Keep,
            ReconnectBase = SimDuration.FromMilliseconds(1),
            ReconnectGrowth = 2,
            ReconnectMax = SimDuration.FromSeconds(30),
            ReconnectJitter = BackoffJitter.None,
            RoleCheckOnConnect = false,
            FollowSwitchMaster = false,
            ConnectToEveryNode = false,
            BacklogPerNode = false,
            DeadSocket = DeadSocketCheck.None,
            DnsTtl = SimDuration.FromSeconds(30),
            InFlightOnDrop = InFlightOnDrop.Resend,
            TopologyRefresh = ClientSettings.Never,
        },
        [("*", "docs/sources.md §11.3"), ("command-timeout", "docs/sources.md §9.3"),
            ("timers", "assumption A47"), ("heartbeat", "assumption A47"), ("sentinel-timeout", "assumption A5"),
            ("on-readonly", "UNCONFIRMED: docs/sources.md §11.3 (documented behaviour, not found at a source line)"),
            ("role-check", "UNCONFIRMED: docs/sources.md §11.3 (documented behaviour, not found at a source line)"),
            ("dns-ttl", "docs/sources.md §11.3 (the JVM's networkaddress.cache.ttl; the 30 s is UNCONFIRMED at a line)"),
            ("offline-queue-limit", "docs/sources.md §11.3 (ClientOptions.DEFAULT_REQUEST_QUEUE_SIZE = Integer.MAX_VALUE)"),
            ("topology-refresh", "docs/sources.md §3.19 (ClusterTopologyRefreshOptions: periodic refresh off by default)"),
            ("pool-size", "docs/sources.md §11.3 (one thread-safe connection shared by every thread; pooling optional)")],
        ["a command in flight when the connection drops is re-sent after the reconnect (at least once): one the old node applied is counted as duplicated (assumption A46)"],
        "cannot run here (Maven Central is not reachable): rests on its sources");

    private static ClientLibrary Jedis() => Make(
        "jedis", "4.x-5.x (JedisSentinelPool)", PooledSentinelClient("Jedis") with
        {
            CommandTimeout = SimDuration.FromMilliseconds(2000),
            ConnectTimeout = SimDuration.FromMilliseconds(2000),
            SentinelTimeout = SimDuration.FromMilliseconds(2000),
            TimeoutOrigin = TimeoutOrigin.Sent,
            OnTimeout = ConnectionAction.Drop,
            DnsTtl = SimDuration.FromSeconds(30),
            PoolSize = 8,
        },
        [("*", JedisSource), ("pool-size", JedisSource + " (GenericObjectPoolConfig.DEFAULT_MAX_TOTAL = 8; assumption A45)"),
            ("pool-timeout", JedisSource + " (blockWhenExhausted true, maxWait -1: waits for ever)"), ("reconnect-base", "assumption A45"), ("reconnect-max", "assumption A45"),
            ("offline-queue", "assumption A45"), ("offline-queue-limit", "not used (offline-queue: fail-fast)"), ("timers", "assumption A47"), ("heartbeat", "assumption A47"),
            ("dns-ttl", JedisSource + " (resolved at each connect; the JVM's cache, §11.3)"),
            ("connect-to-every-node", "assumption A45 (one pooled connection)"), ("backlog-per-node", "assumption A45 (one pooled connection)"),
            ("unconnected-slot", "assumption A118 (JedisSentinelPool is no cluster client; a cluster scenario keeps StackExchange.Redis's routing, JedisCluster's was not read)"),
            ("on-clusterdown", JedisSource + " (an error reply is a JedisDataException, which does not break the connection)"),
            ("topology-refresh", "assumption A174 (JedisSentinelPool is no cluster client; a cluster scenario keeps StackExchange.Redis's check, JedisCluster's was not read, docs/sources.md §3.19)")],
        ["the Sentinels are a HashSet, asked in hash order when the pool is built; modelled in the order listed",
            "a reconnect goes to the pool's last master without asking the Sentinels (only +switch-master or a listener's re-subscribe moves it); modelled as asking them again",
            "a MasterListener whose Sentinel connection fails re-subscribes after 5 s and asks that Sentinel for the master; not modelled (the subscription is never lost)"],
        "cannot run here (Maven Central is not reachable): rests on its sources");

    private static ClientLibrary GoRedis() => Make(
        "go-redis", "v9", PooledSentinelClient("go-redis") with
        {
            CommandTimeout = SimDuration.FromSeconds(3),
            ConnectTimeout = SimDuration.FromSeconds(5),
            TimeoutOrigin = TimeoutOrigin.Sent,
            OnTimeout = ConnectionAction.Drop,
            OnReadOnly = ConnectionAction.Drop,
            RetryAttempts = 3,
            RetryOn = RetryOn.ReadOnly | RetryOn.Loading | RetryOn.ClusterDown,
            RetryBackoff = new(SimDuration.FromMilliseconds(8), 2, SimDuration.Zero, SimDuration.FromMilliseconds(512), BackoffJitter.FromBase),
            SentinelOrder = SentinelOrder.LastAnsweredFirst,
            TopologyRefresh = SimDuration.FromSeconds(10),
            PoolSize = 40,
            PoolTimeout = SimDuration.FromSeconds(4),
        },
        [("*", "docs/sources.md §11.5"), ("pool-size", "docs/sources.md §11.5 (10 x GOMAXPROCS); assumption A181 (4 CPUs)"),
            ("pool-timeout", "docs/sources.md §11.5 (PoolTimeout = ReadTimeout + 1 s)"),
            ("topology-refresh", "docs/sources.md §3.19 (clusterStateHolder.Get: a state older than 10 s is reloaded on the next command)"), ("reconnect-base", "assumption A45"), ("reconnect-max", "assumption A45"),
            ("offline-queue", "assumption A45"), ("offline-queue-limit", "not used (offline-queue: fail-fast)"), ("timers", "assumption A47"), ("heartbeat", "assumption A47"),
            ("dns-ttl", Unconfirmed), ("sentinel-timeout", "assumption A5"),
            ("follow-switch-master", "UNCONFIRMED: docs/sources.md §11.5 (sentinel.go, not found at a line)"),
            ("retry-on", "docs/sources.md §11.5 (error.go shouldRetry), §11.22"),
            ("on-clusterdown", "docs/sources.md §11.5 (isBadConn closes a connection after READONLY only)")],
        ["retries after a timeout or EOF are not modelled: those writes end unknown (assumption A46)",
            "shouldRetry also retries -MASTERDOWN and -TRYAGAIN; no modelled write meets either (a replica answers a write -READONLY before its -MASTERDOWN check, and every write is a single key with no slot moving where a client addresses the nodes, docs/sources.md §11.22)",
            "the Sentinels are shuffled at start and, when the last one that answered fails, asked all at once (first answer wins); modelled as asked in the order listed, the one that answered moved to the front",
            "the retry delay is min + U(0, min × 2ⁿ); modelled as U(min, min × 2ⁿ)"],
        "cannot run here (the Go module proxy serves no go-redis for this project): rests on its sources");

    private static ClientLibrary IoRedis() => Make(
        "ioredis-5", "4.x-5.x (@01e27e7)", ClientSettings.Default with
        {
            Library = "ioredis",
            CommandTimeout = ClientSettings.Never,
            ConnectTimeout = SimDuration.FromSeconds(10),
            Timers = ClientTimers.Exact,
            OnReadOnly = ConnectionAction.Keep,
            ReconnectBase = SimDuration.FromMilliseconds(50),
            ReconnectGrowth = 1,
            ReconnectStep = SimDuration.FromMilliseconds(50),
            ReconnectMax = SimDuration.FromSeconds(2),
            ReconnectJitter = BackoffJitter.None,
            FlushQueueAfterReconnects = 20,
            SentinelOrder = SentinelOrder.LastAnsweredFirst,
            FollowSwitchMaster = false,
            ConnectToEveryNode = false,
            BacklogPerNode = false,
            DeadSocket = DeadSocketCheck.None,
            InFlightOnDrop = InFlightOnDrop.Resend,
        },
        [("*", "docs/sources.md §11.6"), ("in-flight-on-drop", "docs/sources.md §11.13 (autoResendUnfulfilledCommands)"), ("timers", "assumption A47"), ("heartbeat", "assumption A47"),
            ("dns-ttl", Unconfirmed), ("sentinel-timeout", "assumption A5"),
            ("follow-switch-master", "UNCONFIRMED: ioredis 5 subscribes only with failoverDetector")],
        ["sentinelRetryStrategy min(times × 10, 1000) ms when no Sentinel answers; modelled with retryStrategy"],
        "not calibrated: the npm registry serves 6.0.0 here (profile ioredis), whose defaults differ in the reconnect backoff");

    private static ClientLibrary NodeRedis() => Make(
        "node-redis-4", "4.x", ClientSettings.Default with
        {
            Library = "node-redis",
            CommandTimeout = ClientSettings.Never,
            Timers = ClientTimers.Exact,
            OnReadOnly = ConnectionAction.Keep,
            ReconnectBase = SimDuration.FromMilliseconds(50),
            ReconnectGrowth = 1,
            ReconnectStep = SimDuration.FromMilliseconds(50),
            ReconnectMax = SimDuration.FromMilliseconds(500),
            ReconnectJitter = BackoffJitter.None,
            RoleCheckOnConnect = false,
            FollowSwitchMaster = false,
            ConnectToEveryNode = false,
            BacklogPerNode = false,
            DeadSocket = DeadSocketCheck.None,
        },
        [("*", "docs/sources.md §11.7"), ("timers", "assumption A47"), ("heartbeat", "assumption A47"),
            ("dns-ttl", Unconfirmed), ("sentinel-timeout", "assumption A5"), ("sentinel-order", Unconfirmed),
            ("role-check", Unconfirmed)],
        ["node-redis 4 has no Sentinel client (5 adds one); the model asks the Sentinels as the others do"],
        "not calibrated: the npm registry serves 6.3.1 here (profile node-redis), which has a Sentinel client and a 5 s timeout");

    private static ClientLibrary ValkeyGlide() => Make(
        "valkey-glide", "2.5.2 (npm @valkey/valkey-glide; glide-core read at stored commits, docs/sources.md §11.20)", ClientSettings.Default with
        {
            Library = "Valkey GLIDE",
            CommandTimeout = SimDuration.FromMilliseconds(250),
            ConnectTimeout = SimDuration.FromMilliseconds(2000),
            Timers = ClientTimers.Exact,
            OnReadOnly = ConnectionAction.Keep,
            OnReset = ConnectionAction.Rediscover,
            ReconnectBase = SimDuration.FromMilliseconds(200),
            ReconnectGrowth = 2,
            ReconnectStep = SimDuration.Zero,
            ReconnectMax = SimDuration.FromMilliseconds(3200),
            ReconnectJitter = BackoffJitter.PlusMinus20Percent,
            UnsentTimeout = UnsentTimeout.Unknown,
            RoleCheckOnConnect = false,
            PrimaryDiscovery = PrimaryDiscovery.FixedAtCreation,
            FollowSwitchMaster = false,
            ConnectToEveryNode = false,
            BacklogPerNode = false,
            DeadSocket = DeadSocketCheck.None,
        },
        [("*", GlideSource), ("timers", "assumption A47"), ("heartbeat", "assumption A47"),
            ("primary-discovery", GlideSource + " (standalone_client.rs primary_index); assumptions A176, A177"),
            ("sentinel-timeout", "not used: GLIDE has no Sentinel client (" + GlideSource + ")"),
            ("sentinel-order", "not used: GLIDE has no Sentinel client (" + GlideSource + ")"),
            ("switch-master-from", "not used: GLIDE has no Sentinel client (" + GlideSource + ")"),
            ("sentinel-events", "not used: GLIDE has no Sentinel client (" + GlideSource + ")"),
            ("dns-ttl", Unconfirmed), ("unconnected-slot", Unconfirmed), ("dead-socket-after", "not used (dead-socket: none)"),
            ("on-clusterdown", GlideSource + " (send_request returns an error reply as it is)"),
            ("topology-refresh", GlideSource + ", §3.19 (DEFAULT_PERIODIC_TOPOLOGY_CHECKS_INTERVAL)")],
        ["GLIDE keeps a connection to every listed node (for reads and pub/sub) and checks each every 3 s; only the kept primary's, which carries every write, is modelled",
            "after the fifth failed reconnect GLIDE waits 3.2 s exactly (the repeated tail is not jittered in the version read); modelled with the same ±20 % as the first five",
            "a request beyond inflightRequestsLimit (1000) is refused at once; not modelled"],
        "calibrated: rfsim calibrate --client valkey-glide drives @valkey/valkey-glide 2.5.2 (npm, calibration/drivers/glide_writer.js); see plots/calibration/clients/README.md");

    /// <summary>What pooled Sentinel clients share: their own timers, no role check, one connection that follows +switch-master.</summary>
    private static ClientSettings PooledSentinelClient(string name) => ClientSettings.Default with
    {
        Library = name,
        Timers = ClientTimers.Exact,
        OnReadOnly = ConnectionAction.Keep,
        ReconnectBase = NoDelay.Base,
        ReconnectGrowth = NoDelay.Growth,
        ReconnectStep = NoDelay.Step,
        ReconnectMax = NoDelay.Cap,
        ReconnectJitter = NoDelay.Jitter,
        OfflineQueue = OfflineQueue.FailFast,
        RoleCheckOnConnect = false,
        FollowSwitchMaster = true,
        ConnectToEveryNode = false,
        BacklogPerNode = false,
        DeadSocket = DeadSocketCheck.None,
    };

    /// <summary>A profile whose every key's value is read from <paramref name="settings"/>; "*" gives the source of keys not listed.</summary>
    private static ClientLibrary Make(
        string id, string version, ClientSettings settings, (string Key, string Source)[] sources, string[] notModelled, string calibration)
    {
        string fallback = sources.First(s => s.Key == "*").Source;
        var facts = ClientSettingsText.Keys
            .Where(k => k != "library")
            .Select(k => new ClientFact(k, ClientSettingsText.Value(settings, k),
                sources.FirstOrDefault(s => s.Key == k).Source ?? NotUsed(settings, k) ?? (ReadForStackExchangeOnly.Contains(k) ? Unconfirmed : fallback)))
            .ToList();
        return new ClientLibrary(id, settings.Library, version, settings, facts, notModelled, calibration);
    }

    /// <summary>
    /// Why <paramref name="key"/> has no effect given the profile's other values, or null: such a value is kept from
    /// the profile it derives from and cited as unused, not to a section that never reads it.
    /// </summary>
    private static string? NotUsed(ClientSettings s, string key) => key switch
    {
        "retry-on" or "retry-base" or "retry-growth" or "retry-cap" or "retry-jitter" when s.RetryAttempts == 0 => "not used (retry-attempts: 0)",
        "timeout-origin" or "on-timeout" or "unsent-timeout" when s.CommandTimeout >= ClientSettings.Never => "not used (command-timeout: none)",
        "pool-timeout" when s.PoolSize == int.MaxValue => "not used (pool-size: multiplexed)",
        "dead-socket-after" when s.DeadSocket != DeadSocketCheck.SilentFor => "not used (dead-socket: " + ClientSettingsText.Value(s, "dead-socket") + ")",
        "switch-master-from" when !s.FollowSwitchMaster && s.SentinelEvents != SentinelEventAction.Rediscover => "not used (follow-switch-master: false)",
        _ => null,
    };
}
