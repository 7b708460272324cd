using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>The typed path settings and the key/value parser the Scenarios layer calls.</summary>
public class PathSettingsTests
{
    private static KeyValuePair<string, string> Kv(string key, string value) => new(key, value);

    private static IReadOnlyList<KeyValuePair<string, IReadOnlyList<KeyValuePair<string, string>>>> Blocks(
        string block,
        params KeyValuePair<string, string>[] values) => [new(block, values)];

    [Fact]
    public void FromValues_NoBlocks_EveryPathKeepsItsDefaults()
    {
        var settings = PathSettings.FromValues([]);
        Assert.Equal(PathSettings.Defaults, settings);
        Assert.Equal(SimDuration.FromSeconds(15), settings.ElastiCache.FailureDetection);
        Assert.Equal(30_000, settings.Serverless.InitialEcpuPerSecond);
        Assert.Equal(2, settings.MemoryDb.LogQuorum);
    }

    [Fact]
    public void FromValues_ElastiCacheBlock_ParsesDurationsChoicesAndFlags()
    {
        var settings = PathSettings.FromValues(Blocks(
            "elasticache",
            Kv("failure-detection", "1m30s"),
            Kv("dns-update-delay", "500ms"),
            Kv("fencing", "none"),
            Kv("close-on-slave-write", "no")));
        Assert.Equal(SimDuration.FromSeconds(90), settings.ElastiCache.FailureDetection);
        Assert.Equal(SimDuration.FromMilliseconds(500), settings.ElastiCache.DnsUpdateDelay);
        Assert.Equal(Fencing.None, settings.ElastiCache.Fencing);
        Assert.False(settings.ElastiCache.CloseOnReplicaWrite);
        Assert.Equal(ElastiCacheSettings.Default.PromotionTime, settings.ElastiCache.PromotionTime);
        Assert.Equal(ServerlessSettings.Default, settings.Serverless);
    }

    [Fact]
    public void FromValues_ServerlessAndMemoryDbBlocks_ParseNumbers()
    {
        var serverless = ServerlessSettings.FromValues([Kv("initial-ecpu-per-second", "1000"), Kv("doubling-period", "2m"), Kv("scale-up-utilization", "0.5")]);
        var memoryDb = MemoryDbSettings.FromValues([Kv("log-quorum", "3"), Kv("lease-duration", "4s"), Kv("log-service-time", "1.5ms")]);
        Assert.Equal(1000, serverless.InitialEcpuPerSecond);
        Assert.Equal(SimDuration.FromMinutes(2), serverless.DoublingPeriod);
        Assert.Equal(0.5, serverless.ScaleUpUtilization);
        Assert.Equal(3, memoryDb.LogQuorum);
        Assert.Equal(SimDuration.FromSeconds(4), memoryDb.LeaseDuration);
        Assert.Equal(SimDuration.FromMicroseconds(1500), memoryDb.LogServiceTime);
    }

    [Fact]
    public void FromValues_UnknownKey_NamesTheKeyAndEveryAllowedKey()
    {
        var e = Assert.Throws<PathSettingException>(() => PathSettings.FromValues(Blocks("elasticache", Kv("detection", "10s"))));
        Assert.Equal("elasticache", e.Path);
        Assert.Equal("detection", e.Key);
        Assert.Equal(
            "elasticache: unknown key 'detection'; allowed keys: health-check-interval, failure-detection, promotion-time, "
            + "dns-update-delay, fencing, fencing-delay, replacement-delay, planned-failover-timeout, close-on-slave-write, "
            + "durability, engine-version",
            e.Message);
    }

    [Theory]
    [InlineData("failure-detection", "15", "elasticache.failure-detection: expected a duration with a unit (e.g. 500ms, 30s, 1.5s, 2m, 1m30s); found '15'")]
    [InlineData("failure-detection", "0s", "elasticache.failure-detection: expected a duration greater than zero; found '0s'")]
    [InlineData("fencing", "fenced", "elasticache.fencing: expected one of power-off, none; found 'fenced'")]
    [InlineData("close-on-slave-write", "maybe", "elasticache.close-on-slave-write: expected yes or no; found 'maybe'")]
    [InlineData("durability", "on", "elasticache.durability: expected one of disabled, sync, async; found 'on'")]
    [InlineData("engine-version", "9.0", "elasticache.engine-version: expected an engine and version such as valkey-9.0 or redis-oss-7.1; found '9.0'")]
    public void FromValues_BadValue_SaysWhatWasExpected(string key, string value, string message)
    {
        var e = Assert.Throws<PathSettingException>(() => ElastiCacheSettings.FromValues([Kv(key, value)]));
        Assert.Equal(key, e.Key);
        Assert.Equal(message, e.Message);
    }

    [Theory]
    [InlineData("sync", "redis-oss-7.1")]
    [InlineData("async", "valkey-8.1")]
    public void FromValues_DurabilityBeforeValkey90_IsRefusedAtTheDurabilityKey(string durability, string engine)
    {
        // docs/sources.md §4.5: durability is a Valkey 9.0 (and later) feature.
        var e = Assert.Throws<PathSettingException>(() => ElastiCacheSettings.FromValues([Kv("durability", durability), Kv("engine-version", engine)]));
        Assert.Equal("durability", e.Key);
        Assert.Equal($"elasticache.durability: {durability} needs engine-version valkey-9.0 or later (durability is a Valkey 9.0 feature, docs/sources.md §4.5); found engine-version {engine}", e.Message);
    }

    [Fact]
    public void FromValues_Durability_DefaultsToDisabledOnValkey90AndParses()
    {
        Assert.Equal(ElastiCacheDurability.Disabled, ElastiCacheSettings.Default.Durability);
        Assert.Equal("valkey-9.0", ElastiCacheSettings.Default.EngineVersion.ToString());
        var settings = ElastiCacheSettings.FromValues([Kv("durability", "async"), Kv("engine-version", "valkey-10.2")]);
        Assert.Equal(ElastiCacheDurability.Async, settings.Durability);
        Assert.Equal(new EngineVersion("valkey", 10, 2), settings.EngineVersion);
        var older = ElastiCacheSettings.FromValues([Kv("engine-version", "redis-oss-7.1")]);
        Assert.Equal(ElastiCacheDurability.Disabled, older.Durability);
    }

    [Fact]
    public void FromValues_MemoryDbLeaseNotLongerThanHeartbeat_IsRefused()
    {
        var e = Assert.Throws<PathSettingException>(() => MemoryDbSettings.FromValues([Kv("lease-duration", "50ms")]));
        Assert.Equal("lease-duration", e.Key);
        Assert.Equal("memorydb.lease-duration: expected more than log-heartbeat (0.100s); found 0.050s", e.Message);
    }

    [Fact]
    public void FromValues_UnknownBlockOrRepeatedKey_IsRefused()
    {
        var block = Assert.Throws<PathSettingException>(() => PathSettings.FromValues(Blocks("memcached")));
        Assert.Equal("unknown path block 'memcached'; allowed blocks: elasticache, serverless, memorydb", block.Message);
        var twice = Assert.Throws<PathSettingException>(() => MemoryDbSettings.FromValues([Kv("log-quorum", "2"), Kv("log-quorum", "3")]));
        Assert.Equal("memorydb: key 'log-quorum' is given twice", twice.Message);
    }
}
