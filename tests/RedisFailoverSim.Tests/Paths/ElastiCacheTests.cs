using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Tests.Model;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>The ElastiCache path pinned to docs/sources.md §4 (failover duration, planned replacement, reboot) and assumption A19.</summary>
public class ElastiCacheTests
{
    private const long FaultAtS = 30;

    private static PathResult Run(WorldSpec spec, ulong seed = 1) =>
        DeploymentPaths.Run(DeploymentPaths.ElastiCache, spec, seed, RunOptions.Default);

    /// <summary>az-power-interruption.yaml: the primary's AZ (az-a, n1) loses power for 10 minutes.</summary>
    private static WorldSpec AzPowerInterruption() => Specs.ThreeNodes([Specs.AzPower(FaultAtS, 600)], durationS: 120);

    [Fact]
    public void AzPowerInterruption_TwentySeeds_MedianClientObservedFailoverIn15To35s()
    {
        // docs/sources.md §4.1: ~27 s measured under the FIS action, "about 30 s", a 15–30 s range.
        var observed = new List<double>();
        for (ulong seed = 1; seed <= 20; seed++)
        {
            var result = Run(AzPowerInterruption(), seed);
            Assert.NotNull(result.Failover);
            Assert.NotNull(result.Failover.ClientObservedSeconds);
            observed.Add(result.Failover.ClientObservedSeconds.Value);

            // Detection, then "a few seconds" of promotion, then the DNS update (A16–A18).
            Assert.InRange(result.Failover.ControlPlaneSeconds, 20.0, 23.0);
            Assert.True(result.Converged);
        }

        observed.Sort();
        Assert.InRange((observed[9] + observed[10]) / 2, 15.0, 35.0);
    }

    [Fact]
    public void AzPowerInterruption_LossOnlyFromTheReplicationLagWindow_NeverFromSplitBrain()
    {
        // Asynchronous replication: only writes acknowledged in the last moments before the power cut can be missing
        // (at most the write rate times the replication lag); with the old primary dark, there is no split brain.
        const double lagWindowS = 0.05;
        for (ulong seed = 1; seed <= 5; seed++)
        {
            var result = Run(AzPowerInterruption(), seed);
            var s = result.Samples!;
            for (int i = 0; i < s.Count; i++)
            {
                if (s.Lost[i])
                {
                    double ackedAt = s.IntendedStartSeconds[i] + (s.LatencyMilliseconds[i] / 1000);
                    Assert.InRange(ackedAt, FaultAtS - lagWindowS, FaultAtS);
                }
            }

            Assert.InRange(result.Writes.AcknowledgedLost, 0, (long)Math.Ceiling(3 * 50 * lagWindowS));
            Assert.Equal(0, result.SplitBrainSeconds);
            Assert.Equal(0, result.SplitBrainAcknowledgedLost);
            Assert.Equal("n2", result.Failover!.NewPrimary);
        }
    }

    [Fact]
    public void AzPowerInterruption_ReplacementOnlyWhenTheAzIsBack()
    {
        // docs/sources.md §4.2: in an AZ failure the replacement in the failed AZ is created only when the AZ is back.
        var result = Run(AzPowerInterruption());
        var restart = result.Events.Single(e => e.Source == "n1" && e.Kind == "restart");
        Assert.Equal(FaultAtS + 600, restart.Seconds);
        Assert.Contains("replica of n2", restart.Text);
        Assert.Contains(result.Events, e => e.Source == "n1" && e.Kind == "sync" && e.Text.Contains("full resync from n2"));
    }

    [Fact]
    public void PrimaryPowerOff_NeverHeals_ReplacementLaunchedAfterTheReplacementDelay()
    {
        var result = Run(Specs.ThreeNodes([Specs.Fault(FaultKind.PowerOff, 20, null, FaultTarget.Primary)], durationS: 300));
        var launched = result.Events.Single(e => e.Kind == "control-plane" && e.Text.Contains("replacement for n1 launched"));

        // Declared failed 15–16 s after the power cut, then "a few minutes" (A20: 3 min).
        Assert.InRange(launched.Seconds, 20 + 15 + 180, 20 + 17 + 180);
        Assert.True(result.Converged);
    }

    [Fact]
    public void IsolatedPrimary_DefaultTakenOffline_NoSplitBrainAndOnlyTheDetectionWindowLost()
    {
        // ASSUMPTION A19 default: the control plane takes the failed primary offline before promoting. n1 and c1 are
        // cut off together: c1's writes acknowledged by n1 until then never reached a replica.
        var isolate = Specs.Fault(FaultKind.Isolate, 20, 60, FaultTarget.Az("az-a"));
        var result = Run(Specs.ThreeNodes([isolate]));
        var offline = result.Events.Single(e => e.Text.Contains("n1 taken offline"));
        Assert.Equal(0, result.SplitBrainSeconds);
        Assert.Equal(0, result.SplitBrainAcknowledgedLost);
        Assert.True(result.Writes.AcknowledgedLost > 0);
        Assert.True(result.Writes.AcknowledgedLost <= 50 * (offline.Seconds - 20) + 1);
        var s = result.Samples!;
        for (int i = 0; i < s.Count; i++)
        {
            if (s.Lost[i])
            {
                Assert.Equal(0, s.AckedBy[i]);
                Assert.InRange(s.IntendedStartSeconds[i], 20.0, offline.Seconds);
            }
        }
    }

    [Fact]
    public void IsolatedPrimary_KeepsWriting_SplitBrainUntilHealAndItsWritesAreLost()
    {
        // The switchable variant of A19: the old primary keeps acknowledging c1 until the control plane reaches it
        // again after the heal and demotes it (docs/sources.md §1.3: its data set is discarded).
        var isolate = Specs.Fault(FaultKind.Isolate, 20, 60, FaultTarget.Az("az-a"));
        var spec = Specs.ThreeNodes([isolate]).With(elastiCache: ElastiCacheSettings.Default with { Fencing = Fencing.None });
        var fenced = Run(Specs.ThreeNodes([isolate]));
        var result = Run(spec);
        Assert.InRange(result.SplitBrainSeconds, 35.0, 45.0);
        Assert.True(result.SplitBrainAcknowledgedLost > 0);
        Assert.True(result.Writes.AcknowledgedLost > 2 * fenced.Writes.AcknowledgedLost);
        var demoted = result.Events.Single(e => e.Kind == "role" && e.Text.StartsWith("n1 demoted", StringComparison.Ordinal));
        Assert.InRange(demoted.Seconds, 80.0, 83.0);
        Assert.True(result.Converged);
    }

    [Fact]
    public void AzPartition_ControlPlaneStillReachesThePrimary_NoFailoverAndNothingLost()
    {
        // The regional control plane is outside the partition's groups: its health checks pass, so it does not fail
        // over; clients on the other side of the cut time out until it heals.
        var result = Run(Specs.ThreeNodes([Specs.SplitAzA(20, 60)]));
        Assert.Null(result.Failover);
        Assert.Equal(0, result.Writes.AcknowledgedLost);
        Assert.True(result.Writes.Failed + result.Writes.Unknown > 3000);
    }

    [Fact]
    public void NodeReplacement_CoordinatedFailover_NoLossAndABlipOfAFewSeconds()
    {
        // docs/sources.md §4.1, §1.7: planned replacement is a coordinated failover: writes pause until the replica has the
        // whole stream, the roles swap, clients closed by close-on-slave-write reconnect to the re-pointed endpoint.
        var replace = Specs.Fault(FaultKind.NodeReplacement, 20, 30, FaultTarget.Primary);
        for (ulong seed = 1; seed <= 3; seed++)
        {
            var result = Run(Specs.ThreeNodes([replace]), seed);
            Assert.Equal(0, result.Writes.AcknowledgedLost);
            Assert.Equal(0, result.SplitBrainSeconds);
            Assert.NotNull(result.Failover);
            Assert.InRange(LongestAckGap(result), 0.0, 5.0);
            Assert.InRange(result.Latency.Max, 0.0, 5000.0);
            Assert.True(result.Converged);
        }
    }

    [Fact]
    public void CustomerReboot_OfThePrimary_NoFailoverAndTheEmptyRestartWipesTheReplicas()
    {
        // docs/sources.md §4.2: a customer reboot does not fail over; §1.2: the primary comes back empty (no persistence)
        // and its replicas clear their copy.
        var reboot = Specs.Fault(FaultKind.Reboot, 20, 30, FaultTarget.Primary);
        var result = Run(Specs.ThreeNodes([reboot]));
        var s = result.Samples!;
        long ackedBefore = 0;
        for (int i = 0; i < s.Count; i++)
        {
            ackedBefore += s.Outcomes[i] == WriteOutcome.Ok && s.IntendedStartSeconds[i] < 20 ? 1 : 0;
        }

        Assert.Null(result.Failover);
        Assert.Equal(0, result.FailoverCount);
        Assert.Equal(ackedBefore, result.Writes.AcknowledgedLost);
        Assert.Equal(2, result.Events.Count(e => e.Kind == "discard"));
    }

    [Fact]
    public void CleanRun_NoFaults_EverythingAcknowledgedAtSubMillisecondToFewMillisecondLatency()
    {
        var result = Run(Specs.ThreeNodes(), seed: 5);
        Assert.Equal(3 * 50 * 90, result.Writes.Acknowledged);
        Assert.Equal(0, result.Writes.AcknowledgedLost);
        Assert.InRange(result.Latency.P50, 0.3, 3.0);
        Assert.Equal("node-hours", result.Usage[0].Key);
        Assert.Equal(3 * result.EndSeconds / 3600.0, result.Usage[0].Value, 6);
    }

    /// <summary>The longest time between two consecutive acknowledgements, in seconds (the client-observed write blip).</summary>
    internal static double LongestAckGap(PathResult result)
    {
        var s = result.Samples!;
        var acks = new List<double>();
        for (int i = 0; i < s.Count; i++)
        {
            if (s.Outcomes[i] == WriteOutcome.Ok)
            {
                acks.Add(s.IntendedStartSeconds[i] + (s.LatencyMilliseconds[i] / 1000));
            }
        }

        acks.Sort();
        double gap = 0;
        for (int i = 1; i < acks.Count; i++)
        {
            gap = Math.Max(gap, acks[i] - acks[i - 1]);
        }

        return gap;
    }
}
