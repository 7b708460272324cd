using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Catalog;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Tests.Model;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>The MemoryDB path pinned to docs/sources.md §6: no acknowledged write lost, single-digit ms writes, quorum commits.</summary>
public class MemoryDbTests
{
    private static PathResult Run(WorldSpec spec, ulong seed = 1) =>
        DeploymentPaths.Run(DeploymentPaths.MemoryDb, spec, seed, RunOptions.Default);

    /// <summary>The bundled scenarios' faults, on the topologies they use.</summary>
    public static TheoryData<string> BundledLike => new()
    {
        "primary-crash", "primary-power-off", "az-power-interruption", "az-partition", "az-partition-split-brain",
        "isolate-primary-az", "memorydb-slow-az", "primary-pause", "maintenance-node-replacement", "primary-reboot",
        "serverless-burst",
    };

    internal static WorldSpec Scenario(string name) => name switch
    {
        "primary-crash" => Specs.ThreeNodes([Specs.CrashPrimary(20)]),
        "primary-power-off" => Specs.ThreeNodes([Specs.Fault(FaultKind.PowerOff, 20, 40, FaultTarget.Primary)]),
        "az-power-interruption" => Specs.ThreeNodes([Specs.AzPower(30, 600)], durationS: 120),
        "az-partition" => Specs.ThreeNodes([Specs.SplitAzA(20, 60)]),
        "az-partition-split-brain" => Specs.Jepsen([Specs.SplitAzA(15, 90)]),
        "isolate-primary-az" => Specs.ThreeNodes([Specs.Fault(FaultKind.Isolate, 20, 60, FaultTarget.Az("az-a"))]),
        "memorydb-slow-az" => Specs.ThreeNodes([Specs.SlowAz(30, 30, 20, "az-a")]),
        "primary-pause" => Specs.ThreeNodes([Specs.Fault(FaultKind.Pause, 20, 45, FaultTarget.Primary)]),
        "maintenance-node-replacement" => Specs.ThreeNodes([Specs.Fault(FaultKind.NodeReplacement, 20, 30, FaultTarget.Primary)]),
        "primary-reboot" => Specs.ThreeNodes([Specs.Fault(FaultKind.Reboot, 20, 30, FaultTarget.Primary)]),
        "serverless-burst" => Specs.ThreeNodes([new FaultSpec(FaultKind.TrafficBurst, Specs.At(20), SimDuration.FromSeconds(10), FaultTarget.Everything, RateMultiplier: 20)]),
        _ => throw new ArgumentException(name, nameof(name)),
    };

    [Theory]
    [MemberData(nameof(BundledLike))]
    public void BundledScenario_AnyFault_NoAcknowledgedWriteLost(string scenario)
    {
        // docs/sources.md §6: "in all cases MemoryDB ensures that no data is lost during node replacements or failover".
        for (ulong seed = 1; seed <= 2; seed++)
        {
            var result = Run(Scenario(scenario), seed);
            Assert.Equal(0, result.Writes.AcknowledgedLost);
            Assert.Equal(0, result.SplitBrainSeconds);
            Assert.True(result.Converged);
            Assert.True(result.Writes.Acknowledged > 0);
        }
    }

    [Fact]
    public void ClusterModeInside_ADemotedNodeAnswersMoved_SoAProfileThatKeepsItsConnectionOnReadonlyStillFollows()
    {
        // MemoryDB runs cluster mode (docs/sources.md §6; A31): a node that is not the shard's primary redirects a write
        // with -MOVED to the primary, which every cluster client follows; it never answers -READONLY. ioredis keeps its
        // connection on -READONLY (reconnectOnError unset, docs/sources.md §11.10), so under -READONLY its clients
        // would fail every write to the demoted n1 until the run's end (16,100 of 18,000 at seed 42 before this rule).
        Assert.True(ClientLibraries.TryFind("ioredis", out var ioredis));
        Assert.Equal(ConnectionAction.Keep, ioredis.Settings.OnReadOnly);
        var result = Run(Specs.Jepsen([Specs.SplitAzA(15, 90)]) with { Client = ioredis.Settings }, seed: 42);

        Assert.Contains(result.Events, e => e.Text.Contains("got -MOVED from n1: the slot is n3's", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Events, e => e.Text.Contains("READONLY", StringComparison.Ordinal));
        Assert.True(result.Writes.Failed < result.Writes.Attempted / 100, $"{result.Writes}");
        Assert.Equal(0, result.Writes.AcknowledgedLost);
    }

    [Fact]
    public void CleanRun_WritesCommitInAQuorumOfAzs_SingleDigitMilliseconds()
    {
        // docs/sources.md §6: single-digit millisecond writes: a cross-AZ round trip to the second log replica plus its
        // service time (A26), on top of the client's own hop.
        var result = Run(Specs.ThreeNodes(), seed: 5);
        Assert.Equal(3 * 50 * 90, result.Writes.Acknowledged);
        Assert.InRange(result.Latency.P50, 2.0, 6.0);
        Assert.InRange(result.Latency.P99, result.Latency.P50, 9.9);
        Assert.Null(result.Failover);
    }

    [Fact]
    public void SlowAz_PrimarysAzPlus20ms_P99RisesDuringTheFaultAndNothingIsLost()
    {
        // memorydb-slow-az.yaml: every append the primary sends now leaves a slow AZ; the commit waits for it.
        var result = Run(Scenario("memorydb-slow-az"));
        Assert.InRange(ServerlessTests.P99(result, 0, 30), 2.0, 9.9);
        Assert.InRange(ServerlessTests.P99(result, 31, 59), 40.0, 120.0);
        Assert.InRange(ServerlessTests.P99(result, 61, 90), 2.0, 9.9);
        Assert.Null(result.Failover);
        Assert.Equal(0, result.Writes.AcknowledgedLost);
    }

    [Fact]
    public void AzPartition_OldPrimaryWithoutLogQuorum_AcknowledgesNothingAfterTheCut()
    {
        // The primary keeps only its own AZ's log replica: no write can reach a quorum, none is acknowledged; after
        // the lease (A28) a replica on the majority side catches up with the log and takes over.
        var result = Run(Scenario("az-partition"));
        var s = result.Samples!;
        for (int i = 0; i < s.Count; i++)
        {
            if (s.Outcomes[i] == WriteOutcome.Ok && s.AckedBy[i] == 0)
            {
                Assert.True(s.IntendedStartSeconds[i] + (s.LatencyMilliseconds[i] / 1000) < 20.01);
            }
        }

        Assert.NotNull(result.Failover);
        Assert.InRange(result.Failover.ControlPlaneSeconds, 10.0, 14.0);
        Assert.Contains(result.Events, e => e.Source == "n1" && e.Text.Contains("stepped down (it could not reach a quorum"));
        Assert.Equal(1, result.FailoverCount);
    }

    [Fact]
    public void BundledSplitBrainFile_AzPartitionCutsTheLogReplicaOfTheMinorityAz_MajorityTakesOver()
    {
        // groups: [[az-a], [az-b, az-c]] in the YAML must place MemoryDB's per-AZ log replicas too (they are not
        // scenario members): n1 then keeps only az-a's log replica, steps down after the lease, and n3/n4/n5 elect.
        // A loader that expanded the AZs into the scenario's member names once left the log connected to both sides.
        var scenario = RedisFailoverSim.Scenarios.ScenarioLoader.Load(
            Path.Combine(RedisFailoverSim.Tests.Architecture.RepositoryRoot.Path, "scenarios", "az-partition-split-brain.yaml"));
        var result = Run(scenario.World, 42);
        Assert.Contains(result.Events, e => e.Source == "n1" && e.Text.Contains("stepped down (it could not reach a quorum"));
        Assert.NotNull(result.Failover);
        Assert.InRange(result.Failover.ControlPlaneSeconds, 10.0, 14.0);
        Assert.Equal(0, result.Writes.AcknowledgedLost);
    }

    [Fact]
    public void PrimaryCrash_ReplicaCatchesUpWithTheLogBeforeItTakesWrites()
    {
        var result = Run(Scenario("primary-crash"));
        var promoted = result.Events.Single(e => e.Kind == "role" && e.Text.Contains("promoted"));
        Assert.Contains("after catching up with the log", promoted.Text);
        Assert.InRange(result.Failover!.ControlPlaneSeconds, 10.0, 14.0);
        Assert.InRange(result.Failover.ClientObservedSeconds!.Value, result.Failover.ControlPlaneSeconds, 20.0);
    }

    [Fact]
    public void SingleNodeShard_PrimaryCrash_WritesStopUntilTheNodeIsReplacedAndNothingIsLost()
    {
        // docs/sources.md §6: a single-node shard stops taking writes until the primary is replaced and re-synced; the
        // replacement (A29: after 3 min) restores from the log, so every acknowledged write survives.
        var spec = Specs.ThreeNodes([Specs.CrashPrimary(20)], durationS: 300) with { Nodes = [new NodeSpec("n1", "az-a", true)] };
        var result = Run(spec);
        var s = result.Samples!;
        var replaced = result.Events.Single(e => e.Text.Contains("replacement for n1 launched"));
        Assert.InRange(replaced.Seconds, 20 + 180, 20 + 182);
        double firstAckAfter = double.MaxValue;
        for (int i = 0; i < s.Count; i++)
        {
            double ackedAt = s.IntendedStartSeconds[i] + (s.LatencyMilliseconds[i] / 1000);
            if (s.Outcomes[i] == WriteOutcome.Ok && ackedAt > 20.01)
            {
                Assert.True(ackedAt > replaced.Seconds);
                firstAckAfter = Math.Min(firstAckAfter, ackedAt);
            }
        }

        Assert.InRange(firstAckAfter, replaced.Seconds, replaced.Seconds + 20);
        Assert.Equal(0, result.Writes.AcknowledgedLost);
        Assert.True(result.Writes.Acknowledged > 3 * 50 * 19);
        Assert.True(result.Converged);
    }

    [Fact]
    public void NodeReplacement_LeaderHandsTheLogOver_NoLossAndASubSecondBlip()
    {
        var result = Run(Scenario("maintenance-node-replacement"));
        Assert.Contains(result.Events, e => e.Text.Contains("handed leadership over"));
        Assert.Equal(0, result.Writes.AcknowledgedLost);
        Assert.InRange(ElastiCacheTests.LongestAckGap(result), 0.0, 1.0);
    }
}
