using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using RedisFailoverSim.Engine;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Tests.Architecture;
using RedisFailoverSim.Tests.Model;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>
/// MemoryDB with several shards (docs/sources.md §6.1): each shard its own transaction log and lease failover, the
/// service's slot map routing the shared cluster clients (A150), and shards that never wait for each other (A151).
/// </summary>
public class MemoryDbClusterTests
{
    private const double CrashAt = 20;
    private static readonly MemoryDbSettings Log = MemoryDbSettings.Default;
    private static readonly Lazy<PathResult> Crash = new(() => Run("cluster-primary-crash.yaml", seed: 42, keepSamples: true));

    [Fact]
    public void ShardPrimaryCrash_ThreeShards_NoAcknowledgedWriteLostAndOnlyThatShardFails()
    {
        var result = Crash.Value;
        var shards = result.Shards!;

        Assert.Equal(3, shards.Count);
        Assert.Equal(0, result.Writes.AcknowledgedLost);
        Assert.All(shards, s => Assert.Equal(0, s.AcknowledgedLost));
        Assert.True(result.Converged);
        Assert.Equal(1, result.FailoverCount);
        Assert.StartsWith("n1.", shards[0].Failover!.NewPrimary, StringComparison.Ordinal);
        Assert.True(shards[0].Failed > 0);

        // Shards 2 and 3 never had a primary to lose: nothing of theirs failed or went unknown (A151).
        Assert.Null(shards[1].Failover);
        Assert.Null(shards[2].Failover);
        Assert.Equal(0, shards[1].Failed + shards[1].Unknown);
        Assert.Equal(0, shards[2].Failed + shards[2].Unknown);
    }

    [Fact]
    public void ShardPrimaryCrash_Promotion_FollowsTheShardsLogLease()
    {
        // The single shard's mechanism (A27, A28), on shard 1's own log: its log replicas last heard n1.1 at the crash
        // (a heartbeat or an append, every 100 ms at most); a follower learns the lease lapsed from its AZ's log replica
        // at its next read (once a second), silence >= lease-duration; it claims election-delay + jitter later (at that
        // instant, not on its 100 ms tick) and is promoted after a pre-vote and a vote, a few cross-AZ round trips.
        var result = Crash.Value;
        var promoted = result.Events.Single(e => e.Text.Contains("promoted to primary", StringComparison.Ordinal));
        var winner = promoted.Source;
        var lapse = result.Events.First(e => e.Source == winner && e.Text.Contains("the lease lapsed", StringComparison.Ordinal));
        var claim = result.Events.Last(e => e.Source == winner && e.Text.Contains("claims", StringComparison.Ordinal) && e.Text.Contains("leadership of the log", StringComparison.Ordinal) && e.Seconds <= promoted.Seconds);
        double silence = double.Parse(lapse.Text.Split("no leader for ")[1].Split('s')[0], CultureInfo.InvariantCulture);
        double lastHeard = lapse.Seconds - silence;

        Assert.InRange(lastHeard, CrashAt - Log.LogHeartbeat.TotalSeconds - 0.001, CrashAt + 0.005);
        Assert.InRange(silence, Log.LeaseDuration.TotalSeconds, Log.LeaseDuration.TotalSeconds + 1.0 + 0.001);
        Assert.InRange(claim.Seconds - lapse.Seconds, Log.ElectionDelay.TotalSeconds, (Log.ElectionDelay + Log.ElectionJitter).TotalSeconds + 0.001);
        Assert.InRange(promoted.Seconds - claim.Seconds, 0.0, 0.02);
        Assert.Equal(promoted.Seconds - CrashAt, result.Shards![0].Failover!.ControlPlaneSeconds, 3);
        Assert.Equal(result.Failover!.ControlPlaneSeconds, result.Shards[0].Failover!.ControlPlaneSeconds);
    }

    [Fact]
    public void ShardPrimaryCrash_OtherShards_KeepAcknowledgingThroughTheFailover()
    {
        // Every second from the crash to the promotion, the primaries of shards 2 and 3 acknowledge their share of the
        // constant load (3 clients x 100 writes/s, a third each by key, A77) as in the 10 s before the crash: each of the
        // shard's 3 connections writes at a constant rate, so a whole second holds its mean +-1 per connection.
        var result = Crash.Value;
        var s = result.Samples!;
        var nodeShards = result.NodeShards!;
        double promotedAt = CrashAt + result.Failover!.ControlPlaneSeconds;
        int seconds = (int)Math.Ceiling(promotedAt) - (int)CrashAt;
        var acks = new int[3, seconds];
        var before = new int[3];
        for (int i = 0; i < s.Count; i++)
        {
            if (s.Outcomes[i] != WriteOutcome.Ok)
            {
                continue;
            }

            int shard = nodeShards[s.AckedBy[i]];
            double ackedAt = s.IntendedStartSeconds[i] + (s.LatencyMilliseconds[i] / 1000);
            if (ackedAt >= CrashAt - 10 && ackedAt < CrashAt)
            {
                before[shard]++;
            }
            else if (ackedAt >= CrashAt && ackedAt < CrashAt + seconds)
            {
                acks[shard, (int)(ackedAt - CrashAt)]++;
            }
        }

        for (int shard = 1; shard < 3; shard++)
        {
            for (int second = 0; second < seconds; second++)
            {
                Assert.InRange(acks[shard, second], (before[shard] / 10.0) - 4, (before[shard] / 10.0) + 4);
            }
        }

        Assert.Equal(0, acks[0, 1]);
    }

    [Fact]
    public void ShardPrimaryCrash_TenSeeds_NoAcknowledgedWriteLostAndTheOtherShardsNeverFail()
    {
        var spec = ScenarioLoader.Load(Path.Combine(RepositoryRoot.Path, "scenarios", "cluster-primary-crash.yaml")).World;
        for (ulong seed = 1; seed <= 10; seed++)
        {
            var result = DeploymentPaths.Run(DeploymentPaths.MemoryDb, spec, seed, new RunOptions(KeepSamples: false) { Audit = true });

            Assert.True(result.Writes.AcknowledgedLost == 0, $"seed {seed}: {result.Writes.AcknowledgedLost} lost");
            Assert.True(result.Shards![1].Failed + result.Shards[2].Failed == 0, $"seed {seed}: shards 2 and 3 failed {result.Shards[1].Failed + result.Shards[2].Failed}");
            Assert.True(result.Converged, $"seed {seed}: did not converge");
        }
    }

    [Fact]
    public void MinorityPartition_TwoReachableLogReplicas_TwentySeedsNoSplitClaim()
    {
        // With az-a cut off, n1.2 and n1.3 share the two log replicas left; they learn of the lapse at the same read, so
        // only their jitter separates their claims. Claimed on the 100 ms tick, about 1 seed in 10 split the votes and
        // waited another lease (docs/sources.md §6.1); claimed at the jittered instant, none does.
        var spec = ScenarioLoader.Load(Path.Combine(RepositoryRoot.Path, "scenarios", "cluster-minority-partition.yaml")).World;
        for (ulong seed = 1; seed <= 20; seed++)
        {
            var result = DeploymentPaths.Run(DeploymentPaths.MemoryDb, spec, seed, new RunOptions(KeepSamples: false));

            Assert.True(result.Failover!.ControlPlaneSeconds < (Log.LeaseDuration + Log.ElectionDelay + Log.ElectionJitter).TotalSeconds + 1.1, $"seed {seed}: promoted {result.Failover.ControlPlaneSeconds} s after the cut");
            Assert.True(!result.Events.Any(e => e.Text.Contains("got no quorum", StringComparison.Ordinal) && e.Source is "n1.2" or "n1.3"), $"seed {seed}: a split claim");
            Assert.Equal(0, result.Writes.AcknowledgedLost);
        }
    }

    [Fact]
    public void ClusterPrimaryCrash_SameSeedTwice_SameResult()
    {
        var a = Run("cluster-primary-crash.yaml", seed: 7, keepSamples: false);
        var b = Run("cluster-primary-crash.yaml", seed: 7, keepSamples: false);

        Assert.Null(CompactAccountingOracleTests.FirstDifference(a, b));
    }

    [Fact]
    public void ClusterSlots_EveryNodeAnswersFromTheServiceMap_ClientsFindTheNewPrimaryByMoved()
    {
        var result = Crash.Value;
        var promoted = result.Events.Single(e => e.Text.Contains("promoted to primary", StringComparison.Ordinal));

        Assert.Contains(result.Events, e => e.Text == $"MemoryDB: CLUSTER SLOTS for shard 1 now answers {promoted.Source}");
        Assert.Contains(result.Events, e => e.Seconds >= promoted.Seconds && e.Text.Contains($"-MOVED from", StringComparison.Ordinal) && e.Text.EndsWith($"the slot is {promoted.Source}'s", StringComparison.Ordinal));
    }

    [Fact]
    public void RandomClusterScenarios_CompactCountsEqualExactLedger()
    {
        // And the log's promise on every one of them: no acknowledged write lost (docs/sources.md §6).
        RandomClusterOracle.AssertCompactEqualsExact(
            DeploymentPaths.MemoryDb,
            firstSeed: 19_000,
            check: exact => exact.Writes.AcknowledgedLost == 0 ? null : $"{exact.Writes.AcknowledgedLost} acknowledged writes lost");
    }

    private static PathResult Run(string file, ulong seed, bool keepSamples)
    {
        var spec = ScenarioLoader.Load(Path.Combine(RepositoryRoot.Path, "scenarios", file)).World;
        return DeploymentPaths.Run(DeploymentPaths.MemoryDb, spec, seed, new RunOptions(KeepSamples: keepSamples) { Audit = true });
    }
}
