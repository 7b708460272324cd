using RedisFailoverSim.Model.Catalog;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Tests.Model.Cluster;

/// <summary>
/// The cluster client's periodic topology check (client.topology-refresh, assumption A174, docs/sources.md §3.19):
/// every period a connected shard connection asks its node for CLUSTER SLOTS and adopts the map, with no error needed.
/// </summary>
public class TopologyRefreshTests
{
    [Fact]
    public void TopologyRefresh_EverySixtySeconds_AdoptsAnotherShardsNewPrimaryWithoutAMoved()
    {
        // c1 writes shard 0 only, so shard 1's CLUSTER FAILOVER at 30 s never answers it with -MOVED.
        var world = new ClusterWorld(seed: 3, clientShards: [0], topologyRefresh: "60s");
        var discovery = world.Discoveries[0];
        world.RunUntilSeconds(30);
        Assert.Equal(world.Node(1, 0).Id, discovery.Owners[1]);
        Assert.Equal(0, discovery.Refreshes);

        Assert.Equal("+OK", world.Agent(1, 1).ManualFailover(ManualFailoverOption.Default));
        world.RunUntilSeconds(59);
        Assert.Single(world.World.Recorder.Promotions);
        Assert.Equal(world.Node(1, 0).Id, discovery.Owners[1]);

        // The first heartbeat 60 s after the connect (made within the first second) asks n1.1 again.
        world.RunUntilSeconds(62);
        Assert.Equal(1, discovery.Refreshes);
        Assert.Equal(world.Node(1, 1).Id, discovery.Owners[1]);
        Assert.Equal(world.Node(0, 0).Id, discovery.Owners[0]);
        Assert.Equal(world.Node(0, 0).Id, discovery.Connection.Target);

        world.RunUntilSeconds(125);
        Assert.Equal(2, discovery.Refreshes);
    }

    [Fact]
    public void TopologyRefresh_None_KeepsTheFirstMapUntilAnError()
    {
        var world = new ClusterWorld(seed: 3, clientShards: [0], topologyRefresh: "none");
        var discovery = world.Discoveries[0];
        world.RunUntilSeconds(30);
        Assert.Equal("+OK", world.Agent(1, 1).ManualFailover(ManualFailoverOption.Default));
        world.RunUntilSeconds(300);

        Assert.Equal(0, discovery.Refreshes);
        Assert.Equal(world.Node(1, 0).Id, discovery.Owners[1]);
    }

    [Theory]
    [InlineData("stackexchange-redis", "60s")]
    [InlineData("lettuce", "none")]
    [InlineData("go-redis", "10s")]
    [InlineData("valkey-glide", "60s")]
    public void TopologyRefresh_ProfileDefaults_AsTheirSourcesSay(string library, string expected)
    {
        Assert.True(ClientLibraries.TryFind(library, out var profile));
        var fact = profile.Facts.Single(f => f.Key == "topology-refresh");
        Assert.Equal(expected, fact.Value);
        Assert.Contains("§3.19", fact.Source, StringComparison.Ordinal);
    }
}
