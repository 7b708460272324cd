using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using RedisFailoverSim.Engine;
using RedisFailoverSim.Engine.Random;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Tests.Architecture;
using RedisFailoverSim.Tests.Model;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>
/// The self-hosted path running a Redis Cluster: the exact ledger as the oracle of the compact accounting on random
/// cluster scenarios, and a run repeated gives the same result.
/// </summary>
public class ClusterPathTests
{
    private const int Scenarios = 100;
    private static readonly string[] Azs = ["az-a", "az-b", "az-c"];

    // Where RandomClusterScenario puts its workload.keys line, drawn after everything else.
    private const string KeysMarker = "<keys>";

    [Fact]
    public void RandomClusterScenarios_CompactCountsEqualExactLedger()
    {
        RandomClusterOracle.AssertCompactEqualsExact(DeploymentPaths.SelfHosted, firstSeed: 9_000);
    }

    [Fact]
    public void RandomClusterScenarios_AThirdEach_UniformZipfAndHotKey()
    {
        var keys = Enumerable.Range(0, Scenarios)
            .Select(i => ScenarioLoader.Parse(Encoding.UTF8.GetBytes(RandomClusterScenario(9_000 + (ulong)i)), "random.yaml").World.Workload.Keys)
            .ToList();

        Assert.All(Enum.GetValues<RedisFailoverSim.Model.Specs.KeyDistribution>(), d => Assert.InRange(keys.Count(k => k.Distribution == d), 20, 47));
        Assert.Contains(keys, k => k.Distribution == RedisFailoverSim.Model.Specs.KeyDistribution.HotKey && k.HotShare > 0.5);
    }

    [Fact]
    public void ClusterMinorityPartition_SameSeedTwice_SameResult()
    {
        var spec = ScenarioLoader.Load(Path.Combine(RepositoryRoot.Path, "scenarios", "cluster-minority-partition.yaml")).World;
        var a = DeploymentPaths.Run(DeploymentPaths.SelfHosted, spec, 42, new RunOptions(KeepSamples: false));
        var b = DeploymentPaths.Run(DeploymentPaths.SelfHosted, spec, 42, new RunOptions(KeepSamples: false));

        Assert.Null(CompactAccountingOracleTests.FirstDifference(a, b));
        Assert.True(a.Writes.AcknowledgedLost > 0);
    }

    [Fact]
    public void ClusterMinorityPartition_Timeline_OnlyShardOnesTwoPrimariesOverlap()
    {
        // Three shards have three primaries all run long; only two primaries of one shard are an overlap.
        var spec = ScenarioLoader.Load(Path.Combine(RepositoryRoot.Path, "scenarios", "cluster-minority-partition.yaml")).World;
        var result = DeploymentPaths.Run(DeploymentPaths.SelfHosted, spec, 42, new RunOptions(KeepSamples: false));

        var overlap = Assert.Single(new RedisFailoverSim.Reporting.Timeline.RunTimeline(result).Overlaps);
        Assert.Equal("n1.1", overlap.Primaries[0]);
        Assert.Contains(overlap.Primaries[1], new[] { "n1.2", "n1.3" });
        Assert.Equal(105.0, overlap.ToSeconds, 0.5);
        Assert.Contains("cluster bus", RedisFailoverSim.Reporting.Explain.PathModels.Describe("self-hosted", cluster: true), StringComparison.Ordinal);
    }

    [Fact]
    public void ClusterShortPartition_TwentySeeds_NobodyFlaggedPfail_NoFailover_NothingLost()
    {
        // calibration/scenarios/cluster-short-partition.yaml: {n1.1, c1} cut from the rest for 10 s, under the 15 s node
        // timeout. No ping waits node-timeout (clusterCron's PFAIL), so no failure report, no FAIL, no election, and n1.1
        // never turns its state FAIL (clusterUpdateState): it loses nothing it acknowledged. What the cut costs is unknown
        // writes held on cut connections (docs/sources.md §3.13).
        var spec = ScenarioLoader.Load(Path.Combine(RepositoryRoot.Path, "calibration", "scenarios", "cluster-short-partition.yaml")).World;
        for (ulong seed = 1; seed <= 20; seed++)
        {
            var result = DeploymentPaths.Run(DeploymentPaths.SelfHosted, spec, seed, new RunOptions(KeepSamples: false));

            Assert.True(result.FailoverCount == 0, $"seed {seed}: {result.FailoverCount} failovers");
            Assert.DoesNotContain(result.Events, e => e.Kind == "cluster" && e.Text.Contains("possibly failing", StringComparison.Ordinal));
            Assert.DoesNotContain(result.Events, e => e.Kind == "cluster" && e.Text.Contains("Cluster state changed", StringComparison.Ordinal));
            Assert.Equal(0, result.Writes.AcknowledgedLost);
            Assert.True(result.Writes.Unknown > 0, $"seed {seed}: no write was held by the cut");
        }
    }

    private static string Partition(long at, long duration, int az) =>
        $"  - {{ kind: partition, at: {at}s, duration: {duration}s, groups: [[{Azs[az]}], [{string.Join(", ", Azs.Where((_, i) => i != az))}]] }}\n";

    /// <summary>
    /// A short random cluster scenario (YAML) drawn from the seed alone; <paramref name="elastiCache"/> adds draws that
    /// exercise ElastiCache's control plane (quick detection and replacement, partitions that name it, planned
    /// replacements) after the shared ones, so the self-hosted scenarios stay as they were.
    /// </summary>
    internal static string RandomClusterScenario(ulong seed, bool elastiCache = false)
    {
        var random = new RandomStream(seed);
        // A single shard never fails over in 7.0 (FAIL needs a primary's report, and the only one is down).
        int shards = random.Next(5) == 0 ? 1 : 2 + random.Next(2);
        int replicas = 1 + random.Next(2);
        long durationS = 25 + random.Next(21);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            name: random
            topology:
              azs: [az-a, az-b, az-c]
              clients: {"{"} az-a: {1 + random.Next(2)}, az-b: 1 {"}"}
            cluster:
              shards: {shards}
              replicas-per-shard: {replicas}
              cluster-node-timeout: {1000 + random.Next(5000)}
              cluster-require-full-coverage: {(random.Next(2) == 0 ? "true" : "false")}
            workload:
              rate: {10 + random.Next(40)}
              arrival: {(random.Next(2) == 0 ? "constant" : "poisson")}
              duration: {durationS}s
              value-size: 100
            {KeysMarker}run:
              convergence-bound: 120s
            faults:

            """);
        int count = 1 + random.Next(2);
        for (int f = 0; f < count; f++)
        {
            long at = 3 + random.Next((int)durationS - 5);
            long duration = 2 + random.Next(25);
            string node = $"n{1 + random.Next(shards)}.{(random.Next(3) == 0 ? 2 + random.Next(replicas) : 1)}";
            text.Append(random.Next(4) switch
            {
                0 => $"  - {{ kind: crash, at: {at}s, target: {node} }}\n",
                1 => $"  - {{ kind: crash, at: {at}s, duration: {duration}s, target: {node} }}\n",
                2 => $"  - {{ kind: pause, at: {at}s, duration: {duration}s, target: {node} }}\n",
                _ => Partition(at, duration, random.Next(2)),
            });
        }

        if (elastiCache)
        {
            // After the shared draws: the control plane fast enough to act within the run, sometimes cut off with the
            // majority (A91's placement), and a planned replacement (A143).
            long at = 3 + random.Next((int)durationS - 5);
            string node = $"n{1 + random.Next(shards)}.{1 + random.Next(replicas + 1)}";
            text.Append(random.Next(3) switch
            {
                0 => $"  - {{ kind: partition, at: {at}s, duration: {2 + random.Next(20)}s, groups: [[az-a], [az-b, az-c, elasticache-control-plane]] }}\n",
                1 => $"  - {{ kind: node-replacement, at: {at}s, duration: 1s, target: {node} }}\n",
                _ => $"  - {{ kind: power-off, at: {at}s, duration: {5 + random.Next(30)}s, target: {node} }}\n",
            });
            text.Append(CultureInfo.InvariantCulture, $"elasticache:\n  failure-detection: {2 + random.Next(8)}s\n  replacement-delay: {random.Next(15)}s\n  fencing: {(random.Next(2) == 0 ? "power-off" : "none")}\n");
        }

        // Last, so every draw above stays as it was: a third of the scenarios keep the uniform keys (A77), a third draw
        // them by Zipf (skew 0.5-1.4), a third put 10-90 % of the writes on one hot key, so the shards' accounting is
        // audited under skew too.
        string keys = random.Next(3) switch
        {
            0 => "",
            1 => string.Create(CultureInfo.InvariantCulture, $"  keys: {{ count: {100 + random.Next(10_000)}, distribution: zipf, skew: {0.5 + (random.Next(10) / 10.0)} }}\n"),
            _ => string.Create(CultureInfo.InvariantCulture, $"  keys: {{ count: {100 + random.Next(10_000)}, distribution: hot-key, hot-share: {0.1 + (random.Next(9) / 10.0)} }}\n"),
        };
        return text.ToString().Replace(KeysMarker, keys, StringComparison.Ordinal).ReplaceLineEndings("\n");
    }
}
