using RedisFailoverSim.Engine.Random;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Catalog;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Tests.Model.Clients;

/// <summary>Each client-library profile pinned to the values its source gives (docs/sources.md §9.2, §11).</summary>
public class ClientLibraryProfileTests
{
    private static ClientSettings Profile(string id)
    {
        Assert.True(ClientLibraries.TryFind(id, out var library), id);
        return library.Settings;
    }

    [Fact]
    public void StackExchangeRedis_Profile_IsTheModelDefault()
    {
        Assert.Equal(ClientSettings.Default, Profile("stackexchange-redis"));
        Assert.Equal("stackexchange-redis", ClientLibraries.All[0].Id);
    }

    [Fact]
    public void StackExchangeRedis_FirstReconnect_WaitsExactlyTheBaseWithoutADraw()
    {
        // ExponentialRetry: random in [2500, min(10000, 2500 × 1.1^0)] = exactly 2500 ms (docs/sources.md §9.2).
        var random = new RandomStream(7);
        var backoff = ClientSettings.Default.Reconnect;
        Assert.Equal(SimDuration.FromMilliseconds(2500), backoff.Delay(0, random));
        Assert.InRange(backoff.Delay(5, random).TotalMilliseconds, 2500, 2500 * Math.Pow(1.1, 5));
        Assert.InRange(backoff.Delay(100, random).TotalMilliseconds, 2500, 10_000);
    }

    [Fact]
    public void RedisPy7_Defaults_NoSocketTimeoutThreeRetriesFromOneSecond()
    {
        // redis-py v7.4.1 client.py l.222-255: socket_timeout=None, Retry(ExponentialWithJitterBackoff(1, 10), 3).
        var p = Profile("redis-py");
        Assert.Equal(ClientSettings.Never, p.CommandTimeout);
        Assert.Equal(ClientSettings.Never, p.ConnectTimeout);
        Assert.Equal(TimeoutOrigin.Sent, p.TimeoutOrigin);
        Assert.Equal(3, p.RetryAttempts);
        Assert.Equal(new Backoff(SimDuration.FromSeconds(1), 2, SimDuration.Zero, SimDuration.FromSeconds(10), BackoffJitter.Full), p.RetryBackoff);
        Assert.Equal(ConnectionAction.Drop, p.OnReadOnly);
        Assert.Equal(RetryOn.ReadOnly, p.RetryOn);
        Assert.False(p.FollowSwitchMaster);
        Assert.Equal(DeadSocketCheck.None, p.DeadSocket);
    }

    [Fact]
    public void RedisPy8_Defaults_FiveSecondTimeoutsTenRetriesTenMillisecondsToOneSecond()
    {
        // redis-py 8.1.0 _defaults.py: 5 s socket/connect timeouts, 10 retries, backoff 10 ms .. 1 s.
        var p = Profile("redis-py-8");
        Assert.Equal(SimDuration.FromSeconds(5), p.CommandTimeout);
        Assert.Equal(SimDuration.FromSeconds(5), p.ConnectTimeout);
        Assert.Equal(10, p.RetryAttempts);
        Assert.Equal(SimDuration.FromMilliseconds(10), p.RetryBackoff.Base);
        Assert.Equal(SimDuration.FromSeconds(1), p.RetryBackoff.Cap);
    }

    [Fact]
    public void Lettuce_Defaults_SixtySecondTimeoutQueueAndBinaryExponentialReconnect()
    {
        // RedisURI.DEFAULT_TIMEOUT 60 s; Delay.exponential(): 1, 2, 4 ... ms capped at 30 s; the JVM caches DNS 30 s.
        var p = Profile("lettuce");
        Assert.Equal(SimDuration.FromSeconds(60), p.CommandTimeout);
        Assert.Equal(OfflineQueue.Queue, p.OfflineQueue);
        var random = new RandomStream(1);
        Assert.Equal(SimDuration.FromMilliseconds(1), p.Reconnect.Delay(0, random));
        Assert.Equal(SimDuration.FromMilliseconds(8), p.Reconnect.Delay(3, random));
        Assert.Equal(SimDuration.FromSeconds(30), p.Reconnect.Delay(40, random));
        Assert.Equal(SimDuration.FromSeconds(30), p.DnsTtl);
        Assert.Equal(ConnectionAction.Keep, p.OnTimeout);

        // SocketOptions.java l.31-35: connect timeout 10 s, keepalive off (no dead-socket check); DefaultEndpoint
        // re-writes what was in flight after a reconnect (at least once, docs/sources.md §11.3, §11.13).
        Assert.Equal(SimDuration.FromSeconds(10), p.ConnectTimeout);
        Assert.Equal(DeadSocketCheck.None, p.DeadSocket);
        Assert.Equal(InFlightOnDrop.Resend, p.InFlightOnDrop);
    }

    [Fact]
    public void PoolSize_JedisEight_GoRedisFortyWithAFourSecondWait_TheOthersMultiplexed()
    {
        // Jedis: GenericObjectPoolConfig.DEFAULT_MAX_TOTAL = 8, maxWait -1 (docs/sources.md §11.15); go-redis:
        // PoolSize 10 x GOMAXPROCS on 4 CPUs (A181), PoolTimeout = ReadTimeout 3 s + 1 s (§11.5); redis-py's
        // 2**31 and the multiplexing clients have no bound.
        Assert.Equal(8, Profile("jedis").PoolSize);
        Assert.Equal(ClientSettings.Never, Profile("jedis").PoolTimeout);
        Assert.Equal(40, Profile("go-redis").PoolSize);
        Assert.Equal(SimDuration.FromSeconds(4), Profile("go-redis").PoolTimeout);
        Assert.Equal(Profile("go-redis").CommandTimeout + SimDuration.FromSeconds(1), Profile("go-redis").PoolTimeout);
        Assert.All(ClientLibraries.All.Where(l => l.Id is not ("jedis" or "go-redis")), l => Assert.Equal(int.MaxValue, l.Settings.PoolSize));
        Assert.Equal("multiplexed", ClientSettingsText.Value(Profile("redis-py"), "pool-size"));
        Assert.Equal("8", ClientSettingsText.Value(Profile("jedis"), "pool-size"));
        Assert.Equal("4s", ClientSettingsText.Value(Profile("go-redis"), "pool-timeout"));
    }

    [Fact]
    public void OfflineQueueLimit_EveryProfile_Unbounded()
    {
        // Lettuce ClientOptions.DEFAULT_REQUEST_QUEUE_SIZE = Integer.MAX_VALUE (docs/sources.md §11.3); the others
        // state no bound (UNCONFIRMED) or fail fast instead of queueing.
        Assert.All(ClientLibraries.All, l => Assert.Equal(int.MaxValue, l.Settings.OfflineQueueLimit));
        Assert.Equal("none", ClientSettingsText.Value(Profile("lettuce"), "offline-queue-limit"));
    }

    [Fact]
    public void InFlightOnDrop_ReSendingProfiles_LettuceIoRedisAndNodeRedisSentinel()
    {
        // ioredis autoResendUnfulfilledCommands (6.0.0 event_handler.js l.309-316, l.415-425; docs/sources.md §11.13,
        // §11.16); node-redis 6.3.1 RedisSentinel.execute runs a write again when its client is not ready (l.853-855).
        Assert.Equal(InFlightOnDrop.Resend, Profile("ioredis-5").InFlightOnDrop);
        Assert.Equal(InFlightOnDrop.Resend, Profile("ioredis").InFlightOnDrop);
        Assert.Equal(InFlightOnDrop.Resend, Profile("node-redis").InFlightOnDrop);
        Assert.Equal(InFlightOnDrop.Unknown, Profile("stackexchange-redis").InFlightOnDrop);
        Assert.Equal(InFlightOnDrop.Unknown, Profile("redis-py-4").InFlightOnDrop);
        Assert.Equal(InFlightOnDrop.Unknown, Profile("jedis").InFlightOnDrop);
    }

    [Fact]
    public void GoRedis_Defaults_ThreeSecondReadTimeoutThreeRetriesOfReadOnlyAndLoading()
    {
        // options.go init(): ReadTimeout 3 s, DialTimeout 5 s, MaxRetries 3, backoff 8..512 ms; error.go shouldRetry
        // (READONLY, LOADING, CLUSTERDOWN; its MASTERDOWN and TRYAGAIN never reach a modelled write, docs/sources.md
        // §11.22) and isBadConn (READONLY closes the connection).
        var p = Profile("go-redis");
        Assert.Equal(SimDuration.FromSeconds(3), p.CommandTimeout);
        Assert.Equal(SimDuration.FromSeconds(5), p.ConnectTimeout);
        Assert.Equal(3, p.RetryAttempts);
        Assert.Equal(RetryOn.ReadOnly | RetryOn.Loading | RetryOn.ClusterDown, p.RetryOn);
        Assert.Equal(SimDuration.FromMilliseconds(8), p.RetryBackoff.Base);
        Assert.Equal(SimDuration.FromMilliseconds(512), p.RetryBackoff.Cap);
        Assert.Equal(ConnectionAction.Drop, p.OnReadOnly);

        // sentinel.go @ 00332b2 MasterAddr: the Sentinel that answered is pushed to the top.
        Assert.Equal(SentinelOrder.LastAnsweredFirst, p.SentinelOrder);
    }

    [Fact]
    public void IoRedis5_Defaults_NoCommandTimeoutLinearRetryStrategyAndTwentyRetriesPerRequest()
    {
        // RedisOptions.ts l.35-79: no commandTimeout, retryStrategy min(times × 50, 2000), maxRetriesPerRequest 20.
        var p = Profile("ioredis-5");
        Assert.Equal(ClientSettings.Never, p.CommandTimeout);
        Assert.Equal(SimDuration.FromSeconds(10), p.ConnectTimeout);
        var random = new RandomStream(1);
        Assert.Equal(SimDuration.FromMilliseconds(50), p.Reconnect.Delay(0, random));
        Assert.Equal(SimDuration.FromMilliseconds(100), p.Reconnect.Delay(1, random));
        Assert.Equal(SimDuration.FromMilliseconds(2000), p.Reconnect.Delay(60, random));
        Assert.Equal(20, p.FlushQueueAfterReconnects);
        Assert.True(p.RoleCheckOnConnect);
        Assert.Equal(SentinelOrder.LastAnsweredFirst, p.SentinelOrder);
    }

    [Fact]
    public void NodeRedisAndGlide_Defaults_NoTimeoutAnd250Milliseconds()
    {
        // node-redis docs/client-configuration.md: min(retries × 50, 500); GLIDE requestTimeout 250 ms.
        var node = Profile("node-redis-4");
        Assert.Equal(ClientSettings.Never, node.CommandTimeout);
        Assert.Equal(SimDuration.FromMilliseconds(500), node.Reconnect.Delay(30, new RandomStream(1)));
        Assert.Equal(SimDuration.FromMilliseconds(250), Profile("valkey-glide").CommandTimeout);
    }

    [Fact]
    public void EveryProfile_Facts_CoverEveryKeyWithASource()
    {
        foreach (var library in ClientLibraries.All)
        {
            Assert.Equal(ClientSettingsText.Keys.Count - 1, library.Facts.Count);
            Assert.All(library.Facts, f => Assert.False(string.IsNullOrWhiteSpace(f.Source), library.Id + " " + f.Key));
        }

        Assert.Equal(12, ClientLibraries.Ids.Distinct().Count());
    }

    [Fact]
    public void RedisPy4_Defaults_AsRedisPy7ButNoRetry()
    {
        // Debian's python3-redis 4.3.4 connection.py l.565: Retry(NoBackoff(), 0) unless retry_on_error is given;
        // client.py l.906-917: no socket or connect timeout (docs/sources.md §11.9).
        var p = Profile("redis-py-4");
        Assert.Equal(0, p.RetryAttempts);
        Assert.Equal(RetryOn.None, p.RetryOn);
        Assert.Equal(ClientSettings.Never, p.CommandTimeout);
        Assert.Equal(ClientSettings.Never, p.ConnectTimeout);
        Assert.Equal(OfflineQueue.FailFast, p.OfflineQueue);
        Assert.Equal(ConnectionAction.Keep, p.OnNoReplicas);
        Assert.Equal(ConnectionAction.Drop, p.OnReadOnly);
        Assert.False(p.FollowSwitchMaster);
    }

    [Fact]
    public void IoRedis6_Defaults_ExponentialRetryStrategyCappedAtFiveSeconds()
    {
        // ioredis 6.0.0 built/redis/RedisOptions.js l.11-16: min(2^(times-1) × 50, 5000) ms (+ 0-200 ms jitter, not
        // modelled); the rest as 5.x: no commandTimeout, maxRetriesPerRequest 20, role check (docs/sources.md §11.10).
        var p = Profile("ioredis");
        var random = new RandomStream(1);
        Assert.Equal(SimDuration.FromMilliseconds(50), p.Reconnect.Delay(0, random));
        Assert.Equal(SimDuration.FromMilliseconds(100), p.Reconnect.Delay(1, random));
        Assert.Equal(SimDuration.FromMilliseconds(3200), p.Reconnect.Delay(6, random));
        Assert.Equal(SimDuration.FromSeconds(5), p.Reconnect.Delay(7, random));
        Assert.Equal(ClientSettings.Never, p.CommandTimeout);
        Assert.Equal(20, p.FlushQueueAfterReconnects);
        Assert.True(p.RoleCheckOnConnect);
        Assert.Equal(ConnectionAction.Keep, p.OnNoReplicas);
    }

    [Fact]
    public void NodeRedis6_Sentinel_QueuedOnlyTimeoutOneSecondRediscoveryAndSwitchMaster()
    {
        // @redis/client 6.3.1 (docs/sources.md §11.11): defaults.js DEFAULT_COMMAND_TIMEOUT 5000 only while unwritten
        // (commands-queue.js commandsToWrite removes the timer), and the Sentinel client holds writes in execute()
        // meanwhile, so none times out; #connect retries every 1000 ms; READONLY or a lost client → #reset() and retry,
        // at most maxCommandRediscovers 16; a +switch-master (pSubscribe) resets.
        var p = Profile("node-redis");
        Assert.Equal(ClientSettings.Never, p.CommandTimeout);
        Assert.Equal(TimeoutOrigin.Queued, p.TimeoutOrigin);
        Assert.Equal(SimDuration.FromSeconds(1), p.Reconnect.Delay(0, new RandomStream(1)));
        Assert.Equal(SimDuration.FromSeconds(1), p.Reconnect.Delay(9, new RandomStream(1)));
        Assert.Equal(16, p.RetryAttempts);
        Assert.Equal(RetryOn.ReadOnly, p.RetryOn);
        Assert.Equal(ConnectionAction.Rediscover, p.OnReadOnly);
        Assert.Equal(16, p.FlushQueueAfterReconnects);
        Assert.True(p.FollowSwitchMaster);
        Assert.False(p.RoleCheckOnConnect);

        // One #sentinelClient, on the Sentinel the last observe() connected to, carries the pub/sub (docs/sources.md
        // §11.16, sentinel/index.js l.861-866, l.1238-1265); Jedis runs a MasterListener per Sentinel (§11.15).
        Assert.Equal(SwitchMasterSource.AnsweringSentinel, p.SwitchMasterFrom);
        Assert.Equal(SwitchMasterSource.EverySentinel, Profile("jedis").SwitchMasterFrom);
    }

    [Fact]
    public void CalibratedProfiles_SayHowTheyWereCalibrated()
    {
        foreach (var id in new[] { "redis-py-4", "ioredis", "node-redis" })
        {
            Assert.True(ClientLibraries.TryFind(id, out var library));
            Assert.StartsWith("calibrated: rfsim calibrate --client " + id, library.Calibration);
        }
    }
}
