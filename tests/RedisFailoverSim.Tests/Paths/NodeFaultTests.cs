using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Tests.Model;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>Pause and restart of the primary on the self-hosted path (docs/sources.md §1.2, §1.3, §2.2).</summary>
public class NodeFaultTests
{
    private static PathResult Run(FaultSpec fault, ulong seed = 1) =>
        DeploymentPaths.Run(DeploymentPaths.SelfHosted, Specs.ThreeNodes([fault]), seed, RunOptions.Default);

    private static FaultSpec At20(FaultKind kind, long seconds) =>
        new(kind, SimTime.FromStart(SimDuration.FromSeconds(20)), SimDuration.FromSeconds(seconds), FaultTarget.Primary);

    [Fact]
    public void PrimaryPause_LongerThanDownAfter_ClientsReturnToTheResumedPrimaryUntilItIsDemoted()
    {
        // SIGSTOP for 45 s > down-after 30 s: Sentinel fails over; on SIGCONT n1 still believes it is primary and
        // applies the writes queued in its socket buffers (the clients gave up on them: unknown). Its clients' open
        // connections hear it again and, with two nodes reporting role:master, keep n1, the first they know
        // (assumption A37, calibration README difference 3: real runs lost ~3000 writes this way). Everything n1
        // takes until Sentinel converts it to a replica is discarded.
        var result = Run(At20(FaultKind.Pause, 45));
        Assert.NotNull(result.Failover);
        Assert.Equal(0, result.Writes.UnknownPresent);
        Assert.True(result.Writes.Unknown > 0);
        var demoted = result.Events.Single(e => e.Kind == "+convert-to-slave" && e.Text.Contains("n1"));
        Assert.Contains(result.Events, e => e.Kind == "client" && e.Text.Contains("kept n1, the first it knows"));

        // Lost ⇔ acknowledged by n1 between the resume (65 s) and its demotion: several seconds of every client.
        var s = result.Samples!;
        int n1 = result.Nodes.ToList().IndexOf("n1");
        long lost = 0;
        for (int i = 0; i < s.Count; i++)
        {
            if (s.Lost[i])
            {
                double ackedAt = s.IntendedStartSeconds[i] + (s.LatencyMilliseconds[i] / 1000);
                Assert.Equal(n1, s.AckedBy[i]);
                Assert.InRange(ackedAt, 65.0, demoted.Seconds);
                lost++;
            }
        }

        Assert.Equal(result.Writes.AcknowledgedLost, lost);
        Assert.InRange(lost, 3 * 50 * 5, 3 * 50 * (demoted.Seconds - 65));

        // n1 discards both: the writes it applied from its socket buffers and those it acknowledged after resuming.
        var discard = result.Events.Single(e => e.Source == "n1" && e.Kind == "discard");
        Assert.Contains($"{result.Writes.Unknown + result.Writes.AcknowledgedLost} writes it held were discarded", discard.Text);
        Assert.True(result.Converged);
    }

    [Fact]
    public void ReplicaCutShorterThanReplTimeout_ThenPrimaryCrash_ThePromotedReplicaHoldsEveryWrite()
    {
        // Assumption A35: the network drops what crosses a cut, where TCP would retransmit it. n2, cut off for 10 s
        // (< repl-timeout 60 s), sees the hole in n1's stream after the heal and resyncs; before the self-hosted path
        // checked for holes, n2 skipped the cut's 1500 writes yet reported an offset past them, was promoted at the
        // crash and lost them all.
        var cut = new FaultSpec(FaultKind.Isolate, Specs.At(20), SimDuration.FromSeconds(10), FaultTarget.Member("n2"));
        var result = DeploymentPaths.Run(
            DeploymentPaths.SelfHosted,
            Specs.ThreeNodes([cut, Specs.CrashPrimary(40)], downAfterMs: 5000),
            seed: 1,
            RunOptions.Default);
        Assert.NotNull(result.Failover);
        Assert.Equal("n2", result.Failover.NewPrimary);
        Assert.Equal(0, result.Writes.AcknowledgedLost);
        Assert.Contains(result.Events, e => e.Source == "n2" && e.Text.Contains("gap in the replication stream"));
        Assert.True(result.Converged);
    }

    [Fact]
    public void PrimaryPause_ShorterThanDownAfter_NoFailoverAndQueuedWritesSurvive()
    {
        var result = Run(At20(FaultKind.Pause, 10));
        Assert.Null(result.Failover);
        Assert.Equal(0, result.Writes.AcknowledgedLost);

        // Writes that timed out at the client were still applied after SIGCONT: unknown, yet present.
        Assert.True(result.Writes.UnknownPresent > 0);
        Assert.Equal(result.Writes.Unknown, result.Writes.UnknownPresent);
    }

    [Fact]
    public void PrimaryRestart_FasterThanDownAfterWithoutPersistence_ReplicasSyncTheEmptyDatasetAndEverythingIsLost()
    {
        // docs/sources.md §1.2: a master restarting empty makes its replicas sync to empty; Sentinel never fails over.
        var result = Run(At20(FaultKind.Crash, 5));
        var s = result.Samples!;
        long ackedBeforeCrash = 0;
        for (int i = 0; i < s.Count; i++)
        {
            ackedBeforeCrash += s.Outcomes[i] == WriteOutcome.Ok && s.IntendedStartSeconds[i] < 20 ? 1 : 0;
        }

        Assert.Null(result.Failover);
        Assert.True(ackedBeforeCrash > 2900);
        Assert.Equal(ackedBeforeCrash, result.Writes.AcknowledgedLost);
        Assert.Contains(result.Events, e => e.Kind == "+reboot" && e.Text.Contains("master mymaster n1"));
        Assert.Equal(2, result.Events.Count(e => e.Kind == "discard"));
    }
}
