using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Tests.Architecture;
using RedisFailoverSim.Tests.Model;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>
/// ElastiCache with <c>durability: sync|async</c> pinned to docs/sources.md §4.5 and §4.8: sync loses no acknowledged
/// write, async loses at most the writes of the last 10 s and refuses writes once the log has not held the oldest
/// one for 10 s.
/// </summary>
public class ElastiCacheDurabilityTests
{
    private static PathResult Run(WorldSpec spec, ElastiCacheDurability durability, ulong seed = 1) =>
        DeploymentPaths.Run(
            DeploymentPaths.ElastiCache,
            spec.With(elastiCache: ElastiCacheSettings.Default with { Durability = durability }),
            seed,
            RunOptions.Default);

    /// <summary>When each acknowledged write that is lost was acknowledged (seconds from the start).</summary>
    private static List<double> LostAckTimes(PathResult result) => AckTimes(result, lost: true);

    private static List<double> AckTimes(PathResult result, bool lost)
    {
        var s = result.Samples!;
        var times = new List<double>();
        for (int i = 0; i < s.Count; i++)
        {
            if (s.Outcomes[i] == WriteOutcome.Ok && (!lost || s.Lost[i]))
            {
                times.Add(s.IntendedStartSeconds[i] + (s.LatencyMilliseconds[i] / 1000));
            }
        }

        return times;
    }

    public static TheoryData<string> CrashLike => new() { "primary-crash", "primary-power-off", "az-power-interruption", "isolate-primary-az" };

    [Theory]
    [MemberData(nameof(CrashLike))]
    public void Sync_PrimaryLostOrCutOff_NoAcknowledgedWriteLost(string scenario)
    {
        // §4.8: "no acknowledged write operations will be lost in the event of a failure".
        for (ulong seed = 1; seed <= 2; seed++)
        {
            var result = Run(MemoryDbTests.Scenario(scenario), ElastiCacheDurability.Sync, seed);
            Assert.Equal(0, result.Writes.AcknowledgedLost);
            Assert.NotNull(result.Failover);
            Assert.True(result.Converged);
            Assert.True(result.Writes.Acknowledged > 3 * 50 * 60);
        }
    }

    [Fact]
    public void CleanRun_SyncWaitsForTheLog_AsyncAnswersAtOnce()
    {
        // §4.8: sync writes take single-digit milliseconds (a cross-AZ log round trip); async ones are "equivalent to
        // ElastiCache without durability".
        var sync = Run(Specs.ThreeNodes(), ElastiCacheDurability.Sync, seed: 5);
        var async = Run(Specs.ThreeNodes(), ElastiCacheDurability.Async, seed: 5);
        var disabled = Run(Specs.ThreeNodes(), ElastiCacheDurability.Disabled, seed: 5);
        Assert.Equal(3 * 50 * 90, sync.Writes.Acknowledged);
        Assert.Equal(3 * 50 * 90, async.Writes.Acknowledged);
        Assert.InRange(sync.Latency.P50, 2.0, 9.9);
        Assert.InRange(async.Latency.P50, disabled.Latency.P50 * 0.9, disabled.Latency.P50 * 1.1);
        Assert.True(async.Latency.P50 + 1.0 < sync.Latency.P50, $"async P50 {async.Latency.P50} ms, sync {sync.Latency.P50} ms");
    }

    [Fact]
    public void Async_PrimaryCrash_LosesOnlyWritesOfTheLastTenSeconds()
    {
        // §4.8: "up to the last 10 seconds of successful write operations may be lost".
        var result = Run(Specs.ThreeNodes([Specs.CrashPrimary(20)]), ElastiCacheDurability.Async);
        Assert.NotNull(result.Failover);
        Assert.All(LostAckTimes(result), t => Assert.InRange(t, 10.0, 20.0));
    }

    [Fact]
    public void Async_PrimaryAzIsolatedWithItsClient_LosesAboutTenSecondsOfItsWritesThenRefuses()
    {
        // az-a (n1, its log replica, c1) is cut from az-b and az-c at 20 s for 40 s: no write n1 applies after the cut
        // reaches a quorum of the log. Async: n1 acknowledges c1's writes until the oldest is 10 s old, then refuses
        // them (and its lease lapses at the same time, A99); a replica that caught up with the log takes over, so every
        // write n1 acknowledged after the cut is lost: c1's 10 s at 50 writes/s. Sync: n1 acknowledges none of them.
        var isolate = Specs.Fault(FaultKind.Isolate, 20, 40, FaultTarget.Az("az-a"));
        var async = Run(Specs.ThreeNodes([isolate]), ElastiCacheDurability.Async);
        var lost = LostAckTimes(async);
        Assert.InRange(async.Writes.AcknowledgedLost, 490, 501);
        Assert.All(lost, t => Assert.InRange(t, 20.0, 30.05));
        Assert.DoesNotContain(AckTimes(async, lost: false), t => t > 30.05 && t < 31.0);
        Assert.NotNull(async.Failover);

        var sync = Run(Specs.ThreeNodes([isolate]), ElastiCacheDurability.Sync);
        Assert.Equal(0, sync.Writes.AcknowledgedLost);
    }

    [Fact]
    public void BundledAsyncScenario_DurabilitySync_LosesNothingAndAsyncAtMostTenSecondsOfC1()
    {
        // elasticache-durability-async.yaml: its expect: holds async to <= 1,001 lost (BundledScenarioClaimTests); the
        // same cut with sync loses none (§4.8), and every write async lost was acknowledged in the buffer's 10 s.
        var scenario = ScenarioLoader.Load(Path.Combine(RepositoryRoot.Path, "scenarios", "elasticache-durability-async.yaml"));
        Assert.Equal(ElastiCacheDurability.Async, scenario.World.Paths.ElastiCache.Durability);
        var async = Run(scenario.World, ElastiCacheDurability.Async, seed: 42);
        Assert.All(LostAckTimes(async), t => Assert.InRange(t, 19.99, 30.05));
        Assert.InRange(async.Writes.AcknowledgedLost, 990, 1001);
        var sync = Run(scenario.World, ElastiCacheDurability.Sync, seed: 42);
        Assert.Equal(0, sync.Writes.AcknowledgedLost);
        Assert.Equal(1, sync.FailoverCount);
    }

    [Fact]
    public void Sync_RandomFaultSchedules_60Seeds_NoAcknowledgedWriteLost()
    {
        // The MemoryDB schedules (crashes, power cuts, pauses, cuts of nodes and log replicas, slow AZs, reboots,
        // replacements) on ElastiCache durability sync: the same log, so the same guarantee (§4.8).
        var failures = new List<string>();
        for (ulong seed = 1; seed <= 60; seed++)
        {
            var (faults, text) = MemoryDbRandomScheduleTests.Schedule(seed);
            var spec = Specs.ThreeNodes(faults, rate: 30, durationS: 60).With(elastiCache: ElastiCacheSettings.Default with { Durability = ElastiCacheDurability.Sync });
            var result = DeploymentPaths.Run(DeploymentPaths.ElastiCache, spec, seed, RunOptions.Default with { KeepSamples = false });
            if (result.Writes.AcknowledgedLost != 0 || !result.Converged)
            {
                failures.Add($"seed {seed}: {result.Writes.AcknowledgedLost} acknowledged writes lost, converged={result.Converged}; schedule: {text}");
            }
        }

        Assert.Empty(failures);
    }
}
