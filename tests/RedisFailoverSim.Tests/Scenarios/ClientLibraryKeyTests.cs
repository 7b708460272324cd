using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Catalog;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Tests.Scenarios;

/// <summary><c>client: { library: … }</c> picks a profile, any key overrides it, an unknown name is a clear error.</summary>
public class ClientLibraryKeyTests
{
    private static readonly string Minimal = RepositoryFiles.TestData("Good/minimal.yaml");

    [Fact]
    public void Load_LibraryAndOverride_ProfileWithTheOverriddenKey()
    {
        var scenario = ScenarioLoader.Load(Minimal,
        [
            new ScenarioOverride("client.library", "lettuce"),
            new ScenarioOverride("client.command-timeout", "1s"),
        ]);

        Assert.True(ClientLibraries.TryFind("lettuce", out var lettuce));
        Assert.Equal(lettuce.Settings with { CommandTimeout = SimDuration.FromSeconds(1) }, scenario.World.Client);
    }

    [Fact]
    public void Load_OnClusterDownAndRetryOnClusterDown_ReadApartFromOtherErrors()
    {
        var scenario = ScenarioLoader.Load(Minimal,
        [
            new ScenarioOverride("client.on-clusterdown", "rediscover"),
            new ScenarioOverride("client.retry-on", "clusterdown"),
        ]);

        Assert.Equal(ConnectionAction.Rediscover, scenario.World.Client.OnClusterDown);
        Assert.Equal(ConnectionAction.Keep, scenario.World.Client.OnOtherError);
        Assert.Equal(RetryOn.ClusterDown, scenario.World.Client.RetryOn);
        Assert.Equal("[clusterdown]", ClientSettingsText.Value(scenario.World.Client, "retry-on"));
    }

    [Fact]
    public void Load_PoolSize_ACountOrMultiplexed_AndPoolTimeout()
    {
        var pooled = ScenarioLoader.Load(Minimal, [new ScenarioOverride("client.pool-size", "16"), new ScenarioOverride("client.pool-timeout", "2s")]);
        var jedis = ScenarioLoader.Load(Minimal, [new ScenarioOverride("client.library", "jedis"), new ScenarioOverride("client.pool-size", "multiplexed")]);

        Assert.Equal(16, pooled.World.Client.PoolSize);
        Assert.Equal(SimDuration.FromSeconds(2), pooled.World.Client.PoolTimeout);
        Assert.Equal(int.MaxValue, jedis.World.Client.PoolSize);
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(Minimal, [new ScenarioOverride("client.pool-size", "0")]));
        Assert.StartsWith("client.pool-size: ", Assert.Single(error.Problems).Message);
    }

    [Fact]
    public void Load_OfflineQueueLimit_ACountOrNone()
    {
        var bounded = ScenarioLoader.Load(Minimal, [new ScenarioOverride("client.offline-queue-limit", "1000")]);
        var unbounded = ScenarioLoader.Load(Minimal, [new ScenarioOverride("client.offline-queue-limit", "none")]);

        Assert.Equal(1000, bounded.World.Client.OfflineQueueLimit);
        Assert.Equal(int.MaxValue, unbounded.World.Client.OfflineQueueLimit);
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(Minimal, [new ScenarioOverride("client.offline-queue-limit", "0")]));
        Assert.StartsWith("client.offline-queue-limit: ", Assert.Single(error.Problems).Message);
    }

    [Fact]
    public void Load_CommandTimeoutNone_NeverTimesOut()
    {
        var scenario = ScenarioLoader.Load(Minimal, [new ScenarioOverride("client.command-timeout", "none")]);

        Assert.Equal(ClientSettings.Never, scenario.World.Client.CommandTimeout);
    }

    [Fact]
    public void Load_UnknownLibrary_ProblemSuggestsTheClosestProfile()
    {
        var error = Assert.Throws<ScenarioException>(() =>
            ScenarioLoader.Load(Minimal, [new ScenarioOverride("client.library", "letuce")]));

        var message = Assert.Single(error.Problems).Message;
        Assert.StartsWith("client.library: unknown client library 'letuce'; did you mean 'lettuce'? (known: stackexchange-redis, redis-py,", message);
    }

    [Fact]
    public void Load_BadPolicyValue_ProblemListsTheChoices()
    {
        var error = Assert.Throws<ScenarioException>(() =>
            ScenarioLoader.Load(Minimal, [new ScenarioOverride("client.on-readonly", "dropp")]));

        Assert.StartsWith("client.on-readonly: expected one of keep, drop, rediscover; found 'dropp' (did you mean 'drop'?)", Assert.Single(error.Problems).Message);
    }

    [Fact]
    public void Load_PrimaryDiscoveryFixedWithOneConnection_AnyProfileMayKeepItsCreationPrimary()
    {
        var scenario = ScenarioLoader.Load(Minimal,
        [
            new ScenarioOverride("client.primary-discovery", "fixed-at-creation"),
            new ScenarioOverride("client.connect-to-every-node", "false"),
            new ScenarioOverride("client.unsent-timeout", "unknown"),
        ]);

        Assert.Equal(PrimaryDiscovery.FixedAtCreation, scenario.World.Client.PrimaryDiscovery);
        Assert.Equal(UnsentTimeout.Unknown, scenario.World.Client.UnsentTimeout);
        Assert.Equal(PrimaryDiscovery.Sentinel, ClientSettings.Default.PrimaryDiscovery);
    }

    [Fact]
    public void Load_GlideWithEveryNodeConnected_ProblemNamesTheConflictingKey()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(Minimal,
        [
            new ScenarioOverride("client.library", "valkey-glide"),
            new ScenarioOverride("client.connect-to-every-node", "true"),
        ]));

        Assert.StartsWith("client.connect-to-every-node: primary-discovery: fixed-at-creation keeps one node", Assert.Single(error.Problems).Message);
    }
}
