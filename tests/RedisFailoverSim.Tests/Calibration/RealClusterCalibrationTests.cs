using System.Diagnostics;
using System.Text;
using RedisFailoverSim.Calibration;
using RedisFailoverSim.Calibration.Processes;
using RedisFailoverSim.Calibration.RealCluster;
using RedisFailoverSim.Calibration.Results;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Tests.Calibration;

/// <summary>
/// The short real Redis Cluster calibration CI runs: 3 shards x 2 nodes with cluster-node-timeout 1000 ms, shard 1's
/// primary killed 2 s into the workload of 3 StackExchange.Redis cluster clients x 20 writes/s; about 12 s of real time
/// a run (ports from 32000).
/// </summary>
[Collection(RealRedisCollection.Name)]
public class RealClusterCalibrationTests
{
    private const string Scenario = """
        name: cluster-crash-short
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
          - kind: crash
            at: 2s
            target: n1.1
        """;

    [Fact]
    public void ClusterPrimaryCrash_NodeTimeout1s_RealPromotionAndClientsAgreeWithTheModel()
    {
        if (RealRedis.Binaries() is null)
        {
            return;
        }

        string dir = TempDir("rfsim-cluster-calibration-");
        var report = Calibrator.Run("cluster-crash-short", null, World(), Settings(dir), TextWriter.Null, CancellationToken.None);
        var real = Assert.Single(report.Real);

        // Shard 1 has one replica, n1.2: it wins its election once FAIL spreads (docs/sources.md §3.3-§3.4).
        Assert.True(real.FailoverHappened);
        Assert.Equal("n1.2", real.NewPrimary);

        // PFAIL needs node-timeout (1 s) past the last pong, FAIL a majority's reports, then 500-999 ms of election delay:
        // more than 1.5 s, and the model within ±max(20 %, 1.65 s) of the real promotion.
        Assert.InRange(real.PromotionSeconds!.Value, 1.5, 6.0);
        Assert.Equal(true, Row(report, "failovers").Agrees);
        Assert.Equal(true, Row(report, "promotionSeconds").Agrees);

        // Every scheduled write was issued: 3 clients x 20 writes/s x 8 s.
        Assert.Equal(480, real.Attempted);
        Assert.True(real.Acknowledged > 240, $"acknowledged {real.Acknowledged}");

        // The first write n1.2 acknowledges comes after its promotion: StackExchange.Redis learns the new owner of
        // shard 1's slots from a -MOVED (ServerSelectionStrategy.TryResend), and the model's client from CLUSTER SLOTS
        // or -MOVED; both within ±max(20 %, 1.65 s).
        Assert.True(real.ClientObservedSeconds >= real.PromotionSeconds, $"client-observed {real.ClientObservedSeconds} s, promotion {real.PromotionSeconds} s");
        Assert.Equal(true, Row(report, "clientObservedFailoverSeconds").Agrees);

        // kill -9 loses only what had not reached the replica on loopback: none or a few, on both sides.
        Assert.Equal(true, Row(report, "acknowledgedLost").Agrees);

        // cluster-require-full-coverage yes (docs/sources.md §3.2): from FAIL to the promotion every node's state is
        // fail and it answers -CLUSTERDOWN, also for the other shards' slots.
        Assert.Contains(report.Notes, n => n.Contains("CLUSTERDOWN x", StringComparison.Ordinal));
        Assert.Empty(ChildProcessRegistry.LivePids);
        Assert.Empty(ProcessTree.RedisChildrenOf(Environment.ProcessId));
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void ClusterPrimaryCrash_ModelWithNodeTimeoutTripled_DisagreesOnThePromotion()
    {
        // A deliberately wrong model (node-timeout 3 s on the model side only): it promotes ~2x node-timeout later.
        if (RealRedis.Binaries() is null)
        {
            return;
        }

        string dir = TempDir("rfsim-cluster-calibration-wrong-");
        var settings = Settings(dir) with
        {
            ModelWorld = w => w with { Cluster = w.Cluster! with { Settings = w.Cluster.Settings with { NodeTimeout = SimDuration.FromMilliseconds(3000) } } },
        };
        var report = Calibrator.Run("cluster-crash-short", null, World(), settings, TextWriter.Null, CancellationToken.None);

        Assert.True(Assert.Single(report.Real).FailoverHappened);
        Assert.Equal(false, Row(report, "promotionSeconds").Agrees);
        Assert.False(report.Agrees);
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void ClusterScenario_WithAPause_CannotBeCalibratedYet()
    {
        var world = World() with { Faults = [World().Faults[0] with { Kind = FaultKind.Pause, Duration = SimDuration.FromSeconds(3) }] };

        var problem = Assert.Single(ClusterCalibration.Problems(world));
        Assert.Contains("crash without restart", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_NamesTheBusPortAndTheScenariosClusterKeys()
    {
        var config = RealClusterSetup.Config("n1.1", 32000, 32010, World().Cluster!.Settings, "/tmp/x");

        Assert.Contains("cluster-enabled yes\n", config, StringComparison.Ordinal);
        Assert.Contains("cluster-port 32010\n", config, StringComparison.Ordinal);
        Assert.Contains("cluster-node-timeout 1000\n", config, StringComparison.Ordinal);
        Assert.Contains("cluster-require-full-coverage yes\n", config, StringComparison.Ordinal);
    }

    private static WorldSpec World() => ScenarioLoader.Parse(Encoding.UTF8.GetBytes(Scenario), "cluster-crash-short.yaml").World;

    private static CalibrationSettings Settings(string dir) =>
        new(Runs: 1, ModelSeeds: 10, Seed: 1, null, null, PortBase: 32000, OutDir: dir, MaxWriteRate: 500, ConvergenceCap: TimeSpan.FromSeconds(30));

    private static string TempDir(string prefix) => Path.Combine(Path.GetTempPath(), prefix + Environment.ProcessId + "-" + Stopwatch.GetTimestamp());

    private static ComparisonRow Row(CalibrationReport report, string metric) => report.Rows.Single(r => r.Metric == metric);
}
