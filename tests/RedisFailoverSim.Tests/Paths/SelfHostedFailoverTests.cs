using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Tests.Model;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>The self-hosted path pinned to docs/sources.md §2 (Sentinel timers and vote rules).</summary>
public class SelfHostedFailoverTests
{
    private static PathResult Run(WorldSpec spec, ulong seed) =>
        DeploymentPaths.Run(DeploymentPaths.SelfHosted, spec, seed, RunOptions.Default);

    [Theory]
    [InlineData(30_000, 30.0, 33.3)]
    [InlineData(5_000, 5.0, 8.3)]
    public void PrimaryCrash_SentinelDefaults_SwitchMasterLandsInTheDerivedWindow(long downAfterMs, double earliest, double latest)
    {
        // docs/sources.md §2.11 [derived]: SDOWN at down-after plus a tick (the reset link's reconnect PING, §2.10),
        // ODOWN within ~1 s, start jitter ≤ 1 s, vote, SLAVEOF NO ONE, promotion seen at the next 1 s INFO, the
        // forced hello one tick later (§2.8): 30.0–33.3 s with 30 s; 5.0–8.3 s with 5 s.
        for (ulong seed = 1; seed <= 12; seed++)
        {
            var result = Run(Specs.ThreeNodes([Specs.CrashPrimary(20)], downAfterMs: downAfterMs), seed);
            Assert.NotNull(result.Failover);
            double switchMaster = result.Failover.SwitchMasterSeconds!.Value;
            Assert.InRange(switchMaster, earliest, latest);
            Assert.InRange(result.Failover.ControlPlaneSeconds, downAfterMs / 1000.0, switchMaster);
            Assert.Equal(1, result.FailoverCount);
            Assert.Equal(1, result.FinalEpoch);
        }
    }

    [Fact]
    public void PrimaryCrash_PromotionsClientKill_ClientsReachTheNewPrimaryBeforeSwitchMaster()
    {
        // Assumption A37: the clients hold a connection to every replica; the promotion's CLIENT KILL closes theirs
        // to n2/n3, they reconnect at the next 1 s heartbeat, read role:master and route there, before the leader's
        // next INFO lets it publish +switch-master (calibration README difference 2: 0.5-1 s before, for real).
        var result = Run(Specs.ThreeNodes([Specs.CrashPrimary(20)]), seed: 3);
        Assert.NotNull(result.Failover);
        double clientObserved = result.Failover.ClientObservedSeconds!.Value;
        Assert.InRange(clientObserved - result.Failover.ControlPlaneSeconds, 0.0, 1.1);
        Assert.True(clientObserved < result.Failover.SwitchMasterSeconds);
        Assert.True(result.Converged);
    }

    [Fact]
    public void PrimaryCrash_OneConnectionToTheSentinelsAnswer_ClientsWaitForTheSentinelsToAdvertiseTheNewPrimary()
    {
        // With connect-to-every-node off the client knows only the Sentinels' answer: it moves on +switch-master or
        // on its 1 s re-query once the leader advertises the promoted replica (assumption A12), later than at the
        // CLIENT KILL.
        var crash = Specs.ThreeNodes([Specs.CrashPrimary(20)]);
        var everyNode = Run(crash, seed: 3).Failover!;
        var result = Run(crash with { Client = ClientSettings.Default with { ConnectToEveryNode = false } }, seed: 3).Failover!;
        double clientObserved = result.ClientObservedSeconds!.Value;
        Assert.InRange(clientObserved, result.ControlPlaneSeconds + 0.1, result.SwitchMasterSeconds!.Value + 0.1);
        Assert.True(clientObserved > everyNode.ClientObservedSeconds!.Value);
    }

    [Fact]
    public void PrimaryCrash_WritesQueuedForTheDeadPrimary_FailNeverSentInsteadOfReachingTheNewOne()
    {
        // Assumption A36 (StackExchange.Redis's per-server backlog): while no primary answers, writes wait on the dead
        // primary's connection and fail at the command timeout; the client's switch to n2 does not re-send them. So
        // every write issued between the crash and the switch fails, and acknowledged writes stay fast (calibration:
        // real P99 22 ms where the model, re-sending them, reported ~4.5 s).
        var crash = Specs.ThreeNodes([Specs.CrashPrimary(20)]);
        var perNode = Run(crash, seed: 3);
        var switchedAt = 20 + perNode.Failover!.ClientObservedSeconds!.Value;
        var s = perNode.Samples!;
        for (int i = 0; i < s.Count; i++)
        {
            if (s.IntendedStartSeconds[i] > 20.01 && s.IntendedStartSeconds[i] < switchedAt - 0.01)
            {
                Assert.Equal(WriteOutcome.Failed, s.Outcomes[i]);
                Assert.InRange(s.LatencyMilliseconds[i], 5000, 6000);
            }
        }

        Assert.InRange(perNode.Latency.Max, 0, 100);

        // The model's earlier client re-sent them to n2: about 5 s of writes acknowledged late.
        var resend = Run(crash with { Client = ClientSettings.Default with { BacklogPerNode = false } }, seed: 3);
        Assert.InRange(resend.Writes.Acknowledged - perNode.Writes.Acknowledged, 3 * 50 * 4, 3 * 50 * 5);
        Assert.InRange(resend.Latency.Max, 4000, 6000);
    }

    [Fact]
    public void CleanRun_NoFaults_NothingLostFailedOrUnknown()
    {
        var result = Run(Specs.ThreeNodes(), seed: 5);
        Assert.Equal(3 * 50 * 90, result.Writes.Attempted);
        Assert.Equal(result.Writes.Attempted, result.Writes.Acknowledged);
        Assert.Equal(0, result.Writes.AcknowledgedLost);
        Assert.Equal(0, result.Writes.Failed);
        Assert.Equal(0, result.Writes.Unknown);
        Assert.Null(result.Failover);
        Assert.Equal(0, result.SplitBrainSeconds);
        Assert.True(result.Converged);
        Assert.InRange(result.Latency.P50, 0.3, 3.0);
    }

    [Fact]
    public void CleanRun_MinReplicasToWrite2_NoWriteRefusedAtBoot()
    {
        // The run starts warmed up: the primary has a backlog, so both replicas resume with a partial resync at boot,
        // and Redis recounts good replicas the moment one streams (refreshGoodSlavesCount on PSYNC +CONTINUE). The
        // model once refused ~0.6 s of writes with -NOREPLICAS until its first replication cron tick, and with
        // min-replicas-to-write 2 another ~6 s while one replica paid a needless full sync (calibration README,
        // difference 5).
        var redis = RedisSettings.Default with { MinReplicasToWrite = 2 };
        var result = Run(Specs.ThreeNodes(redis: redis), seed: 5);
        Assert.Equal(0, result.Writes.Failed);
        Assert.Equal(result.Writes.Attempted, result.Writes.Acknowledged);
    }

    [Fact]
    public void SentinelInMinority_OneOfThreeCutOff_NoFailover()
    {
        // Cutting one Sentinel off (quorum 2 of 3): it sees the master SDOWN but can never reach ODOWN
        // with a majority, so it never starts a failover (docs/sources.md §2.3).
        var cut = new FaultSpec(FaultKind.Isolate, SimTime.FromStart(SimDuration.FromSeconds(10)), SimDuration.FromSeconds(60), FaultTarget.Member("s1"));
        var result = Run(Specs.ThreeNodes([cut]), seed: 2);
        Assert.Null(result.Failover);
        Assert.Equal(0, result.FailoverCount);
        Assert.Contains(result.Events, e => e.Source == "s1" && e.Kind == "+sdown" && e.Text.Contains("master"));
        Assert.DoesNotContain(result.Events, e => e.Source == "s1" && e.Kind == "+odown");
        Assert.Equal(0, result.Writes.AcknowledgedLost);
    }

    [Fact]
    public void MinorityPartition_SentinelsWithTheOldPrimary_NeverPromote()
    {
        var result = Run(Specs.Jepsen([Specs.SplitAzA(15, 90)]), seed: 1);
        Assert.DoesNotContain(result.Events, e => (e.Source == "s1" || e.Source == "s2") && e.Kind is "+try-failover" or "+elected-leader");
        Assert.Contains(result.Events, e => e.Kind == "+elected-leader" && e.Source is "s3" or "s4" or "s5");
    }

    [Fact]
    public void IsolatedPrimaryWithTwoOfThreeSentinelsCut_MajorityStillFailsOver()
    {
        // The primary's AZ (n1, s1, c1) is cut off: s2 and s3 are a majority of 3 and reach quorum 2.
        var isolate = new FaultSpec(FaultKind.Isolate, SimTime.FromStart(SimDuration.FromSeconds(10)), SimDuration.FromSeconds(60), FaultTarget.Az("az-a"));
        var result = Run(Specs.ThreeNodes([isolate]), seed: 4);
        Assert.NotNull(result.Failover);
        Assert.Contains(result.Failover.NewPrimary, new[] { "n2", "n3" });
        Assert.True(result.SplitBrainSeconds > 30);
        Assert.True(result.Writes.AcknowledgedLost > 0);
    }

    [Fact]
    public void IsolatedPrimary_MinReplicasToWrite1MaxLag10_StopsAcknowledgingTenToTwelveSecondsIn()
    {
        // Sentinel docs Example 2 (docs/sources.md §1.5, §2.5): the old master, alone with a client, becomes
        // unavailable after max-lag; [derived] + ≤1 s ACK period and whole-second lag granularity.
        var isolate = new FaultSpec(FaultKind.Isolate, SimTime.FromStart(SimDuration.FromSeconds(10)), SimDuration.FromSeconds(60), FaultTarget.Az("az-a"));
        var bounded = RedisSettings.Default with { MinReplicasToWrite = 1, MinReplicasMaxLag = SimDuration.FromSeconds(10) };
        var unbounded = Run(Specs.ThreeNodes([isolate]), seed: 4);
        var result = Run(Specs.ThreeNodes([isolate], redis: bounded), seed: 4);
        var s = result.Samples!;
        double lastAck = 0;
        for (int i = 0; i < s.Count; i++)
        {
            if (s.Outcomes[i] == WriteOutcome.Ok && s.AckedBy[i] == 0 && s.IntendedStartSeconds[i] < 70)
            {
                lastAck = Math.Max(lastAck, s.IntendedStartSeconds[i] + (s.LatencyMilliseconds[i] / 1000));
            }
        }

        Assert.InRange(lastAck - 10, 10.0, 12.0);
        Assert.True(result.Writes.AcknowledgedLost > 0);
        Assert.True(result.Writes.AcknowledgedLost < unbounded.Writes.AcknowledgedLost / 3);
        Assert.Equal(0, result.SplitBrainSeconds);
    }
}
