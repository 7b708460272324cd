using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Tests.Model.Cluster;

/// <summary>
/// The replica validity check of clusterHandleSlaveFailover (Redis 7.0.15 cluster.c l.3615-3642, docs/sources.md §3.7):
/// a replica whose data age, less the node timeout, exceeds repl-ping-replica-period (10 s) + node-timeout x
/// cluster-replica-validity-factor does not start an election; factor 0 turns the check off.
/// </summary>
public class ReplicaValidityTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(0, true)]
    public void ReplicaCutFromItsPrimary20sBeforeTheCrash_StandsOnlyWithoutTheValidityCheck(int factor, bool promoted)
    {
        // n1.2, shard 1's only replica, hears nothing from n1.1 from 10 s on (a black hole between the two): its data age
        // grows from its master's last interaction. The other primaries still reach n1.1, so no FAIL until n1.1 is
        // killed at 30 s; FAIL comes about 1-2 s later. Then the age less node-timeout is ~20 s: above 10 s + 1 s x 1.
        var world = new ClusterWorld(replicasPerShard: 1, nodeTimeoutMs: 1000, validityFactor: factor);
        var primary = world.Node(0, 0);
        var replica = world.Node(0, 1);
        world.RunUntilSeconds(10);
        world.World.Network.Cut(primary.Id, replica.Id);
        world.World.Network.Cut(replica.Id, primary.Id);
        world.RunUntilSeconds(30);
        Assert.Empty(world.World.Recorder.Promotions);

        primary.Crash(powerOff: false);
        world.RunUntilSeconds(60);

        Assert.NotEmpty(world.Events("FAIL message received"));
        Assert.Equal(promoted, replica.IsPrimary);
        Assert.Equal(promoted ? 1 : 0, world.World.Recorder.Promotions.Count);
        Assert.Equal(promoted, world.Events(replica.Name, "Start of election delayed").Count > 0);
    }

    [Fact]
    public void ReplicaInSyncAtTheCrash_Stands_EvenWithTheSmallestFactor()
    {
        // The same crash without the earlier cut: the age at FAIL (about node-timeout to 1.5 x node-timeout, and the
        // node timeout is taken off) is far below 10 s + 1 s, so the replica is promoted.
        var world = new ClusterWorld(replicasPerShard: 1, nodeTimeoutMs: 1000, validityFactor: 1);
        world.RunUntilSeconds(30);
        world.Node(0, 0).Crash(powerOff: false);
        world.RunUntilSeconds(60);

        Assert.True(world.Node(0, 1).IsPrimary);
        var promotion = Assert.Single(world.World.Recorder.Promotions);
        Assert.InRange(promotion.At / 1e9, 31.0, 34.0);
    }
}
