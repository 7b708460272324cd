using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Tests.Model;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>Pause and restart of the primary on the self-hosted path (FACTS.md §1.2, §1.3, §2.2).</summary>
public class NodeFaultTests
{
    private static PathResult Run(FaultSpec fault, ulong seed = 1) =>
        DeploymentPaths.Run(DeploymentPaths.SelfHosted, Specs.ThreeNodes([fault]), seed, RunOptions.Default);

    private static FaultSpec At20(FaultKind kind, long seconds) =>
        new(kind, SimTime.FromStart(SimDuration.FromSeconds(20)), SimDuration.FromSeconds(seconds), FaultTarget.Primary);

    [Fact]
    public void PrimaryPause_LongerThanDownAfter_QueuedWritesAppliedOnResumeThenDiscarded()
    {
        // SIGSTOP for 45 s > down-after 30 s: Sentinel fails over; on SIGCONT n1 still believes it is primary,
        // applies the writes queued in its socket buffers (the clients gave up on them: unknown), and loses
        // them when Sentinel converts it to a replica.
        var result = Run(At20(FaultKind.Pause, 45));
        Assert.NotNull(result.Failover);
        Assert.Equal(0, result.Writes.AcknowledgedLost);
        Assert.Equal(0, result.Writes.UnknownPresent);
        Assert.True(result.Writes.Unknown > 0);
        Assert.Contains(result.Events, e => e.Kind == "+convert-to-slave" && e.Text.Contains("n1"));
        var discard = result.Events.Single(e => e.Source == "n1" && e.Kind == "discard");
        Assert.Contains($"{result.Writes.Unknown} writes it held were discarded", discard.Text);
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
        // FACTS.md §1.2: a master restarting empty makes its replicas sync to empty; Sentinel never fails over.
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
