using System.Diagnostics;
using System.Text;
using RedisFailoverSim.Calibration;
using RedisFailoverSim.Calibration.Processes;
using RedisFailoverSim.Calibration.RealCluster;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Tests.Calibration;

/// <summary>
/// The short real calibration of a manual failover CI runs: 3 shards x 2 nodes, CLUSTER FAILOVER sent to shard 1's
/// replica 2 s after the state turned ok (ports from 32200, about 5 s of real time).
/// </summary>
[Collection(RealRedisCollection.Name)]
public class RealClusterManualFailoverTests
{
    private const string Scenario = """
        name: cluster-manual-failover-short
        topology:
          azs: [az-a, az-b, az-c]
          clients: { az-a: 1, az-b: 1, az-c: 1 }
        cluster:
          shards: 3
          replicas-per-shard: 1
        workload:
          rate: 20
          arrival: constant
          duration: 6s
          value-size: 100
        faults:
          - kind: cluster-failover
            at: 2s
            target: n1.2
        """;

    [Fact]
    public void ClusterFailover_RealReplicaTakesOverWithinMillisecondsAndTheModelAgrees()
    {
        if (RealRedis.Binaries() is null)
        {
            return;
        }

        string dir = Path.Combine(Path.GetTempPath(), "rfsim-cluster-mf-" + Environment.ProcessId + "-" + Stopwatch.GetTimestamp());
        var report = Calibrator.Run("cluster-manual-failover-short", null, World(), Settings(dir), TextWriter.Null, CancellationToken.None);
        var real = Assert.Single(report.Real);

        // cluster.c 7.0.15 (docs/sources.md §3.9): MFSTART, the PAUSED ping, the offset already applied, the vote
        // requests and votes, each sent at once, no election delay (500-999 ms) and nothing waits for
        // cluster-node-timeout (15 s): the replica says master well within half a second, on the real cluster too.
        Assert.True(real.FailoverHappened);
        Assert.Equal("n1.2", real.NewPrimary);
        Assert.InRange(real.PromotionSeconds!.Value, 0.0, 0.5);

        // The model on the test bed's measured network lands within ±max(20 %, 50 ms) of it.
        var promotion = report.Rows.Single(r => r.Metric == "promotionSeconds");
        Assert.Equal(RedisFailoverSim.Calibration.Results.Comparison.ManualFailoverFloorSeconds, promotion.Tolerance);
        Assert.Equal(true, promotion.Agrees);
        Assert.NotNull(report.Notes.SingleOrDefault(n => n.Contains("test bed's network", StringComparison.Ordinal)));
        Assert.Empty(ChildProcessRegistry.LivePids);
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void ClusterFailover_NamingAPrimary_CannotBeCalibrated()
    {
        var world = World() with { Faults = [World().Faults[0] with { Target = FaultTarget.Member("n1.1") }] };

        var problem = Assert.Single(ClusterCalibration.Problems(world));
        Assert.Contains("must name a replica of a shard", problem, StringComparison.Ordinal);
    }

    private static WorldSpec World() => ScenarioLoader.Parse(Encoding.UTF8.GetBytes(Scenario), "cluster-manual-failover-short.yaml").World;

    private static CalibrationSettings Settings(string dir) =>
        new(Runs: 1, ModelSeeds: 5, Seed: 1, null, null, PortBase: 32200, OutDir: dir, MaxWriteRate: 500, ConvergenceCap: TimeSpan.FromSeconds(30));
}
