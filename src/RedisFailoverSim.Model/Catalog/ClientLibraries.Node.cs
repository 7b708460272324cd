using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Model.Catalog;

/// <summary>The Node.js profiles calibrated here: the versions the npm registry serves (calibration/drivers/package.json).</summary>
public static partial class ClientLibraries
{
    private static ClientLibrary IoRedis6() => Make(
        "ioredis", "6.0.0", IoRedis().Settings with
        {
            Library = "ioredis 6",
            ReconnectBase = SimDuration.FromMilliseconds(50),
            ReconnectGrowth = 2,
            ReconnectStep = SimDuration.Zero,
            ReconnectMax = SimDuration.FromSeconds(5),
            ReconnectJitter = BackoffJitter.None,
            InFlightOnDrop = InFlightOnDrop.Resend,
        },
        [("*", "docs/sources.md §11.10"), ("in-flight-on-drop", "docs/sources.md §11.13, §11.16 (autoResendUnfulfilledCommands)"), ("timers", "assumption A47"), ("heartbeat", "assumption A47"),
            ("dns-ttl", Unconfirmed), ("sentinel-timeout", "assumption A5"),
            ("sentinel-order", "docs/sources.md §11.10: the Sentinel after the one that answered last is asked first; modelled as last-answered-first"),
            ("dead-socket", "docs/sources.md §11.10: TCP keepalive from 30 s idle, far beyond a failover")],
        ["each reconnect delay gets 0-200 ms of jitter added; modelled without it",
            "sentinelRetryStrategy min(times × 10, 1000) ms when no Sentinel answers; modelled with retryStrategy",
            "a reconnect asks first the Sentinel after the one that answered last (one iterator, rewound when all fail); modelled as the one that answered first"],
        "calibrated: rfsim calibrate --client ioredis drives ioredis 6.0.0 (calibration/drivers/ioredis_writer.js)");

    private static ClientLibrary NodeRedis6() => Make(
        "node-redis", "6.3.1 (createSentinel)", ClientSettings.Default with
        {
            Library = "node-redis 6",
            // The node clients' 5 s timeout runs only while a command waits unwritten in a ready client's queue; the
            // Sentinel client holds a write in execute() until a master client is ready, so none is ever reached.
            CommandTimeout = ClientSettings.Never,
            ConnectTimeout = SimDuration.FromSeconds(5),
            Timers = ClientTimers.Exact,
            TimeoutOrigin = TimeoutOrigin.Queued,
            OnReadOnly = ConnectionAction.Rediscover,
            RetryAttempts = 16,
            RetryOn = RetryOn.ReadOnly,
            RetryBackoff = NoDelay,
            ReconnectBase = SimDuration.FromSeconds(1),
            ReconnectGrowth = 1,
            ReconnectStep = SimDuration.Zero,
            ReconnectMax = SimDuration.FromSeconds(1),
            ReconnectJitter = BackoffJitter.None,
            FlushQueueAfterReconnects = 16,
            RoleCheckOnConnect = false,
            FollowSwitchMaster = true,
            SwitchMasterFrom = SwitchMasterSource.AnsweringSentinel,
            SentinelEvents = SentinelEventAction.Rediscover,
            ConnectToEveryNode = false,
            BacklogPerNode = false,
            DeadSocket = DeadSocketCheck.None,
            InFlightOnDrop = InFlightOnDrop.Resend,
        },
        [("*", "docs/sources.md §11.11"), ("in-flight-on-drop", "docs/sources.md §11.16 (execute() runs a write again when its client is not ready)"),
            ("switch-master-from", "docs/sources.md §11.16 (one Sentinel client subscribed)"),
            ("sentinel-events", "docs/sources.md §11.18 (#connect's observe loop, 1 s apart, 16 at most)"), ("timers", "assumption A47"), ("heartbeat", "assumption A47"),
            ("dns-ttl", Unconfirmed), ("sentinel-timeout", "assumption A5"), ("sentinel-order", Unconfirmed),
            ("on-loading", Unconfirmed), ("on-error", Unconfirmed)],
        ["a write run again after its connection closed counts against its own 16 rediscoveries; modelled as re-sent once per closed connection, failed with the queue after 16 failed reconnects",
            "a write fails after 16 rediscoveries of its own (maxCommandRediscovers); modelled as the queue failing after 16 failed reconnects",
            "observe opens a new connection to each Sentinel and asks SENTINEL SENTINELS, MASTER and REPLICAS; modelled as one request answered by the first Sentinel within the Sentinel timeout, and the 'disconnected' flag (Sentinel's link to the master down) is not modelled"],
        "calibrated: rfsim calibrate --client node-redis drives redis (node-redis) 6.3.1 (calibration/drivers/node_redis_writer.js)");
}
