using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Tests.Reporting;

/// <summary>
/// A small hand-built split brain with every write kept: n1 primary, partition {n1} | {n2,n3} from 10 s to 25 s,
/// n3 promoted at 20 s, n1 demoted at 30 s and discarding at 33 s. n1 acknowledges four writes after the cut
/// (12.001, 15.001, 22.001, 26.001 s), all lost. Exact numbers, independent of the model.
/// </summary>
internal static class SplitBrainStory
{
    public static PathResult Result() => new(
        Path: "self-hosted",
        Writes: new WriteCounts(Attempted: 9, Acknowledged: 7, AcknowledgedLost: 4, Failed: 1, Unknown: 1, UnknownPresent: 0),
        Failover: new FailoverMetrics(ClientObservedSeconds: 11.501, ControlPlaneSeconds: 10, SwitchMasterSeconds: 11, NewPrimary: "n3"),
        Latency: new LatencySummary(Count: 7, P50: 1, P99: 1, P999: 1, Max: 1),
        LatencyInFailureWindow: new LatencySummary(Count: 5, P50: 1, P99: 1, P999: 1, Max: 1),
        FailureWindow: (10, 25),
        SplitBrainSeconds: 10,
        SplitBrainAcknowledgedLost: 2,
        FailoverCount: 1,
        FinalEpoch: 1,
        Converged: true,
        EndSeconds: 40,
        Facts: [new BiteFact("splitBrain", true, "two nodes accepted writes as primary for 10.000 s in total")],
        Usage: [],
        Nodes: ["n1", "n2", "n3"],
        Roles:
        [
            new RoleInterval("n1", 0, 10, NodeRole.Primary, false),
            new RoleInterval("n1", 10, 25, NodeRole.Primary, true),
            new RoleInterval("n1", 25, 30, NodeRole.Primary, false),
            new RoleInterval("n1", 30, 31, NodeRole.Replica, false),
            new RoleInterval("n1", 31, 33, NodeRole.Syncing, false),
            new RoleInterval("n1", 33, 40, NodeRole.Replica, false),
            new RoleInterval("n2", 0, 10, NodeRole.Replica, false),
            new RoleInterval("n2", 10, 25, NodeRole.Replica, true),
            new RoleInterval("n2", 25, 40, NodeRole.Replica, false),
            new RoleInterval("n3", 0, 10, NodeRole.Replica, false),
            new RoleInterval("n3", 10, 20, NodeRole.Replica, true),
            new RoleInterval("n3", 20, 25, NodeRole.Primary, true),
            new RoleInterval("n3", 25, 40, NodeRole.Primary, false),
        ],
        Events:
        [
            new TraceEvent(0.001, "c1", "client", "c1 connected to primary n1"),
            new TraceEvent(0.001, "c2", "client", "c2 connected to primary n1"),
            new TraceEvent(10, "fault", "partition", "partition: {n1} | {n2,n3}"),
            new TraceEvent(19.5, "s2", "+sdown", "+sdown master mymaster n1"),
            new TraceEvent(19.5, "s2", "+sdown", "+sdown sentinel s1"),
            new TraceEvent(19.6, "s3", "+sdown", "+sdown master mymaster n1"),
            new TraceEvent(19.6, "s3", "+sdown", "+sdown sentinel s1"),
            new TraceEvent(19.7, "s2", "+odown", "+odown master mymaster n1 #quorum 2/2"),
            new TraceEvent(19.7, "s2", "+new-epoch", "+new-epoch 1"),
            new TraceEvent(19.7, "s2", "+try-failover", "+try-failover master mymaster n1"),
            new TraceEvent(19.7, "s2", "+vote-for-leader", "+vote-for-leader s2 1"),
            new TraceEvent(19.7, "s3", "+new-epoch", "+new-epoch 1"),
            new TraceEvent(19.7, "s3", "+vote-for-leader", "+vote-for-leader s2 1"),
            new TraceEvent(19.8, "s2", "+elected-leader", "+elected-leader master mymaster n1"),
            new TraceEvent(19.8, "s2", "+failover-state-select-slave", "+failover-state-select-slave master mymaster n1"),
            new TraceEvent(19.9, "s2", "+selected-slave", "+selected-slave slave n3 @ mymaster n1"),
            new TraceEvent(20, "n3", "role", "n3 promoted to primary at offset 100 (new replication id 2)"),
            new TraceEvent(21, "s2", "+switch-master", "+switch-master mymaster n1 → n3"),
            new TraceEvent(21, "c2", "client", "c2 got +switch-master → n3"),
            new TraceEvent(25, "fault", "heal", "partition healed: {n1} | {n2,n3}"),
            new TraceEvent(25.5, "s1", "+new-epoch", "+new-epoch 1"),
            new TraceEvent(25.5, "s1", "+switch-master", "+switch-master mymaster n1 → n3"),
            new TraceEvent(30, "s2", "+convert-to-slave", "+convert-to-slave slave n1 @ mymaster n3"),
            new TraceEvent(30, "n1", "role", "n1 demoted: now a replica of n3"),
            new TraceEvent(33, "n1", "discard", "n1 full resync from n3: 4 writes it held were discarded"),
        ],
        Faults: [new FaultWindow("partition: {n1} | {n2,n3}", "partition", 10, 25)],
        Samples: StorySamples());

    // Seconds and milliseconds as the story tells them; the samples keep simulated nanoseconds.
    private static WriteSamples StorySamples()
    {
        double[] startSeconds = [5, 12, 15, 15, 21.5, 22, 26, 35, 36];
        double[] latencyMs = [1, 1, 1, 5000, 1, 1, 1, 1, 0];
        WriteOutcome[] outcomes =
        [
            WriteOutcome.Ok, WriteOutcome.Ok, WriteOutcome.Ok, WriteOutcome.Unknown, WriteOutcome.Ok,
            WriteOutcome.Ok, WriteOutcome.Ok, WriteOutcome.Ok, WriteOutcome.Failed,
        ];
        bool[] lost = [false, true, true, false, false, true, true, false, false];
        int[] client = [0, 0, 0, 1, 1, 0, 0, 0, 1];
        int[] ackedBy = [0, 0, 0, -1, 2, 0, 0, 2, -1];
        var samples = new WriteSamples.Builder();
        for (int i = 0; i < startSeconds.Length; i++)
        {
            samples.Add((long)(startSeconds[i] * 1e9), (long)(latencyMs[i] * 1e6), outcomes[i], lost[i], client[i], ackedBy[i]);
        }

        return samples.Build();
    }

    /// <summary>The world the story happened in: one node, Sentinel per AZ; clients in az-a and az-b.</summary>
    public static WorldSpec World() => ReportFixtures.World() with
    {
        Nodes = [new NodeSpec("n1", "az-a", true), new NodeSpec("n2", "az-b", false), new NodeSpec("n3", "az-c", false)],
        Clients = [new ClientSpec("c1", "az-a"), new ClientSpec("c2", "az-b")],
        Workload = new WorkloadSpec(0.25, ArrivalProcess.Poisson, SimDuration.FromSeconds(40), 100, []),
        Faults =
        [
            new FaultSpec(FaultKind.Partition, SimTime.FromStart(SimDuration.FromSeconds(10)), SimDuration.FromSeconds(15), FaultTarget.Split([["az-a"], ["az-b", "az-c"]])),
        ],
    };

    /// <summary>The narrated trace of <see cref="Result"/>, as printed.</summary>
    public static readonly string[] Trace =
    [
        "== self-hosted ==",
        "t=0.001s  c1, c2 connected to primary n1",
        "t=10.000s  partition: {n1} | {n2,n3}",
        "t=19.500s  s2 +sdown master mymaster n1",
        "t=19.500s  s2, s3 +sdown sentinel s1",
        "t=19.600s  s3 +sdown master mymaster n1",
        "t=19.700s  s2 +odown master mymaster n1 #quorum 2/2",
        "t=19.700s  s2, s3 +new-epoch 1",
        "t=19.700s  s2 +try-failover master mymaster n1",
        "t=19.700s  s2, s3 +vote-for-leader s2 1",
        "t=19.800s  s2 +elected-leader master mymaster n1",
        "t=19.900s  s2 +selected-slave slave n3 @ mymaster n1",
        "t=20.000s  n3 promoted to primary at offset 100 (new replication id 2)",
        "t=20.000s  split brain: n1 and n3 are both primary",
        "t=21.000s  s2 +switch-master mymaster n1 → n3",
        "t=21.000s  c2 got +switch-master → n3",
        "t=21.000s  n1 still primary, acked 2 writes since the partition began (10.000s), the last at 15.001s",
        "t=25.000s  heal: partition healed: {n1} | {n2,n3}",
        "t=25.000s  n1 still primary, acked 3 writes since the partition began (10.000s), the last at 22.001s",
        "t=25.500s  s1 +new-epoch 1",
        "t=25.500s  s1 +switch-master mymaster n1 → n3",
        "t=30.000s  s2 +convert-to-slave slave n1 @ mymaster n3",
        "t=30.000s  n1 demoted: now a replica of n3",
        "t=30.000s  split brain over after 10.000s: n1 acknowledged 4 writes since the partition began (10.000s); 4 writes it acknowledged are lost",
        "t=33.000s  n1 full resync from n3: 4 writes it held were discarded",
        "t=33.000s  lost: n1's resync discarded 4 writes it had acknowledged",
        "t=40.000s  end: 9 writes, 7 acknowledged, 4 of them lost (57.1%), 1 failed, 1 unknown; split brain 10.000s",
    ];
}
