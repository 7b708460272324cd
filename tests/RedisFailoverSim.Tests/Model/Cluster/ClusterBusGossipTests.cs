using RedisFailoverSim.Model.Cluster;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Tests.Model.Cluster;

/// <summary>
/// The parts of the cluster bus's timing that ClusterBusTests bounds but does not tie to their mechanism, against
/// <c>cluster_legacy.c</c> (Redis 7.0.15's <c>cluster.c</c>; docs/sources.md §3.3, §3.15): the random peer pinged once a
/// second beside the node-timeout / 2 schedule, failure reports that reach a node only inside gossip sections (so FAIL is
/// marked on a packet, never on the cron), and a full-coverage cluster refusing writes to every shard while one shard's
/// slots are unserved.
/// </summary>
public class ClusterBusGossipTests
{
    private const double NodeTimeoutS = 15;
    private const double TickS = 0.1;

    [Fact]
    public void Cron_TwoNodeCluster_TheRandomPeerPingEverySecondKeepsThePongFarYoungerThanHalfTheNodeTimeout()
    {
        // clusterCron: every 10th call draws 5 random nodes (myself among them, skipped) and pings the one with the oldest
        // pong_received that has no ping outstanding. With one peer, 31 of 32 seconds ping it; the node-timeout / 2 rule
        // alone would let its pong age to 7.5 s. (Two nodes send no gossip: max(3, n / 10) is capped at n - 2 = 0.)
        var world = new ClusterWorld(shards: 1, replicasPerShard: 1, nodeTimeoutMs: 15_000, seed: 21);
        double worst = 0;
        double sum = 0;
        int samples = 0;
        for (int tick = 100; tick <= 6000; tick++)
        {
            world.RunUntilSeconds(tick * TickS);
            foreach (var (agent, me) in world.Agents.Select((a, i) => (a, i)))
            {
                double age = (world.Now.Nanoseconds - agent.LastPongAt(1 - me)) / 1e9;
                worst = Math.Max(worst, age);
                sum += age;
                samples++;
            }
        }

        // A ping a second and its pong a round trip later: ages run 0-1.1 s, mean about half a second; a miss (1 in 32)
        // adds a second, and the seed's worst run of misses stays far under node-timeout / 2.
        Assert.InRange(sum / samples, 0.4, 0.7);
        Assert.InRange(worst, 1.0, 4.2);
        Assert.Empty(world.Events("possibly failing"));
    }

    [Theory]
    [InlineData(3UL)]
    [InlineData(103UL)]
    [InlineData(203UL)]
    public void PrimaryCrash_TheFirstPingToTheDeadNode_OftenTheRandomPeerPing_NeverLaterThanHalfTheNodeTimeout(ulong seed)
    {
        var world = new ClusterWorld(nodeTimeoutMs: 15_000, seed: seed);
        world.RunUntilSeconds(60);
        const double crash = 60;
        double[] lastPong = world.Agents.Select(a => a.LastPongAt(0) / 1e9).ToArray();
        world.Node(0, 0).Crash(powerOff: false);
        world.RunUntilSeconds(120);

        // PFAIL comes at the first cron after the ping to n1.1 has waited node-timeout (clusterCron's node_delay), so the
        // ping left in (PFAIL - node-timeout - one tick, PFAIL - node-timeout].
        var pings = world.Events("possibly failing")
            .Where(e => e.Text.Contains("NODE n1.1 ", StringComparison.Ordinal))
            .Select(e => (Observer: world.World.Nodes.ToList().FindIndex(n => n.Name == e.Source), SentBy: e.Seconds - NodeTimeoutS))
            .ToList();
        Assert.NotEmpty(pings);

        // The node-timeout / 2 rule is the latest a ping can leave: the pong came before the crash, plus one tick.
        Assert.All(pings, p => Assert.True(p.SentBy <= crash + (NodeTimeoutS / 2) + TickS + 0.001, $"ping at {p.SentBy}"));

        // The random peer ping leaves earlier: once its pong is the oldest the dead node is picked whenever it is among
        // the 5 drawn of 9 (45 % a second). A ping more than a second before its observer's own node-timeout / 2 deadline
        // (the last pong it had at the crash + 7.5 s; gossip can only move that later) can only be the random one.
        int random = pings.Count(p => p.SentBy < lastPong[p.Observer] + (NodeTimeoutS / 2) - 1);
        Assert.True(random * 2 >= pings.Count, $"{random} of {pings.Count} first pings came before the node-timeout / 2 rule");
    }

    [Theory]
    [InlineData(3UL)]
    [InlineData(103UL)]
    [InlineData(203UL)]
    [InlineData(303UL)]
    public void PrimaryCrash_FailMarkedOnAGossipReport_AfterItsOwnPfail_NeverOnTheCron(ulong seed)
    {
        var world = new ClusterWorld(nodeTimeoutMs: 15_000, seed: seed);
        world.RunUntilSeconds(60);
        world.Node(0, 0).Crash(powerOff: false);
        world.RunUntilSeconds(120);

        // Two nodes may mark it before either's FAIL message reaches the other; each obeys the same rule.
        var markers = world.Events("Marking node n1.1 as failing (quorum reached)");
        Assert.NotEmpty(markers);
        foreach (var marked in markers)
        {
            AssertMarkedOnAReport(world, marked);
        }
    }

    private static void AssertMarkedOnAReport(ClusterWorld world, TraceEvent marked)
    {
        string marker = marked.Source;
        bool markerIsPrimary = marker is "n2.1" or "n3.1";

        // markNodeAsFailingIfNeeded returns unless the node flags it PFAIL itself (nodeTimedOut), and clusterCron only
        // sets PFAIL: so the marker flagged it first, and FAIL comes later, on a packet.
        double ownPfail = Assert.Single(world.Events(marker, "NODE n1.1 possibly failing")).Seconds;
        Assert.True(marked.Seconds > ownPfail, $"{marker}: FAIL at {marked.Seconds}, own PFAIL at {ownPfail}");

        // clusterProcessGossipSection: only a primary's gossip entry flagging n1.1 PFAIL is a report. Quorum 2 of 3: a
        // primary counts itself and needs one report, a replica two, each from a primary that flagged n1.1 before.
        var reports = world.Events(marker, "reported node n1.1 as not reachable")
            .Select(e => (Reporter: e.Text.Split(' ')[2], e.Seconds))
            .Where(r => r.Seconds <= marked.Seconds)
            .ToList();
        Assert.All(reports, r => Assert.Contains(r.Reporter, new[] { "n2.1", "n3.1" }));
        Assert.Equal(markerIsPrimary ? 1 : 2, reports.Count);
        double lastReporterPfail = 0;
        foreach (var (reporter, at) in reports)
        {
            double reporterPfail = Assert.Single(world.Events(reporter, "NODE n1.1 possibly failing")).Seconds;
            Assert.True(at > reporterPfail, $"{reporter}'s report reached {marker} at {at}, before it flagged n1.1 at {reporterPfail}");
            lastReporterPfail = Math.Max(lastReporterPfail, reporterPfail);
        }

        // The gossip that completes the quorum is the reporter's next message to the marker after both flags are set:
        // its ping (node-timeout / 2 schedule or the random peer) or its pong to the marker's, so within node-timeout / 2
        // and a tick and a few one-way delays.
        double bothFlagged = Math.Max(ownPfail, reports.Max(r => r.Seconds));
        Assert.InRange(marked.Seconds, bothFlagged, Math.Max(ownPfail, lastReporterPfail) + (NodeTimeoutS / 2) + TickS + 0.02);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void PrimaryCrash_WriteToAnotherShard_RefusedFromFailToThePromotionOnlyWithFullCoverage(bool fullCoverage)
    {
        // clusterUpdateState: with full coverage, a slot whose owner is FAIL turns the state FAIL, and getNodeByQuery
        // answers every key -CLUSTERDOWN, shard 2's own slots included; without it, shard 2 answers as before.
        var world = new ClusterWorld(nodeTimeoutMs: 5_000, seed: 13, fullCoverage: fullCoverage);
        var shardTwo = world.Node(1, 0);
        int slot = SlotRanges.Starts(3)[1];
        world.RunUntilSeconds(30);
        world.Node(0, 0).Crash(powerOff: false);
        while (!world.Events("n2.1", "n1.1").Any(e => e.Text.Contains("FAIL message received", StringComparison.Ordinal) || e.Text.Contains("as failing", StringComparison.Ordinal)))
        {
            world.RunUntilSeconds(world.Now.TotalSeconds + 0.01);
        }

        // A write to shard 2's primary just after it learned FAIL, then one just after the promotion reached it.
        world.Probe.Write(shardTwo, slot);
        while (world.Events("Failover election won").Count == 0)
        {
            world.RunUntilSeconds(world.Now.TotalSeconds + 0.01);
        }

        world.RunUntilSeconds(world.Now.TotalSeconds + 0.05);
        world.Probe.Write(shardTwo, slot);
        world.RunUntilSeconds(world.Now.TotalSeconds + 0.05);

        ReplyKind[] expected = fullCoverage ? [ReplyKind.ClusterDown, ReplyKind.Ok] : [ReplyKind.Ok, ReplyKind.Ok];
        Assert.Equal(expected, world.Probe.Replies.Select(r => r.Kind));
    }
}
