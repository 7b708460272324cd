using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Specs;

namespace RedisFailoverSim.Tests.Model;

/// <summary>Builds worlds for model tests without YAML.</summary>
internal static class Specs
{
    public static readonly string[] ThreeAzs = ["az-a", "az-b", "az-c"];

    /// <summary>n1 (primary, az-a), n2 (az-b), n3 (az-c); one Sentinel and one client per AZ.</summary>
    public static WorldSpec ThreeNodes(
        IReadOnlyList<FaultSpec>? faults = null,
        long downAfterMs = 30_000,
        int quorum = 2,
        double rate = 50,
        long durationS = 90,
        RedisSettings? redis = null) => new(
        Azs: ThreeAzs,
        Nodes: [new NodeSpec("n1", "az-a", true), new NodeSpec("n2", "az-b", false), new NodeSpec("n3", "az-c", false)],
        Sentinels: [new SentinelSpec("s1", "az-a"), new SentinelSpec("s2", "az-b"), new SentinelSpec("s3", "az-c")],
        Clients: [new ClientSpec("c1", "az-a"), new ClientSpec("c2", "az-b"), new ClientSpec("c3", "az-c")],
        Workload: new WorkloadSpec(rate, ArrivalProcess.Constant, SimDuration.FromSeconds(durationS), 100, []),
        Faults: faults ?? [],
        Network: NetworkSpec.Default,
        Redis: redis ?? RedisSettings.Default,
        Sentinel: SentinelSettings.Default with { DownAfter = SimDuration.FromMilliseconds(downAfterMs), Quorum = quorum },
        Client: ClientSettings.Default,
        Run: RunSettings.Default,
        Paths: PathSettings.Defaults);

    /// <summary>The Jepsen 2013 topology: az-a n1 (primary), n2, s1, s2, c1, c2 | az-b n3, n4, s3, s4, c3, c4 | az-c n5, s5, c5.</summary>
    public static WorldSpec Jepsen(IReadOnlyList<FaultSpec> faults, RedisSettings? redis = null, double rate = 20, long durationS = 180) => new(
        Azs: ThreeAzs,
        Nodes:
        [
            new NodeSpec("n1", "az-a", true), new NodeSpec("n2", "az-a", false), new NodeSpec("n3", "az-b", false),
            new NodeSpec("n4", "az-b", false), new NodeSpec("n5", "az-c", false),
        ],
        Sentinels:
        [
            new SentinelSpec("s1", "az-a"), new SentinelSpec("s2", "az-a"), new SentinelSpec("s3", "az-b"),
            new SentinelSpec("s4", "az-b"), new SentinelSpec("s5", "az-c"),
        ],
        Clients:
        [
            new ClientSpec("c1", "az-a"), new ClientSpec("c2", "az-a"), new ClientSpec("c3", "az-b"),
            new ClientSpec("c4", "az-b"), new ClientSpec("c5", "az-c"),
        ],
        Workload: new WorkloadSpec(rate, ArrivalProcess.Constant, SimDuration.FromSeconds(durationS), 100, []),
        Faults: faults,
        Network: NetworkSpec.Default,
        Redis: redis ?? RedisSettings.Default,
        Sentinel: SentinelSettings.Default with { Quorum = 3 },
        Client: ClientSettings.Default,
        Run: RunSettings.Default,
        Paths: PathSettings.Defaults);

    public static SimTime At(long seconds) => SimTime.FromStart(SimDuration.FromSeconds(seconds));

    /// <summary>A fault of any kind at <paramref name="atS"/>, healing after <paramref name="forS"/> (null: never).</summary>
    public static FaultSpec Fault(FaultKind kind, long atS, long? forS, FaultTarget target) =>
        new(kind, At(atS), forS is { } d ? SimDuration.FromSeconds(d) : null, target);

    /// <summary>The FIS action: every node of the AZ loses power (az-power-interruption.yaml: the primary's AZ for 10 min).</summary>
    public static FaultSpec AzPower(long atS, long forS, string az = "az-a") => Fault(FaultKind.AzPowerInterruption, atS, forS, FaultTarget.Az(az));

    /// <summary>One AZ's messages delayed by <paramref name="extraMs"/> one way (memorydb-slow-az.yaml: +20 ms for 30 s).</summary>
    public static FaultSpec SlowAz(long atS, long forS, long extraMs, string az) =>
        new(FaultKind.SlowAz, At(atS), SimDuration.FromSeconds(forS), FaultTarget.Az(az), SimDuration.FromMilliseconds(extraMs));

    /// <summary>The spec with other AWS path settings.</summary>
    public static WorldSpec With(this WorldSpec spec, ElastiCacheSettings? elastiCache = null, ServerlessSettings? serverless = null, MemoryDbSettings? memoryDb = null) =>
        spec with
        {
            Paths = new PathSettings(
                elastiCache ?? spec.Paths.ElastiCache,
                serverless ?? spec.Paths.Serverless,
                memoryDb ?? spec.Paths.MemoryDb),
        };

    public static FaultSpec CrashPrimary(long atS) => new(FaultKind.Crash, SimTime.FromStart(SimDuration.FromSeconds(atS)), null, FaultTarget.Primary);

    public static FaultSpec SplitAzA(long atS, long forS) => new(
        FaultKind.Partition,
        SimTime.FromStart(SimDuration.FromSeconds(atS)),
        SimDuration.FromSeconds(forS),
        FaultTarget.Split([["az-a"], ["az-b", "az-c"]]));

    /// <summary>A one-way cut from an AZ to one of the two others (<paramref name="other"/> 0 or 1), for random schedules.</summary>
    public static FaultSpec OneWayFromAz(long atS, long forS, string from, int other)
    {
        var rest = ThreeAzs.Where(a => a != from).ToList();
        return new(FaultKind.OneWay, At(atS), SimDuration.FromSeconds(forS), FaultTarget.Split([[from], [rest[other]]]));
    }

    /// <summary>A fault in words, for the message of a failing random-schedule test.</summary>
    public static string Describe(FaultSpec f)
    {
        string target = f.Target.Kind switch
        {
            FaultTargetKind.Groups => string.Join(" | ", f.Target.Groups.Select(g => "{" + string.Join(",", g) + "}")),
            FaultTargetKind.Primary => "primary",
            FaultTargetKind.Everything => "everything",
            _ => f.Target.Name!,
        };
        string extra = f.Kind == FaultKind.SlowAz ? $" +{f.ExtraLatency.TotalMilliseconds} ms" : "";
        return $"{RedisFailoverSim.Model.World.FaultInjector.KindName(f.Kind)} at {f.At.TotalSeconds} s for {f.Duration?.TotalSeconds} s on {target}{extra}";
    }
}
