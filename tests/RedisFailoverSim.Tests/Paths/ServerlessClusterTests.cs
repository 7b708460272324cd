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
/// ElastiCache Serverless with the shards of a cluster: scenario behind its proxies (docs/sources.md §5.1): each shard
/// its own managed failover (A23) behind the proxy, which routes every write to its slot's shard (A152, A153).
/// </summary>
public class ServerlessClusterTests
{
    private const double CrashAt = 20;
    private static readonly ServerlessSettings Service = ServerlessSettings.Default;
    private static readonly Lazy<PathResult> Crash = new(() => Run("cluster-primary-crash.yaml", seed: 42));

    [Fact]
    public void ShardPrimaryCrash_ThreeShards_OnlyThatShardsWritesStall()
    {
        var result = Crash.Value;
        var shards = result.Shards!;

        Assert.Equal(3, shards.Count);
        Assert.Equal(1, result.FailoverCount);
        Assert.StartsWith("n1.", shards[0].Failover!.NewPrimary, StringComparison.Ordinal);
        Assert.True(shards[0].Unknown > 0);
        Assert.Null(shards[1].Failover);
        Assert.Null(shards[2].Failover);
        Assert.Equal(0, shards[1].Failed + shards[1].Unknown);
        Assert.Equal(0, shards[2].Failed + shards[2].Unknown);
        Assert.True(result.Converged);
    }

    [Fact]
    public void ShardPrimaryCrash_Promotion_FollowsItsShardsHealthChecks()
    {
        // A23 on shard 1's own control plane: its last health check n1.1 answered came within the round before the
        // crash; it declares n1.1 failed at the first round that finds it silent for failure-detection (15 s), so
        // 15-16 s after that answer, and the replica takes over promotion-time (1 s) later.
        var result = Crash.Value;
        var declared = result.Events.Single(e => e.Text.Contains("n1.1 failed every health check", StringComparison.Ordinal));
        var promoted = result.Events.Single(e => e.Text.Contains("promoted to primary", StringComparison.Ordinal));
        double silence = double.Parse(declared.Text.Split("health check for ")[1].Split('s')[0], CultureInfo.InvariantCulture);
        double lastAnswer = declared.Seconds - silence;

        Assert.Equal("serverless-control-plane/shard1", declared.Source);
        Assert.InRange(lastAnswer, CrashAt - Service.HealthCheckInterval.TotalSeconds, CrashAt + 0.005);
        Assert.InRange(silence, Service.FailureDetection.TotalSeconds, (Service.FailureDetection + Service.HealthCheckInterval).TotalSeconds);
        Assert.InRange(promoted.Seconds - declared.Seconds, Service.PromotionTime.TotalSeconds, Service.PromotionTime.TotalSeconds + 0.01);
        Assert.Equal(promoted.Seconds - CrashAt, result.Failover!.ControlPlaneSeconds, 3);
    }

    [Fact]
    public void ClusterPrimaryCrash_SameSeedTwice_SameResult()
    {
        var a = Run("cluster-primary-crash.yaml", seed: 7);
        var b = Run("cluster-primary-crash.yaml", seed: 7);

        Assert.Null(CompactAccountingOracleTests.FirstDifference(a, b));
    }

    [Fact]
    public void RandomClusterScenarios_CompactCountsEqualExactLedger()
    {
        RandomClusterOracle.AssertCompactEqualsExact(DeploymentPaths.Serverless, firstSeed: 29_000);
    }

    private static PathResult Run(string file, ulong seed)
    {
        var spec = ScenarioLoader.Load(Path.Combine(RepositoryRoot.Path, "scenarios", file)).World;
        return DeploymentPaths.Run(DeploymentPaths.Serverless, spec, seed, new RunOptions(KeepSamples: false) { Audit = true });
    }
}
