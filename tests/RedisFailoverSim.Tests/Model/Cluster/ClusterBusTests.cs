using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Tests.Model.Cluster;

/// <summary>
/// The cluster bus against cluster.c of Redis 7.0.15 (docs/sources.md §3.3-§3.6): when peers are pinged, when PFAIL
/// and FAIL come, the election's delays and votes, and the minority primary's cluster state.
/// </summary>
public class ClusterBusTests
{
    private const double Ms = 0.001;

    [Fact]
    public void Cron_HealthyCluster_EveryPeerPongedWithinHalfTheNodeTimeoutPlusACronTick()
    {
        // clusterCron l.4159-4169: a peer with no ping outstanding whose pong is older than node-timeout / 2 is pinged
        // at once; the cron runs every 100 ms (l.4032), and the pong comes back a round trip later.
        var world = new ClusterWorld(nodeTimeoutMs: 15_000);
        long worst = 0;
        for (int tick = 1; tick <= 1200; tick++)
        {
            world.RunUntilSeconds(tick * 0.1);
            long now = world.Now.Nanoseconds;
            foreach (var (agent, me) in world.Agents.Select((a, i) => (a, i)))
            {
                for (int peer = 0; peer < world.World.Nodes.Count; peer++)
                {
                    if (peer != me && now > 10_000_000_000)
                    {
                        worst = Math.Max(worst, now - agent.LastPongAt(peer));
                    }
                }
            }
        }

        Assert.InRange(worst / 1e9, 7.5, 7.5 + 0.1 + 0.01);
        Assert.Empty(world.Events("possibly failing"));
    }

    [Theory]
    [InlineData(3UL)]
    [InlineData(103UL)]
    [InlineData(203UL)]
    public void PrimaryCrash_PfailAfterTheNodeTimeout_FailOnceBothOtherPrimariesReportIt(ulong seed)
    {
        var world = new ClusterWorld(nodeTimeoutMs: 15_000, seed: seed);
        world.RunUntilSeconds(60);
        world.Node(0, 0).Crash(powerOff: false);
        world.RunUntilSeconds(120);

        // PFAIL: the ping outstanding longer than node-timeout (clusterCron l.4183-4205); the first ping after the
        // crash leaves within node-timeout / 2 + a tick (l.4159-4169).
        var pfail = world.Events("possibly failing").Where(e => e.Text.Contains("n1.1", StringComparison.Ordinal)).ToList();
        // (A node that hears FAIL first never flags PFAIL itself: FAIL replaces the flag.)
        Assert.InRange(pfail.Select(e => e.Source).Distinct().Count(), 2, 8);
        Assert.All(pfail, e => Assert.InRange(e.Seconds, 75.0, 60 + 15 + 7.5 + 0.2 + 0.01));

        // FAIL needs a majority (2 of 3) of the primaries: the two live primaries both PFAIL it first
        // (markNodeAsFailingIfNeeded l.1505-1534), and the reports travel by gossip (l.1679-1693).
        double bothPrimaries = pfail.Where(e => e.Source is "n2.1" or "n3.1").Max(e => e.Seconds);
        var marked = world.Events("as failing (quorum reached)");
        double fail = marked[0].Seconds;
        Assert.InRange(fail, bothPrimaries, bothPrimaries + 7.6);

        // The FAIL message reaches every other live node at once (clusterProcessPacket l.2522-2545).
        var received = world.Events("FAIL message received").Where(e => e.Text.EndsWith("about n1.1", StringComparison.Ordinal)).ToList();
        Assert.All(received, e => Assert.InRange(e.Seconds, fail, fail + (10 * Ms)));
        Assert.Equal(8, received.Select(e => e.Source).Concat(marked.Select(e => e.Source)).Distinct().Count());
    }

    [Theory]
    [InlineData(5UL)]
    [InlineData(105UL)]
    [InlineData(205UL)]
    public void PrimaryCrash_ReplicaElection_RankDelayThenMajorityOfPrimariesThenNewConfigEpoch(ulong seed)
    {
        var world = new ClusterWorld(nodeTimeoutMs: 15_000, seed: seed);
        world.RunUntilSeconds(60);
        world.Node(0, 0).Crash(powerOff: false);
        world.RunUntilSeconds(120);

        // clusterHandleSlaveFailover l.3647-3675: the election waits 500 ms + random(0-499) ms + rank × 1000 ms from
        // the cron that first sees the primary FAIL.
        foreach (var replica in new[] { "n1.2", "n1.3" })
        {
            var failSeen = world.Events(replica, "n1.1").First(e => e.Text.Contains("FAIL message received", StringComparison.Ordinal) || e.Text.Contains("as failing", StringComparison.Ordinal));
            var delayed = Assert.Single(world.Events(replica, "Start of election delayed"));
            Assert.InRange(delayed.Seconds, failSeen.Seconds, failSeen.Seconds + (100 * Ms) + Ms);
            int rank = delayed.Text.Contains("rank #1", StringComparison.Ordinal) ? 1 : 0;
            double delayMs = ParseDelayMs(delayed);
            Assert.InRange(delayMs, 500 + (rank * 1000), 999 + (rank * 1000));
        }

        // The winner asks at its time with currentEpoch + 1 (4: the boot left 3 shards at epochs 1-3), and wins with 2 of
        // the 3 primaries (n2.1, n3.1: the crashed one cannot vote); clusterFailoverReplaceYourMaster l.3537-3570.
        var won = Assert.Single(world.Events("Failover election won"));
        Assert.Contains("configEpoch set to 4", won.Text, StringComparison.Ordinal);
        var started = world.Events(won.Source, "Starting a failover election for epoch 4").Single();
        var granted = world.Events("Failover auth granted to " + won.Source + " for epoch 4");
        Assert.Equal(["n2.1", "n3.1"], granted.Select(e => e.Source).Order());
        Assert.InRange(won.Seconds, started.Seconds, started.Seconds + (10 * Ms));

        // Every other node binds shard 0 to the winner with configEpoch 4 from its PONG broadcast; the other replica follows it.
        int winner = world.World.Nodes.ToList().FindIndex(n => n.Name == won.Source);
        world.RunUntilSeconds(125);
        foreach (var (agent, i) in world.Agents.Select((a, i) => (a, i)).Where(p => p.i != 0))
        {
            Assert.Equal((winner, 4L), (agent.OwnerOf(0), agent.OwnerEpochOf(0)));
        }

        var loser = world.World.Nodes.Single(n => n.Name is "n1.2" or "n1.3" && n.Name != won.Source);
        Assert.Equal(world.World.Nodes[winner].Id, loser.MasterId);
        AssertOneVotePerPrimaryPerEpoch(world);
    }

    [Theory]
    [InlineData(7UL)]
    [InlineData(107UL)]
    [InlineData(207UL)]
    public void PartitionShorterThanTheNodeTimeout_NoFailNoElection(ulong seed)
    {
        var world = new ClusterWorld(nodeTimeoutMs: 15_000, seed: seed);
        world.RunUntilSeconds(60);
        world.Isolate(world.Node(0, 0));
        world.RunUntilSeconds(70);
        world.Heal(world.Node(0, 0));
        world.RunUntilSeconds(150);

        Assert.Empty(world.Events("as failing"));
        Assert.Empty(world.Events("Starting a failover election"));
        Assert.Empty(world.Events("Cluster state changed"));
    }

    [Theory]
    [InlineData(11UL)]
    [InlineData(111UL)]
    [InlineData(211UL)]
    public void MinorityPrimary_StateFailOnceItTimedOutBothOtherPrimaries_ThenClusterDown_DemotedOnHeal(ulong seed)
    {
        var world = new ClusterWorld(nodeTimeoutMs: 15_000, seed: seed);
        var old = world.Node(0, 0);
        world.RunUntilSeconds(60);
        world.Isolate(old);
        world.RunUntilSeconds(70);
        world.Probe.Write(old, slot: 0);
        world.RunUntilSeconds(60 + 15 + 7.5 + 0.3);

        // clusterUpdateState l.4466-4495: the isolated primary counts itself and the primaries it does not flag PFAIL;
        // it needs 2 of 3, so it turns FAIL in the cron that flags the second of n2.1 / n3.1 PFAIL, each a node-timeout
        // after its own ping to it (clusterCron l.4183-4205): later than 60 s + node-timeout, by its ping schedule.
        var mine = world.Events("n1.1", "possibly failing");
        double secondPrimary = mine.Where(e => e.Text.Contains("n2.1", StringComparison.Ordinal) || e.Text.Contains("n3.1", StringComparison.Ordinal)).Max(e => e.Seconds);
        var stateFail = Assert.Single(world.Events("n1.1", "Cluster state changed: fail"));
        Assert.Equal(secondPrimary, stateFail.Seconds);
        Assert.InRange(stateFail.Seconds, 75.0, 60 + 15 + 7.5 + 0.2);

        // Before that it still acknowledged (the write at 70 s); after, every key is -CLUSTERDOWN (getNodeByQuery l.6791-6806).
        world.Probe.Write(old, slot: 0);
        world.RunUntilSeconds(110);
        Assert.Equal([ReplyKind.Ok, ReplyKind.ClusterDown], world.Probe.Replies.Select(r => r.Kind));

        // The majority side elected a replica of shard 0 meanwhile.
        var won = Assert.Single(world.Events("Failover election won"));
        Assert.Contains(won.Source, new[] { "n1.2", "n1.3" });
        var winner = world.World.Nodes.Single(n => n.Name == won.Source);

        // Heal: the old primary learns the larger configEpoch from the first header that claims shard 0 and turns
        // replica of the winner (clusterUpdateSlotsConfigWith l.1867-1975); its writes are discarded by the resync.
        world.RunUntilSeconds(120);
        world.Heal(old);
        world.RunUntilSeconds(135);
        var demoted = Assert.Single(world.Events("n1.1", "Reconfiguring myself as a replica of " + won.Source));
        Assert.InRange(demoted.Seconds, 120.0, 120 + 7.01);
        Assert.False(old.IsPrimary);
        Assert.Equal(winner.Id, old.MasterId);
        world.Probe.Write(old, slot: 0);
        world.RunUntilSeconds(136);
        Assert.Equal((ReplyKind.Moved, winner.Id), (world.Probe.Replies[^1].Kind, world.Probe.Replies[^1].RedirectTo));
        AssertOneVotePerPrimaryPerEpoch(world);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void PrimaryCrash_OtherShardsRefuseUntilThePromotionOnlyWithFullCoverage(bool fullCoverage)
    {
        // clusterUpdateState l.4452-4461: with full coverage a slot whose owner is FAIL turns every node's state FAIL.
        var world = new ClusterWorld(nodeTimeoutMs: 5_000, seed: 13, fullCoverage: fullCoverage);
        world.RunUntilSeconds(30);
        world.Node(0, 0).Crash(powerOff: false);
        world.RunUntilSeconds(60);

        var down = world.Events("n2.1", "Cluster state changed: fail");
        if (!fullCoverage)
        {
            Assert.Empty(down);
            return;
        }

        double fail = world.Events("n2.1", "n1.1").First(e => e.Text.Contains("FAIL message received", StringComparison.Ordinal) || e.Text.Contains("as failing", StringComparison.Ordinal)).Seconds;
        double won = Assert.Single(world.Events("Failover election won")).Seconds;
        Assert.Equal(fail, Assert.Single(down).Seconds);
        Assert.InRange(Assert.Single(world.Events("n2.1", "Cluster state changed: ok")).Seconds, won, won + (10 * Ms));
    }

    [Theory]
    [InlineData(17UL)]
    [InlineData(117UL)]
    [InlineData(217UL)]
    public void ElectionWithoutVotes_TimesOutAfterTheAuthTimeout_RetriesAfterTwiceIt(ulong seed)
    {
        // clusterHandleSlaveFailover l.3592-3594: auth timeout max(2 × node-timeout, 2000 ms) = 3 s for 1.5 s, and a
        // new election may be scheduled once the last one is older than the retry time, 2 × that = 6 s.
        var world = new ClusterWorld(nodeTimeoutMs: 1_500, seed: seed);
        world.RunUntilSeconds(30);
        world.Node(0, 0).Crash(powerOff: false);
        while (world.Events("as failing (quorum reached)").Count == 0)
        {
            world.RunUntilSeconds(world.Now.TotalSeconds + 0.01);
        }

        // The replicas' vote requests are dropped until every first election has timed out.
        var voters = new[] { world.Node(1, 0), world.Node(2, 0) };
        var candidates = new[] { world.Node(0, 1), world.Node(0, 2) };
        foreach (var v in voters)
        {
            foreach (var c in candidates)
            {
                world.World.Network.Cut(c.Id, v.Id);
            }
        }

        double cutAt = world.Now.TotalSeconds;
        world.RunUntilSeconds(cutAt + 4.5);
        foreach (var v in voters)
        {
            foreach (var c in candidates)
            {
                world.World.Network.Heal(c.Id, v.Id);
            }
        }

        world.RunUntilSeconds(cutAt + 30);
        var won = Assert.Single(world.Events("Failover election won"));
        var delays = world.Events(won.Source, "Start of election delayed");
        Assert.True(delays.Count >= 2);
        double firstAuthTime = delays[0].Seconds + (ParseDelayMs(delays[0]) / 1000);
        Assert.InRange(delays[1].Seconds, firstAuthTime + 6.0, firstAuthTime + 6.0 + (100 * Ms) + Ms);
        Assert.DoesNotContain(world.Events("Failover auth granted"), e => e.Seconds < cutAt + 4.5);
        AssertOneVotePerPrimaryPerEpoch(world);
    }

    private static double ParseDelayMs(TraceEvent delayed) =>
        double.Parse(delayed.Text.Split(' ')[6], System.Globalization.CultureInfo.InvariantCulture);

    private static void AssertOneVotePerPrimaryPerEpoch(ClusterWorld world)
    {
        // clusterSendFailoverAuthIfNeeded l.3335-3431: lastVoteEpoch allows one vote per currentEpoch.
        var votes = world.Events("Failover auth granted").GroupBy(e => (e.Source, e.Text[e.Text.LastIndexOf(' ')..]));
        Assert.All(votes, g => Assert.Single(g));
    }
}
