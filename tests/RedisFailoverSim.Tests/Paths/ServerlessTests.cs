using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Tests.Model;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>The Serverless path pinned to docs/sources.md §5 (ECPUs, scaling) and assumptions A21–A24.</summary>
public class ServerlessTests
{
    private static PathResult Run(WorldSpec spec, ulong seed = 1) =>
        DeploymentPaths.Run(DeploymentPaths.Serverless, spec, seed, RunOptions.Default);

    private static double Usage(PathResult result, string key) => result.Usage.Single(u => u.Key == key).Value;

    [Theory]
    [InlineData(100, 1.0)]
    [InlineData(3 * 1024, 3.0)]
    [InlineData(2560, 2.5)]
    public void CleanRun_Ecpus_AreWritesTimesMaxOfOneAndKilobytes(int valueBytes, double ecpusPerWrite)
    {
        // docs/sources.md §5: 1 ECPU per KB transferred, at least 1 per request.
        var spec = Specs.ThreeNodes(durationS: 30) with
        {
            Workload = new WorkloadSpec(50, ArrivalProcess.Constant, SimDuration.FromSeconds(30), valueBytes, []),
        };
        var result = Run(spec);
        Assert.Equal(3 * 50 * 30, result.Writes.Acknowledged);
        Assert.Equal(result.Writes.Attempted * ecpusPerWrite, Usage(result, "ecpus"), 6);
        Assert.Equal(result.Writes.Attempted, Usage(result, "requests"));
        Assert.Equal(0, Usage(result, "requests-throttled"));

        // Far below the 1 GB minimum metered storage: 1 GB × the run's hours (metered each second).
        Assert.Equal(Math.Floor(result.EndSeconds) / 3600, Usage(result, "gb-hours"), 6);
    }

    [Fact]
    public void Burst_TwentyTimesInOneMinute_P99RisesUntilCapacityDoublesTwiceThenReturns()
    {
        // serverless-burst.yaml: traffic ×20 ramped over one minute. 100 KB values make each write 100 ECPUs: the
        // base 3,000 ECPU/s becomes 60,000 ECPU/s against 30K of capacity (docs/sources.md §5), which doubles every 2.5 min
        // (A21) to 60K, then 120K; meanwhile requests queue up to 100 ms and beyond that are throttled (A22).
        var spec = Specs.ThreeNodes() with
        {
            Workload = new WorkloadSpec(
                10,
                ArrivalProcess.Poisson,
                SimDuration.FromSeconds(600),
                100 * 1024,
                [new RatePhase(Specs.At(60), 20, SimDuration.FromSeconds(60)), new RatePhase(Specs.At(480), 1, SimDuration.Zero)]),
        };
        var result = Run(spec);
        var scale = result.Events.Where(e => e.Kind == "scale" && e.Text.StartsWith("capacity now", StringComparison.Ordinal)).ToList();
        Assert.Equal(["capacity now 60,000 ECPU/s", "capacity now 120,000 ECPU/s"], scale.Select(e => e.Text));
        double scaled = scale[1].Seconds;

        Assert.InRange(P99(result, 0, 60), 0.5, 10.0);
        Assert.InRange(P99(result, 100, 220), 90.0, 110.0);
        Assert.InRange(P99(result, scaled + 10, 470), 0.5, 10.0);
        Assert.InRange(P99(result, 490, 600), 0.5, 10.0);
        Assert.True(Usage(result, "requests-throttled") > 10_000);
        Assert.Equal(120_000, Usage(result, "peak-ecpu-per-second"));

        // Throttled requests are refused, not billed: every served request is an acknowledged write of 100 ECPUs.
        Assert.Equal(result.Writes.Attempted - result.Writes.Acknowledged, Usage(result, "requests-throttled"));
        Assert.Equal(result.Writes.Acknowledged * 100.0, Usage(result, "ecpus"), 3);
        Assert.Equal(0, result.Writes.AcknowledgedLost);
    }

    [Fact]
    public void PrimaryCrash_FailoverBehindTheProxy_ClientsNeedNoDnsChange()
    {
        // ASSUMPTION A23: cluster-style detection (15 s) and a 1 s promotion; the proxies route to the new primary at
        // once, so the first write it acknowledges follows within the clients' next attempt.
        for (ulong seed = 1; seed <= 5; seed++)
        {
            var result = Run(Specs.ThreeNodes([Specs.CrashPrimary(20)]), seed);
            Assert.NotNull(result.Failover);
            Assert.InRange(result.Failover.ControlPlaneSeconds, 16.0, 17.5);
            Assert.Equal(result.Failover.ControlPlaneSeconds, result.Failover.SwitchMasterSeconds!.Value, 1);
            Assert.InRange(result.Failover.ClientObservedSeconds!.Value, result.Failover.ControlPlaneSeconds, 19.0);
            Assert.Equal(0, result.SplitBrainSeconds);
            Assert.True(result.Converged);
        }
    }

    [Fact]
    public void AzPowerInterruption_ProxyOfTheAzGoesDark_ItsClientMovesToAnotherAzsProxy()
    {
        var result = Run(Specs.ThreeNodes([Specs.AzPower(30, 600)], durationS: 120));
        Assert.NotNull(result.Failover);
        Assert.Contains(result.Events, e => e.Source == "c1" && e.Text.Contains("connected to primary proxy-az-b"));
        Assert.Equal(0, result.SplitBrainSeconds);
        Assert.True(result.Converged);
    }

    [Fact]
    public void NodeReplacement_CoordinatedFailoverBehindTheProxy_NoLossAndNoVisibleBlip()
    {
        // docs/sources.md §5: updates are applied without downtime; the proxy follows the swap within its 10 ms poll.
        var result = Run(Specs.ThreeNodes([Specs.Fault(FaultKind.NodeReplacement, 20, 30, FaultTarget.Primary)]));
        Assert.Equal(0, result.Writes.AcknowledgedLost);
        Assert.NotNull(result.Failover);
        Assert.InRange(ElastiCacheTests.LongestAckGap(result), 0.0, 0.2);
        Assert.True(result.Writes.Failed < 10);
    }

    /// <summary>P99 latency (ms) of acknowledged writes whose intended start is in [from, to) seconds.</summary>
    internal static double P99(PathResult result, double from, double to)
    {
        var s = result.Samples!;
        var latencies = new List<double>();
        for (int i = 0; i < s.Count; i++)
        {
            if (s.Outcomes[i] == WriteOutcome.Ok && s.IntendedStartSeconds[i] >= from && s.IntendedStartSeconds[i] < to)
            {
                latencies.Add(s.LatencyMilliseconds[i]);
            }
        }

        latencies.Sort();
        return latencies[(int)Math.Ceiling(0.99 * latencies.Count) - 1];
    }
}
