using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Reporting;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Tests.Reporting;

/// <summary>Hand-built results and reports (the model is written in parallel; these stand in for its output).</summary>
internal static class ReportFixtures
{
    public static ToolInfo Tool { get; } = new("rfsim", "0.1.0", "c3a6c48c2e530a4b72d3a7aba72ea22ecff22064");

    /// <summary>The Jepsen 2013 numbers on the self-hosted path: 1126 of 1998 acknowledged writes lost.</summary>
    public static PathResult SplitBrain() => new(
        Path: "self-hosted",
        Writes: new WriteCounts(Attempted: 2000, Acknowledged: 1998, AcknowledgedLost: 1126, Failed: 1, Unknown: 1, UnknownPresent: 0),
        Failover: new FailoverMetrics(
            ClientObservedSeconds: 33.1234567,
            ControlPlaneSeconds: 32.0006,
            SwitchMasterSeconds: 32.5,
            NewPrimary: "n5"),
        Latency: new LatencySummary(Count: 1998, P50: 0.5121, P99: 3.2, P999: 5012.25, Max: 31000.1),
        LatencyInFailureWindow: new LatencySummary(Count: 1200, P50: 0.61, P99: 4.0004, P999: 5100, Max: 31000.1),
        FailureWindow: (10, 70),
        SplitBrainSeconds: 41.2,
        SplitBrainAcknowledgedLost: 1126,
        FailoverCount: 1,
        FinalEpoch: 1,
        Converged: true,
        EndSeconds: 130.5,
        Facts: [new BiteFact("splitBrain", true, "n1 and n5 were both primary for 41.2 s → n1 demoted at heal")],
        Usage: [new KeyValuePair<string, double>("crossAzGigabytes", 0.0123456789)],
        Nodes: ["n1", "n2", "n3", "n4", "n5"],
        Roles: [],
        Events:
        [
            new TraceEvent(10, "fault", "partition", "partition: {n1,n2} | {n3,n4,n5}"),
            new TraceEvent(40.8121, "sentinel-3", "+sdown", "+sdown master n1"),
        ],
        Faults: [new FaultWindow("partition {n1,n2} | {n3,n4,n5}", "partition", 10, 70)],
        Samples: null);

    /// <summary>A clean run: no fault, no failover.</summary>
    public static PathResult Clean(string path = "memorydb") => new(
        Path: path,
        Writes: new WriteCounts(1000, 1000, 0, 0, 0, 0),
        Failover: null,
        Latency: new LatencySummary(1000, 2.5, 4.75, 6, 7.125),
        LatencyInFailureWindow: LatencySummary.Empty,
        FailureWindow: null,
        SplitBrainSeconds: 0,
        SplitBrainAcknowledgedLost: 0,
        FailoverCount: 0,
        FinalEpoch: 0,
        Converged: true,
        EndSeconds: 60,
        Facts: [],
        Usage: [],
        Nodes: ["n1", "n2"],
        Roles: [],
        Events: [],
        Faults: [],
        Samples: null);

    public static Expectation LostClaim(string path = "self-hosted", Comparison op = Comparison.Greater, double value = 0) =>
        new(path, "acknowledgedLost", op, value, "acknowledgedLost: \"> 0\"", Line: 31);

    public static RunReport Report(params PathResult[] paths) => new(
        ScenarioName: "az-partition-split-brain",
        ScenarioDescription: "The Jepsen 2013 partition. Clients write on both sides.",
        ScenarioSha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        ScenarioSourcePath: "/home/someone/repo/scenarios/az-partition-split-brain.yaml",
        Seed: 42,
        Tool: Tool,
        Paths: paths,
        Expectations: [new ExpectationOutcome(LostClaim(), ExpectationStatus.Held, 1126, "")]);

    /// <summary>A small world for fake scenarios (the values matter to nothing the CLI tests check).</summary>
    public static WorldSpec World(int faultCount = 1) => new(
        Azs: ["az-a", "az-b", "az-c"],
        Nodes: [new NodeSpec("n1", "az-a", InitialPrimary: true), new NodeSpec("n2", "az-b", InitialPrimary: false)],
        Sentinels: [new SentinelSpec("s1", "az-a"), new SentinelSpec("s2", "az-b"), new SentinelSpec("s3", "az-c")],
        Clients: [new ClientSpec("c1", "az-a")],
        Workload: new WorkloadSpec(100, ArrivalProcess.Constant, SimDuration.FromSeconds(60), 100, []),
        Faults: Enumerable.Range(0, faultCount)
            .Select(i => new FaultSpec(FaultKind.Crash, SimTime.FromStart(SimDuration.FromSeconds(10 + i)), null, FaultTarget.Primary))
            .ToList(),
        Network: NetworkSpec.Default,
        Redis: RedisSettings.Default,
        Sentinel: SentinelSettings.Default,
        Client: ClientSettings.Default,
        Run: RunSettings.Default,
        Paths: PathSettings.Defaults);

    public static Scenario Scenario(
        string sourcePath,
        ulong? seed = null,
        IReadOnlyList<string>? paths = null,
        IReadOnlyList<Expectation>? expectations = null) => new(
        Name: "az-partition-split-brain",
        Description: "The Jepsen 2013 partition. Clients write on both sides.",
        SourcePath: sourcePath,
        Sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        DefaultSeed: seed,
        World: World(),
        Paths: paths ?? ["elasticache", "serverless", "memorydb", "self-hosted"],
        Expectations: expectations ?? []);
}
