using System.Globalization;
using System.Text.RegularExpressions;
using RedisFailoverSim.Model.Cluster;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Redis;

namespace RedisFailoverSim.Tests.Model.Cluster;

/// <summary>
/// Two timings of Redis 7.0.15's <c>cluster.c</c> that ClusterBusTests reads from the log without forcing them
/// (docs/sources.md §3.4, §3.5): the election's rank, counted from the offsets the sibling replicas announce, and the
/// rejoin delay a primary that was in the minority waits before its state turns OK again.
/// </summary>
public sealed partial class ClusterBusRankAndRejoinTests
{
    private const double TickS = 0.1;

    [Theory]
    [InlineData(5UL)]
    [InlineData(105UL)]
    [InlineData(205UL)]
    public void PrimaryCrash_ReplicaBehindItsSibling_RankOneWaitsASecondMore_TheOtherWins(ulong seed)
    {
        // c1 writes shard 1's slot 0 at 100/s. n1.3 is cut from n1.1 one second before n1.1 is killed, so it misses
        // about 100 writes n1.2 applied. clusterGetSlaveRank (l.3450-3470) counts the siblings that announced a larger
        // offset: n1.2 is rank 0 and waits 500-999 ms, n1.3 rank 1 and waits 1000 ms more (clusterHandleSlaveFailover
        // l.3647-3675); n1.2 wins before n1.3's time and n1.3 never asks for votes.
        var world = new ClusterWorld(nodeTimeoutMs: 15_000, seed: seed, clientShards: [0]);
        var primary = world.Node(0, 0);
        var behind = world.Node(0, 2);
        world.RunUntilSeconds(59);
        world.World.Network.Cut(primary.Id, behind.Id);
        world.World.Network.Cut(behind.Id, primary.Id);
        world.RunUntilSeconds(60);
        primary.Crash(powerOff: false);
        world.RunUntilSeconds(120);

        var (aheadDelayMs, aheadRank, aheadOffset) = Delay(Assert.Single(world.Events("n1.2", "Start of election delayed")));
        var (behindDelayMs, behindRank, behindOffset) = Delay(Assert.Single(world.Events("n1.3", "Start of election delayed")));
        Assert.True(behindOffset < aheadOffset, $"n1.3 at offset {behindOffset}, n1.2 at {aheadOffset}");
        Assert.Equal((0, 1), (aheadRank, behindRank));
        Assert.InRange(aheadDelayMs, 500, 999);
        Assert.InRange(behindDelayMs, 1500, 1999);

        // n1.2 asks at the first cron at or after its time, and wins with n2.1's and n3.1's votes.
        var delayed = world.Events("n1.2", "Start of election delayed")[0];
        var started = Assert.Single(world.Events("n1.2", "Starting a failover election"));
        double authTime = delayed.Seconds + (aheadDelayMs / 1000);
        Assert.InRange(started.Seconds, authTime - 0.001, authTime + TickS + 0.001);
        Assert.Equal("n1.2", Assert.Single(world.Events("Failover election won")).Source);
        Assert.Empty(world.Events("n1.3", "Starting a failover election"));
        Assert.True(world.Node(0, 1).IsPrimary);
        Assert.Equal(world.Node(0, 1).Id, behind.MasterId);
    }

    [Theory]
    [InlineData(15_000L, 5.0)]
    [InlineData(2_000L, 2.0)]
    [InlineData(300L, 0.5)]
    public void MinorityPrimaryHealed_StateOkOnlyAfterTheRejoinDelay_NodeTimeoutClampedToHalfASecondToFive(long nodeTimeoutMs, double rejoinS)
    {
        // Shards without replicas cannot fail over, so n1.1 stays primary through the cut; full coverage no keeps the
        // other nodes OK. Cut off, n1.1 flags n2.1 and n3.1 PFAIL and turns its state FAIL (clusterUpdateState
        // l.4466-4495). The first pong after the heal clears a PFAIL (clusterProcessPacket) and the count is a majority
        // again, but a primary that was among the minority stays FAIL until the rejoin delay, node-timeout clamped to
        // 500-5000 ms, has passed since the last update that counted it there (l.4425-4427, l.4498-4516): the cron
        // before that pong.
        double nodeTimeoutS = nodeTimeoutMs / 1000.0;
        var world = new ClusterWorld(replicasPerShard: 0, nodeTimeoutMs: nodeTimeoutMs, seed: 31, fullCoverage: false);
        var old = world.Node(0, 0);
        var agent = world.Agent(0, 0);
        world.RunUntilSeconds(30);
        world.Isolate(old);
        double healAt = 30 + (3 * nodeTimeoutS);
        world.RunUntilSeconds(healAt);
        Assert.Single(world.Events("n1.1", "Cluster state changed: fail"));
        Assert.False(agent.StateOk);
        world.Heal(old);

        // The first pong back from n2.1 or n3.1, to the millisecond.
        while ((agent.FlagsOf(1) & agent.FlagsOf(2) & PeerFlags.PossiblyFailing) != 0)
        {
            world.RunUntilSeconds(world.Now.TotalSeconds + 0.001);
        }

        double cleared = world.Now.TotalSeconds;
        Assert.True(cleared < healAt + 30, $"no pong {cleared - healAt} s after the heal");
        world.Probe.Write(old, slot: 0);
        world.RunUntilSeconds(cleared + rejoinS + TickS + 0.05);
        world.Probe.Write(old, slot: 0);
        world.RunUntilSeconds(cleared + rejoinS + TickS + 0.1);

        double ok = Assert.Single(world.Events("n1.1", "Cluster state changed: ok")).Seconds;
        Assert.InRange(ok - cleared, rejoinS - TickS - 0.001, rejoinS);
        Assert.Equal([ReplyKind.ClusterDown, ReplyKind.Ok], world.Probe.Replies.Select(r => r.Kind));
        Assert.True(old.IsPrimary);
    }

    private static (double DelayMs, int Rank, long Offset) Delay(TraceEvent delayed)
    {
        var match = DelayLine().Match(delayed.Text);
        Assert.True(match.Success, delayed.Text);
        return (
            double.Parse(match.Groups["ms"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["rank"].Value, CultureInfo.InvariantCulture),
            long.Parse(match.Groups["offset"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"Start of election delayed for (?<ms>\d+) milliseconds \(rank #(?<rank>\d+), offset (?<offset>\d+)\)")]
    private static partial Regex DelayLine();
}
