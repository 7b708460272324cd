using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Catalog;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Tests.Model.Clients;

/// <summary>The Jedis profile pinned to the lines of redis/jedis it rests on (docs/sources.md §11.15).</summary>
public class JedisProfileTests
{
    private static ClientLibrary Jedis()
    {
        Assert.True(ClientLibraries.TryFind("jedis", out var library));
        return library;
    }

    [Fact]
    public void Timeouts_AreProtocolDefaultTimeout2000ForTheMasterAndTheSentinels()
    {
        // DefaultJedisClientConfig @008601b l.131-132 and Protocol.DEFAULT_TIMEOUT = 2000 (Protocol.java l.24);
        // JedisSentinelPool @95f3963 l.117-122: the Sentinels' connect and socket timeouts are the same constant.
        var p = Jedis().Settings;
        Assert.Equal(SimDuration.FromMilliseconds(2000), p.CommandTimeout);
        Assert.Equal(SimDuration.FromMilliseconds(2000), p.ConnectTimeout);
        Assert.Equal(SimDuration.FromMilliseconds(2000), p.SentinelTimeout);

        // SO_TIMEOUT is a read timeout, armed once the command is written (DefaultJedisSocketFactory l.90).
        Assert.Equal(TimeoutOrigin.Sent, p.TimeoutOrigin);
    }

    [Fact]
    public void ABrokenConnection_IsDestroyedAndTheCommandNeitherRetriedNorReSent()
    {
        // Connection @008601b l.335-345 (broken = true on JedisConnectionException), l.221-230 (returnBrokenResource).
        var p = Jedis().Settings;
        Assert.Equal(ConnectionAction.Drop, p.OnTimeout);
        Assert.Equal(ConnectionAction.Drop, p.OnReset);
        Assert.Equal(0, p.RetryAttempts);
        Assert.Equal(RetryOn.None, p.RetryOn);
        Assert.Equal(InFlightOnDrop.Unknown, p.InFlightOnDrop);
    }

    [Fact]
    public void ErrorReplies_KeepTheConnectionAndNoRoleIsChecked()
    {
        // A JedisDataException does not set broken (l.343 catches only JedisConnectionException);
        // initializeFromClientConfig sends AUTH/HELLO, SELECT, CLIENT SETNAME/SETINFO, no ROLE.
        var p = Jedis().Settings;
        Assert.Equal(ConnectionAction.Keep, p.OnReadOnly);
        Assert.Equal(ConnectionAction.Keep, p.OnNoReplicas);
        Assert.Equal(ConnectionAction.Keep, p.OnLoading);
        Assert.False(p.RoleCheckOnConnect);
    }

    [Fact]
    public void SentinelPool_FollowsSwitchMasterOnOneConnectionResolvingTheNameAtEachConnect()
    {
        // MasterListener subscribes to +switch-master and initMaster re-points the pool (l.383-405, l.217-233);
        // keepalive only probes an idle connection (l.69); InetAddress.getAllByName at each connect (l.58).
        var p = Jedis().Settings;
        Assert.True(p.FollowSwitchMaster);
        Assert.False(p.ConnectToEveryNode);
        Assert.Equal(DeadSocketCheck.None, p.DeadSocket);
        Assert.Equal(SimDuration.FromSeconds(30), p.DnsTtl);
    }

    [Fact]
    public void Facts_NoKeyRestsOnTheStackExchangeDefault()
    {
        var library = Jedis();
        Assert.DoesNotContain(library.Facts, f => f.Source.Contains("UNCONFIRMED", StringComparison.Ordinal));
        Assert.Equal("docs/sources.md §11.15", library.Facts.Single(f => f.Key == "sentinel-timeout").Source);
        Assert.Equal("docs/sources.md §11.15", library.Facts.Single(f => f.Key == "command-timeout").Source);
    }
}
