using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Tests.Model.Cluster;

/// <summary>
/// CLUSTER FAILOVER [FORCE|TAKEOVER] after cluster.c of Redis 7.0.15 (docs/sources.md §3.9): MFSTART, the primary's
/// PAUSED offset, the replica's catch-up, the election at once with FORCEACK, and the old primary following the winner.
/// </summary>
public class ManualFailoverTests
{
    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void ManualFailover_HealthyCluster_OffsetWaitThenElectionWithoutDelay_OldPrimaryFollows(ulong seed)
    {
        // A client writes shard 1 all along, so the replica has stream in flight when the primary pauses.
        var world = new ClusterWorld(seed: seed, clientShards: [0]);
        var primary = world.Node(0, 0);
        var replica = world.Node(0, 1);
        world.RunUntilSeconds(30);

        Assert.Equal("+OK", world.Agent(0, 1).ManualFailover(ManualFailoverOption.Default));
        world.RunUntilSeconds(40);

        // cluster.c l.2583-2603: the primary pauses on MFSTART; l.2234-2249: the replica takes the PAUSED offset;
        // l.3914-3930: it starts once its own offset is that one; l.3660-3668: no 500-999 ms delay, rank 0.
        double requested = world.Events(primary.Name, "Manual failover requested by replica n1.2").Single().Seconds;
        double offsetAt = world.Events(replica.Name, "Received replication offset for paused master").Single().Seconds;
        double canStart = world.Events(replica.Name, "manual failover can start").Single().Seconds;
        Assert.Contains("delayed for 0 milliseconds (rank #0", world.Events(replica.Name, "Start of election delayed").Single().Text, StringComparison.Ordinal);
        double election = world.Events(replica.Name, "Starting a failover election").Single().Seconds;
        Assert.True(requested >= 30 && requested <= offsetAt && offsetAt <= canStart && canStart <= election);

        // The votes come although n1.1 is not FAIL (FORCEACK, l.3299-3302 and l.3366-3372), n1.1's own included.
        Assert.Empty(world.Events("possibly failing"));
        var promotion = Assert.Single(world.World.Recorder.Promotions);
        Assert.Equal(world.IndexOf(0, 1), promotion.Node);
        Assert.InRange((promotion.At / 1e9) - 30, 0, 0.1);

        // The winner's PONG moves n1.1 under it (clusterUpdateSlotsConfigWith), and its offset matched at the switch.
        Assert.False(primary.IsPrimary);
        Assert.Equal(replica.Id, primary.MasterId);
        Assert.Single(world.Events(primary.Name, "Reconfiguring myself as a replica of n1.2"));
        Assert.Equal(replica.Id, world.Node(0, 2).MasterId);
        Assert.All(world.Agents, a => Assert.Equal(world.IndexOf(0, 1), a.OwnerOf(0)));
        Assert.All(world.Agents, a => Assert.False(a.ManualFailoverInProgress));
    }

    [Fact]
    public void ManualFailover_PrimaryCrashedBeforeFail_TimesOutAfterFiveSeconds_NoPromotionBeforeTheNodeTimeout()
    {
        // Without FORCE the replica needs the primary's answer to MFSTART: it never comes, and the attempt ends
        // CLUSTER_MF_TIMEOUT (5 s) later (manualFailoverCheckTimeout, l.3905-3910).
        var world = new ClusterWorld(seed: 4);
        world.RunUntilSeconds(30);
        world.Node(0, 0).Crash(powerOff: false);
        world.RunUntilSeconds(31);

        Assert.Equal("+OK", world.Agent(0, 1).ManualFailover(ManualFailoverOption.Default));
        world.RunUntilSeconds(40);

        Assert.InRange(world.Events(world.Node(0, 1).Name, "Manual failover timed out").Single().Seconds, 36.0, 36.1 + 0.001);
        Assert.Empty(world.World.Recorder.Promotions);
    }

    [Fact]
    public void ManualFailoverForce_PrimaryDown_PromotedAtTheNextCron_LongBeforeFail()
    {
        // FORCE: mf_can_start at once (l.5830-5834); the next clusterCron's clusterHandleSlaveFailover asks for votes with
        // FORCEACK, and the two live primaries grant them though n1.1 is neither PFAIL nor FAIL yet (15 s node timeout).
        var world = new ClusterWorld(seed: 5);
        world.RunUntilSeconds(30);
        world.Node(0, 0).Crash(powerOff: false);
        world.RunUntilSeconds(31);

        Assert.Equal("+OK", world.Agent(0, 1).ManualFailover(ManualFailoverOption.Force));
        world.RunUntilSeconds(35);

        var promotion = Assert.Single(world.World.Recorder.Promotions);
        Assert.Equal(world.IndexOf(0, 1), promotion.Node);
        Assert.InRange(promotion.At / 1e9, 31.0, 31.1 + 0.01);
        Assert.Empty(world.Events("FAIL message received"));
        Assert.Equal(["n2.1", "n3.1"], world.Events("Failover auth granted to n1.2").Select(e => e.Source).Order());
    }

    [Fact]
    public void ManualFailoverTakeover_NoVotes_NewConfigEpochAtOnce()
    {
        // TAKEOVER: clusterBumpConfigEpochWithoutConsensus (l.1324-1341) then clusterFailoverReplaceYourMaster at once:
        // currentEpoch 3 (three shards at boot) becomes 4 without an election.
        var world = new ClusterWorld(seed: 6);
        world.RunUntilSeconds(30);

        Assert.Equal("+OK", world.Agent(0, 1).ManualFailover(ManualFailoverOption.Takeover));
        var promotion = Assert.Single(world.World.Recorder.Promotions);
        Assert.Equal(30.0, promotion.At / 1e9, 3);
        Assert.Equal(4, world.Agent(0, 1).OwnerEpochOf(0));
        world.RunUntilSeconds(31);

        Assert.Empty(world.Events("Starting a failover election"));
        Assert.Empty(world.Events("Failover auth granted"));
        Assert.Equal(world.Node(0, 1).Id, world.Node(0, 0).MasterId);
    }

    [Fact]
    public void ManualFailover_SentToAPrimary_Refused()
    {
        var world = new ClusterWorld(seed: 7);
        world.RunUntilSeconds(5);

        Assert.Equal("-ERR You should send CLUSTER FAILOVER to a replica", world.Agent(0, 0).ManualFailover(ManualFailoverOption.Default));
        world.RunUntilSeconds(10);
        Assert.Empty(world.World.Recorder.Promotions);
    }

    [Fact]
    public void ManualFailover_PrimaryFlaggedFail_RefusedWithoutForce()
    {
        // l.5806-5812: "Master is down or failed, please use CLUSTER FAILOVER FORCE".
        var world = new ClusterWorld(nodeTimeoutMs: 1000, seed: 8, validityFactor: 0);
        world.RunUntilSeconds(10);
        world.Node(0, 0).Crash(powerOff: false);
        world.RunUntilSeconds(10.5);
        while (world.Events(world.Node(0, 1).Name, "FAIL message received").Count == 0
            && world.Events(world.Node(0, 1).Name, "as failing").Count == 0)
        {
            world.RunUntilSeconds((world.Now.Nanoseconds / 1e9) + 0.01);
        }

        // FAIL came, and the election waits at least 500 ms after it (l.3647-3655): still a replica here.
        Assert.False(world.Node(0, 1).IsPrimary);
        Assert.Equal("-ERR Master is down or failed, please use CLUSTER FAILOVER FORCE", world.Agent(0, 1).ManualFailover(ManualFailoverOption.Default));
    }
}
