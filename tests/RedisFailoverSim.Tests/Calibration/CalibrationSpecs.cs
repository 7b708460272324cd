using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Tests.Calibration;

/// <summary>Worlds for calibration tests, built without YAML (the loader is another issue's).</summary>
internal static class CalibrationSpecs
{
    /// <summary>n1 (primary), n2, n3; s1..s3; c1..c3, one of each per AZ; down-after as given.</summary>
    public static WorldSpec ThreeNodes(IReadOnlyList<FaultSpec> faults, long downAfterMs = 5000, double rate = 20, long durationS = 20, RedisSettings? redis = null) => new(
        Azs: ["az-a", "az-b", "az-c"],
        Nodes: [new NodeSpec("n1", "az-a", true), new NodeSpec("n2", "az-b", false), new NodeSpec("n3", "az-c", false)],
        Sentinels: [new SentinelSpec("s1", "az-a"), new SentinelSpec("s2", "az-b"), new SentinelSpec("s3", "az-c")],
        Clients: [new ClientSpec("c1", "az-a"), new ClientSpec("c2", "az-b"), new ClientSpec("c3", "az-c")],
        Workload: new WorkloadSpec(rate, ArrivalProcess.Constant, SimDuration.FromSeconds(durationS), 100, []),
        Faults: faults,
        Network: NetworkSpec.Default,
        Redis: redis ?? RedisSettings.Default,
        Sentinel: SentinelSettings.Default with { DownAfter = SimDuration.FromMilliseconds(downAfterMs), Quorum = 2 },
        Client: ClientSettings.Default,
        Run: RunSettings.Default,
        Paths: PathSettings.Defaults);

    public static FaultSpec CrashPrimary(long atS) =>
        new(FaultKind.Crash, SimTime.FromStart(SimDuration.FromSeconds(atS)), null, FaultTarget.Primary);
}
