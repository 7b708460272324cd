using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Tests.Model;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>
/// The MemoryDB log folds committed records into a snapshot (Raft's log compaction, docs/sources.md §10.4, A40): a
/// reader that lacks folded records loads the snapshot instead, and nothing about a run's outcome changes.
/// </summary>
public class MemoryDbLogCompactionTests
{
    // 3 clients × 1,000 writes/s: the log passes the 65,536 records that start a fold within 25 s.
    private static WorldSpec Busy(params FaultSpec[] faults) => Specs.ThreeNodes(faults, rate: 1_000, durationS: 90);

    public static TheoryData<string> Faults => new() { "replica-reboot", "primary-reboot", "az-power-b", "split-az-a" };

    private static FaultSpec Fault(string name) => name switch
    {
        // n3 comes back empty at 70 s, long after the log folded what it had applied: it must load the snapshot.
        "replica-reboot" => Specs.Fault(FaultKind.Reboot, 40, 30, FaultTarget.Member("n3")),
        "primary-reboot" => Specs.Fault(FaultKind.Reboot, 40, 30, FaultTarget.Primary),

        // az-b's node and log replica lose power for 30 s: the leader repairs the replica, the node reloads.
        "az-power-b" => Specs.AzPower(40, 30, "az-b"),
        "split-az-a" => Specs.SplitAzA(40, 30),
        _ => throw new ArgumentException(name, nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void BusyLog_FoldedIntoSnapshots_SameOutcomeAsTheExactLedgerAndNoAcknowledgedLoss(string fault)
    {
        var spec = Busy(Fault(fault));
        var exact = DeploymentPaths.Run(DeploymentPaths.MemoryDb, spec, 3, new RunOptions(KeepSamples: false) { Audit = true });
        var compact = DeploymentPaths.Run(DeploymentPaths.MemoryDb, spec, 3, new RunOptions(KeepSamples: false));

        Assert.Null(CompactAccountingOracleTests.FirstDifference(exact, compact));
        Assert.Equal(0, compact.Writes.AcknowledgedLost);
        Assert.True(compact.Converged);
        Assert.True(compact.Writes.Acknowledged > 150_000, $"acknowledged {compact.Writes.Acknowledged}");
    }

    [Fact]
    public void ReplicaRebootedAfterTheLogFolded_LoadsTheSnapshot()
    {
        var result = DeploymentPaths.Run(DeploymentPaths.MemoryDb, Busy(Fault("replica-reboot")), 3, new RunOptions(KeepSamples: false));

        var load = Assert.Single(result.Events, e => e.Source == "n3" && e.Text.Contains("loaded the log's snapshot", StringComparison.Ordinal));
        Assert.InRange(load.Seconds, 70, 90);
        Assert.Equal(0, result.Writes.AcknowledgedLost);
    }
}
