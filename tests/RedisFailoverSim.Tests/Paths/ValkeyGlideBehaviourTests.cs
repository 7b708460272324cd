using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Tests.Scenarios;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>
/// Valkey GLIDE's standalone client keeps the node that said role:master at its creation (primary-discovery:
/// fixed-at-creation, docs/sources.md §11.20, assumption A176): in the three client calibrations (three clients at 50
/// writes/s, down-after-milliseconds 5000) no write is ever acknowledged by the promoted replica.
/// </summary>
public class ValkeyGlideBehaviourTests
{
    private static PathResult Run(string calibration)
    {
        var scenario = ScenarioLoader.Load(
            Path.Combine(RepositoryFiles.Root, "calibration", "scenarios", $"client-{calibration}.yaml"),
            [new ScenarioOverride("client.library", "valkey-glide")]);
        return DeploymentPaths.Run(DeploymentPaths.SelfHosted, scenario.World, 1, new RunOptions(KeepSamples: true));
    }

    [Fact]
    public void PrimaryCrash_WritesWaitForTheDeadPrimary_NoneIsAcknowledgedByThePromotedReplica()
    {
        // Killed at 10 s: GLIDE reconnects to n1 only, each write waits for that connection and ends TimeoutError at
        // 250 ms, which says nothing of whether it was sent (unknown). The real 2.5.2: 1,502 acknowledged, 0 failed,
        // 2,999 unknown (plots/calibration/clients/README.md).
        var result = Run("primary-crash");
        var s = result.Samples!;

        Assert.NotNull(result.Failover);
        Assert.Null(result.Failover!.ClientObservedSeconds);
        Assert.All(Indexes(s, i => s.Outcomes[i] == WriteOutcome.Ok), i => Assert.Equal(0, s.AckedBy[i]));
        Assert.All(Indexes(s, i => s.IntendedStartSeconds[i] >= 10.0), i => Assert.Equal(WriteOutcome.Unknown, s.Outcomes[i]));
        Assert.Equal(0, result.Writes.Failed);
        Assert.Equal(1_500, result.Writes.Acknowledged);
    }

    [Fact]
    public void PrimaryPause_OldPrimaryAcknowledgesUntilDemoted_ThoseAreLostAndLaterWritesFailReadOnly()
    {
        // Paused 10-25 s: every write meanwhile times out (unknown) and waits in n1's socket; n1 wakes still a primary
        // and acknowledges what comes next until Sentinel demotes it, all of which is lost; from then on every write is
        // refused -READONLY by the demoted n1, the only node GLIDE writes to. The real 2.5.2: 1,541 lost, 1,494 failed.
        var result = Run("primary-pause");
        var s = result.Samples!;
        double demoted = result.Roles.First(r => r.Node == "n1" && r.FromSeconds > 25 && r.Role != NodeRole.Primary).FromSeconds;

        Assert.Null(result.Failover!.ClientObservedSeconds);
        Assert.All(Indexes(s, i => s.Outcomes[i] == WriteOutcome.Ok), i => Assert.Equal(0, s.AckedBy[i]));
        Assert.All(Indexes(s, i => s.IntendedStartSeconds[i] >= 10.0 && s.IntendedStartSeconds[i] < 24.7),
            i => Assert.Equal(WriteOutcome.Unknown, s.Outcomes[i]));
        var waiting = Indexes(s, i => s.IntendedStartSeconds[i] >= 24.78 && s.IntendedStartSeconds[i] < 25.0);
        Assert.NotEmpty(waiting);

        // Queued on n1 when it woke (within 250 ms of their start, its replies ~10 ms after the wake): acknowledged, then lost.
        Assert.Empty(waiting.Where(i => !(s.Outcomes[i] == WriteOutcome.Ok && s.Lost[i])).Select(i => $"{s.IntendedStartSeconds[i]} {s.Outcomes[i]} lost {s.Lost[i]}"));
        var ackedSinceThePause = Indexes(s, i => s.Outcomes[i] == WriteOutcome.Ok && s.IntendedStartSeconds[i] >= 10.0);
        Assert.InRange(ackedSinceThePause.Count, 1_300, 1_700);
        Assert.All(ackedSinceThePause, i => Assert.True(s.Lost[i]));
        Assert.Equal(ackedSinceThePause.Count, result.Writes.AcknowledgedLost);
        Assert.All(Indexes(s, i => s.IntendedStartSeconds[i] >= demoted + 0.1), i => Assert.Equal(WriteOutcome.Failed, s.Outcomes[i]));
        Assert.Equal(Indexes(s, i => s.Outcomes[i] == WriteOutcome.Failed).Count, result.Writes.Failed);
    }

    [Fact]
    public void PartitionWithMinReplicas_IsolatedPrimaryRefusesNoReplicas_ThenReadOnlyAfterTheHeal()
    {
        // az-a (n1, c1) cut off 10-35 s with min-replicas-to-write 1 and min-replicas-max-lag 3: c1 keeps writing to
        // n1, refused -NOREPLICAS once its replicas' acks are over 3 s old; c2 and c3 time out on n1 (unknown); after
        // the heal n1, still a primary without replicas, refuses all three -NOREPLICAS until Sentinel demotes it
        // (~10 s later), then -READONLY. Nobody writes to the promoted replica.
        var result = Run("partition-min-replicas");
        var s = result.Samples!;

        Assert.Null(result.Failover!.ClientObservedSeconds);
        Assert.All(Indexes(s, i => s.Outcomes[i] == WriteOutcome.Ok), i => Assert.Equal(0, s.AckedBy[i]));
        Assert.All(Indexes(s, i => s.Client[i] != 0 && s.IntendedStartSeconds[i] >= 10.0 && s.IntendedStartSeconds[i] < 34.7),
            i => Assert.Equal(WriteOutcome.Unknown, s.Outcomes[i]));
        var noReplicas = Indexes(s, i => s.Client[i] == 0 && s.IntendedStartSeconds[i] >= 15.0 && s.IntendedStartSeconds[i] < 35.0);
        Assert.All(noReplicas, i => Assert.Equal(WriteOutcome.Failed, s.Outcomes[i]));
        double demoted = result.Roles.First(r => r.Node == "n1" && r.FromSeconds > 35 && r.Role != NodeRole.Primary).FromSeconds;
        Assert.All(Indexes(s, i => s.IntendedStartSeconds[i] >= 35.3), i => Assert.NotEqual(WriteOutcome.Ok, s.Outcomes[i]));
        Assert.All(Indexes(s, i => s.IntendedStartSeconds[i] >= demoted + 0.1), i => Assert.Equal(WriteOutcome.Failed, s.Outcomes[i]));
    }

    private static List<int> Indexes(WriteSamples s, Func<int, bool> where) =>
        Enumerable.Range(0, s.Count).Where(where).ToList();
}
