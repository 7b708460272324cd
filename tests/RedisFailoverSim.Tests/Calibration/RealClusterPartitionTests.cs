using System.Diagnostics;
using System.Text;
using RedisFailoverSim.Calibration;
using RedisFailoverSim.Calibration.Processes;
using RedisFailoverSim.Calibration.Real;
using RedisFailoverSim.Calibration.RealCluster;
using RedisFailoverSim.Calibration.Results;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Tests.Calibration;

/// <summary>
/// The short real Redis Cluster partition CI runs: 3 shards x 2 nodes with cluster-node-timeout 1000 ms, {n1.1, c1}
/// cut from every other node and client 2 s into the workload of 3 StackExchange.Redis cluster clients x 20 writes/s,
/// healed 3 s later; every link runs through rfsim's proxies (ClusterProxies). About 17 s of real time (ports from 34500).
/// </summary>
[Collection(RealRedisCollection.Name)]
public class RealClusterPartitionTests
{
    private const string Scenario = """
        name: cluster-partition-short
        topology:
          azs: [az-a, az-b, az-c]
          clients: { az-a: 1, az-b: 1, az-c: 1 }
        cluster:
          shards: 3
          replicas-per-shard: 1
          cluster-node-timeout: 1000
        workload:
          rate: 20
          arrival: constant
          duration: 8s
          value-size: 100
        faults:
          - kind: partition
            at: 2s
            duration: 3s
            groups: [[n1.1, c1], [n1.2, n2.1, n2.2, n3.1, n3.2, az-b, az-c]]
        """;

    [Fact]
    public void ClusterPrimaryPartitionedWithItsClient_NodeTimeout1s_ReplicaPromotedAndMinoritySideWritesLost()
    {
        if (RealRedis.Binaries() is null)
        {
            return;
        }

        string dir = Path.Combine(Path.GetTempPath(), "rfsim-cluster-partition-" + Environment.ProcessId + "-" + Stopwatch.GetTimestamp());
        var settings = new CalibrationSettings(Runs: 1, ModelSeeds: 10, Seed: 1, null, null, PortBase: 34500, OutDir: dir, MaxWriteRate: 500, ConvergenceCap: TimeSpan.FromSeconds(30));
        var report = Calibrator.Run("cluster-partition-short", null, World(), settings, TextWriter.Null, CancellationToken.None);
        var real = Assert.Single(report.Real);

        // The majority side (n2.1, n3.1: 2 of 3 primaries) flags n1.1 PFAIL node-timeout (1 s) after its first
        // unanswered ping, and FAIL once both agree (their reports gossip at least every node-timeout / 2); n1.2, shard
        // 1's only replica (rank 0), asks for votes 500-999 ms later (clusterHandleSlaveFailover's delay, cluster_legacy.c;
        // docs/sources.md §3.3-§3.4) and wins at once on loopback: 1.5-2.6 s, so 1-3 s after the cut.
        Assert.True(real.FailoverHappened);
        Assert.Equal("n1.2", real.NewPrimary);
        Assert.InRange(real.PromotionSeconds!.Value, 1.0, 3.0);
        Assert.Equal(true, Row(report, "failovers").Agrees);
        Assert.Equal(true, Row(report, "promotionSeconds").Agrees);

        // The first ack by n1.2 is seen at its announced (front) port through c2's or c3's tunnel, after the promotion.
        Assert.True(real.ClientObservedSeconds >= real.PromotionSeconds, $"client-observed {real.ClientObservedSeconds} s, promotion {real.PromotionSeconds} s");

        // What is lost: the shard-1 writes of c1, on n1.1's side, that n1.1 acknowledged after the cut (its replication
        // link to n1.2 is cut with it) until its own cluster state turns FAIL. clusterUpdateState (cluster_legacy.c)
        // fails the state when fewer than size / 2 + 1 = 2 slot-owning primaries are reachable, i.e. once n1.1 has
        // flagged both n2.1 and n3.1 PFAIL: node-timeout after its first unanswered ping to each, which clusterCron sends
        // at most node-timeout / 2 after the last pong, checked every 100 ms cron: 1.0 s to 1.5 x 1.0 + 0.2 = 1.7 s
        // after the cut. Then n1.1 answers -CLUSTERDOWN, and after the heal it turns replica of n1.2 (higher
        // configEpoch, §3.5) and full-syncs, dropping what it acknowledged alone. c1 issues 20 writes/s, a third of them
        // to shard 1's slots: ~7-11 lost, never 0 (with seed 1 c1 sends a shard-1 write in the first 0.2 s after the
        // cut), and at most c1's 34 writes of the longest window.
        Assert.InRange(real.AcknowledgedLost, 1, 34);
        Assert.True(report.Model.Average(m => m.AcknowledgedLost) > 0, "the model loses n1.1's acknowledged writes too");
        Assert.Contains(report.Notes, n => n.Contains("CLUSTERDOWN x", StringComparison.Ordinal));

        // Every scheduled write was issued: 3 clients x 20 writes/s x 8 s.
        Assert.Equal(480, real.Attempted);
        Assert.DoesNotContain(report.Notes, n => n.Contains("never cut", StringComparison.Ordinal));
        Assert.Empty(ChildProcessRegistry.LivePids);
        Assert.Empty(ProcessTree.RedisChildrenOf(Environment.ProcessId));
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void ClusterScenario_PartitionWithoutDuration_IsRefusedNamingItsLine()
    {
        var world = World() with { Faults = [World().Faults[0] with { Duration = null }] };

        var problem = Assert.Single(ClusterCalibration.Problems(world));
        Assert.StartsWith($"line {World().Faults[0].SourceLine}: a partition is calibrated with a duration", problem, StringComparison.Ordinal);
        Assert.Equal(15, World().Faults[0].SourceLine);
    }

    [Fact]
    public void ClusterScenario_PartitionWithDuration_CanBeCalibrated()
    {
        Assert.Empty(ClusterCalibration.Problems(World()));
    }

    [Fact]
    public void PartitionLinks_PrimaryAndClientAgainstTheRest_CutsBothWaysBetweenTheGroupsOnly()
    {
        var world = World();
        var members = world.Nodes.Select(n => (n.Name, n.Az)).Concat(world.Clients.Select(c => (c.Name, c.Az))).ToList();

        var (links, label) = PartitionLinks.Of(world.Faults[0], members, members[0]);

        // {n1.1, c1} against the 5 other nodes and c2, c3: 2 x 7 links each way.
        Assert.Equal("partition {n1.1,c1} | {n1.2,n2.1,n2.2,n3.1,n3.2,c2,c3}", label);
        Assert.Equal(28, links.Count);
        Assert.Contains(("n1.1", "n1.2"), links);
        Assert.Contains(("n1.2", "n1.1"), links);
        Assert.Contains(("c1", "n2.1"), links);
        Assert.Contains(("n2.1", "c1"), links);
        Assert.DoesNotContain(("c1", "n1.1"), links);
        Assert.DoesNotContain(("n2.1", "n3.1"), links);
    }

    [Fact]
    public void PartitionLinks_IsolateAnAz_CutsItsMembersFromEveryoneElse()
    {
        var world = World();
        var members = world.Nodes.Select(n => (n.Name, n.Az)).Concat(world.Clients.Select(c => (c.Name, c.Az))).ToList();
        var isolate = world.Faults[0] with { Kind = FaultKind.Isolate, Target = FaultTarget.Az("az-a") };

        var (links, label) = PartitionLinks.Of(isolate, members, members[0]);

        // A76 puts n1.1, n3.2 (and client c1) in az-a: 3 inside, 6 outside, both ways.
        Assert.Equal("isolate {n1.1,n3.2,c1}", label);
        Assert.Equal(36, links.Count);
        Assert.DoesNotContain(("n1.1", "n3.2"), links);
    }

    [Fact]
    public void Config_WithFrontProxies_AnnouncesTheirPorts()
    {
        var config = RealClusterSetup.Config("n1.1", 34000, 34001, World().Cluster!.Settings, "/tmp/x", announced: (34010, 34011));

        Assert.Contains("port 34000\n", config, StringComparison.Ordinal);
        Assert.Contains("cluster-port 34001\n", config, StringComparison.Ordinal);
        Assert.Contains("cluster-announce-port 34010\n", config, StringComparison.Ordinal);
        Assert.Contains("cluster-announce-bus-port 34011\n", config, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_WithoutProxies_AnnouncesNothing()
    {
        var config = RealClusterSetup.Config("n1.1", 34000, 34001, World().Cluster!.Settings, "/tmp/x");

        Assert.DoesNotContain("cluster-announce", config, StringComparison.Ordinal);
    }

    private static WorldSpec World() => ScenarioLoader.Parse(Encoding.UTF8.GetBytes(Scenario), "cluster-partition-short.yaml").World;

    private static ComparisonRow Row(CalibrationReport report, string metric) => report.Rows.Single(r => r.Metric == metric);
}
