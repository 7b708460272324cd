using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Tests.Scenarios;
using RedisFailoverSim.Tests.Model;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>
/// Gray failures of MemoryDB's Multi-AZ transaction log (docs/sources.md §6.2, A166-A168), pinned to the mechanism:
/// the primary (n1, az-a) acknowledges a write once 2 of the 3 log replicas (az-a, az-b, az-c) hold it, so one bad
/// replica is skipped and two decide every acknowledgement. Faults last from 30 s to 60 s; the window measured is the
/// writes meant to start in [31 s, 59 s], 600 a second.
/// </summary>
public class MemoryDbLogGrayFailureTests
{
    private const double WindowFrom = 31;
    private const double WindowTo = 59;

    private static PathResult Run(params FaultSpec[] faults) => Run(DeploymentPaths.MemoryDb, faults);

    private static PathResult Run(string path, params FaultSpec[] faults) =>
        DeploymentPaths.Run(path, Specs.ThreeNodes(faults, rate: 200, durationS: 90), 7, new RunOptions(KeepSamples: true));

    private static FaultSpec Slow(string az, long extraMs) =>
        new(FaultKind.LogSlowReplica, Specs.At(30), SimDuration.FromSeconds(30), FaultTarget.Az(az), SimDuration.FromMilliseconds(extraMs));

    private static FaultSpec Loss(string az, double rate, long retransmitAfterMs = 200) =>
        new(FaultKind.LogPacketLoss, Specs.At(30), SimDuration.FromSeconds(30), FaultTarget.Az(az), LossRate: rate,
            RetransmitAfter: SimDuration.FromMilliseconds(retransmitAfterMs));

    private static FaultSpec Brownout(long extraMs, double dropRate, long forS = 30) =>
        new(FaultKind.LogBrownout, Specs.At(30), SimDuration.FromSeconds(forS), FaultTarget.Everything, SimDuration.FromMilliseconds(extraMs), DropRate: dropRate);

    /// <summary>The latencies (ms) of the acknowledged writes meant to start inside the window, sorted.</summary>
    private static double[] WindowLatencies(PathResult result)
    {
        var s = result.Samples!;
        var latencies = new List<double>();
        for (int i = 0; i < s.Count; i++)
        {
            if (s.Outcomes[i] == WriteOutcome.Ok && s.IntendedStartSeconds[i] >= WindowFrom && s.IntendedStartSeconds[i] < WindowTo)
            {
                latencies.Add(s.LatencyMilliseconds[i]);
            }
        }

        latencies.Sort();
        return [.. latencies];
    }

    private static double P99(double[] sorted) => sorted[(int)Math.Ceiling(sorted.Length * 0.99) - 1];

    private static void AssertNothingLostNoFailover(PathResult result)
    {
        Assert.Equal(0, result.Writes.AcknowledgedLost);
        Assert.Equal(0, result.FailoverCount);
        Assert.Equal(0, result.Writes.Unknown);
        Assert.True(result.Converged);
    }

    [Fact]
    public void OneLogReplicaSlowBy200ms_TheOtherTwoMakeTheQuorum_P99Unchanged()
    {
        var clean = WindowLatencies(Run());
        var slow = Run(Slow("az-b", 200));
        var window = WindowLatencies(slow);

        AssertNothingLostNoFailover(slow);
        Assert.Equal(clean.Length, window.Length);

        // The commit waits for az-c's answer instead of the faster of az-b's and az-c's: a fraction of a millisecond.
        Assert.InRange(P99(window) - P99(clean), -1.0, 1.0);
        Assert.True(window[^1] < 20, $"slowest acknowledgement {window[^1]} ms");
    }

    [Fact]
    public void TwoLogReplicasSlowBy200ms_EveryAcknowledgementAtLeast200msLater()
    {
        var clean = WindowLatencies(Run());
        var slow = Run(Slow("az-b", 200), Slow("az-c", 200));
        var window = WindowLatencies(slow);

        AssertNothingLostNoFailover(slow);
        Assert.Equal(clean.Length, window.Length);

        // No quorum without az-b or az-c: every acknowledgement waits for a 200 ms answer, on top of the round trips.
        Assert.True(window[0] >= 200 + clean[0], $"fastest {window[0]} ms, fastest without the fault {clean[0]} ms");
    }

    [Fact]
    public void PacketLossToOneLogReplica_TheOtherTwoMakeTheQuorum_P99Unchanged()
    {
        var clean = WindowLatencies(Run());
        var lossy = Run(Loss("az-b", 0.05));

        AssertNothingLostNoFailover(lossy);
        Assert.InRange(P99(WindowLatencies(lossy)) - P99(clean), -1.0, 1.0);
    }

    [Fact]
    public void PacketLossToTwoLogReplicas_ALostAppendWaitsForItsRetransmission()
    {
        // 5 % of the transmissions to and from az-b's and az-c's log replicas are lost: an append whose exchange lost a
        // message on both links waits for a retransmission, and what follows it on the connection waits behind it.
        var clean = WindowLatencies(Run());
        var rto = WindowLatencies(Run(Loss("az-b", 0.05), Loss("az-c", 0.05)));
        var fast = Run(Loss("az-b", 0.05, retransmitAfterMs: 5), Loss("az-c", 0.05, retransmitAfterMs: 5));

        AssertNothingLostNoFailover(fast);
        Assert.True(P99(rto) >= 200, $"P99 {P99(rto)} ms with a 200 ms retransmission");
        Assert.True(P99(WindowLatencies(fast)) < 20, $"P99 {P99(WindowLatencies(fast))} ms with a 5 ms retransmission");
        Assert.True(P99(WindowLatencies(fast)) > P99(clean), "a 5 ms retransmission still shows");
    }

    [Fact]
    public void BrownoutDroppingAFifthOfAppends_AcknowledgementsWaitForTheHeartbeatRepair()
    {
        // Each replica drops 20 % of the appends. One that missed an append refuses the next (a gap) and gets nothing
        // more until the primary's next heartbeat resends what it lacks (A27, 100 ms), so at most instants fewer than two
        // replicas are streaming and a typical acknowledgement waits for a beat; a resend dropped again waits for the
        // next one. Nothing acknowledged is lost and nobody fails over: the lease is renewed by the answers that arrive.
        var clean = WindowLatencies(Run());
        var brownout = Run(Brownout(0, 0.2));
        var window = WindowLatencies(brownout);

        AssertNothingLostNoFailover(brownout);
        Assert.True(P99(clean) < 10);
        Assert.InRange(window[window.Length / 2], 20.0, 150.0);
        Assert.InRange(window[^1], 100.0, 1000.0);
    }

    [Fact]
    public void BrownoutAdding200msToEveryAnswer_EveryAcknowledgementAtLeast200msLater()
    {
        var clean = WindowLatencies(Run());
        var brownout = Run(Brownout(200, 0));
        var window = WindowLatencies(brownout);

        AssertNothingLostNoFailover(brownout);
        Assert.True(window[0] >= 200 + clean[0], $"fastest {window[0]} ms");
    }

    [Fact]
    public void BrownoutDroppingEveryAppend_NothingAcknowledgedNothingLost_ClientsTimeOut()
    {
        // No append commits: the primary holds every acknowledgement; the clients' 5 s command timeout makes the
        // writes unknown. Once the brown-out ends the log commits again and no acknowledged write is missing.
        var result = Run(Brownout(0, 1.0, forS: 20));
        var s = result.Samples!;
        long ackedInside = 0;
        for (int i = 0; i < s.Count; i++)
        {
            double start = s.IntendedStartSeconds[i];
            if (s.Outcomes[i] == WriteOutcome.Ok && start >= 30.1 && start < 50 && s.IntendedStartSeconds[i] + (s.LatencyMilliseconds[i] / 1000) < 50)
            {
                ackedInside++;
            }
        }

        Assert.Equal(0, ackedInside);
        Assert.True(result.Writes.Unknown > 1000, $"{result.Writes}");
        Assert.Equal(0, result.Writes.AcknowledgedLost);
        Assert.True(result.Converged);
        Assert.True(WindowLatencies(result).Length > 0 || result.Writes.Acknowledged > 0);
    }

    [Fact]
    public void LogFault_OnAPathWithoutALog_ChangesNothing()
    {
        var clean = Run(DeploymentPaths.SelfHosted);
        var faulted = Run(DeploymentPaths.SelfHosted, Brownout(200, 0.5));

        Assert.Equal(clean.Writes, faulted.Writes);
        Assert.Equal(clean.Latency, faulted.Latency);
        Assert.Contains(faulted.Events, e => e.Text.Contains("this path has no transaction log", StringComparison.Ordinal));
    }

    [Fact]
    public void SlowAzScenario_NonPrimaryAzSkippedByTheQuorum_OnlyTheClientInThatAzIsSlow()
    {
        // memorydb-slow-az: az-b +20 ms each way from 60 s to 90 s; n1 is in az-a. The log commits with az-a's and
        // az-c's replicas, so c1 (az-a) and c3 (az-c) see no change; c2 (az-b) pays 20 ms on its request and 20 ms on
        // its reply, and its writes are the run's P99.
        var scenario = ScenarioLoader.Load(RepositoryFiles.Bundled("memorydb-slow-az.yaml"));
        var result = DeploymentPaths.Run(DeploymentPaths.MemoryDb, scenario.World, 42, new RunOptions(KeepSamples: true));
        var s = result.Samples!;
        var byClient = new List<double>[3] { [], [], [] };
        for (int i = 0; i < s.Count; i++)
        {
            if (s.Outcomes[i] == WriteOutcome.Ok && s.IntendedStartSeconds[i] >= 61 && s.IntendedStartSeconds[i] < 89)
            {
                byClient[s.Client[i]].Add(s.LatencyMilliseconds[i]);
            }
        }

        var p99 = byClient.Select(l => P99([.. l.Order()])).ToArray();
        Assert.True(p99[0] < 10 && p99[2] < 10, $"c1 {p99[0]} ms, c3 {p99[2]} ms");
        Assert.True(byClient[1].Min() >= 40, $"c2's fastest {byClient[1].Min()} ms");
        Assert.InRange(result.Latency.P99, byClient[1].Min(), p99[1] + 1);
        AssertNothingLostNoFailover(result);
    }
}
