using System.Text;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Tests.Scenarios;

public class ScenarioLoaderTests
{
    private static readonly string Minimal = RepositoryFiles.TestData("Good/minimal.yaml");

    [Fact]
    public void Load_SameContentKeysInAnotherOrder_SameWorldSeedPathsAndClaims()
    {
        var a = ScenarioLoader.Load(RepositoryFiles.TestData("Good/order-a.yaml"));
        var b = ScenarioLoader.Load(RepositoryFiles.TestData("Good/order-b.yaml"));

        // FaultSpec.SourceLine is where the fault was written, for messages: the one field that may differ.
        Assert.Equal(CanonicalDump.Of(a.World, ignore: "SourceLine"), CanonicalDump.Of(b.World, ignore: "SourceLine"));
        Assert.Contains("RatePerClient = 50;", CanonicalDump.Of(a.World, ignore: "SourceLine"));
        Assert.Equal((a.Name, a.Description, a.DefaultSeed), (b.Name, b.Description, b.DefaultSeed));
        Assert.Equal(a.Paths, b.Paths);
        Assert.Equal(
            a.Expectations.Select(e => (e.Path, e.Metric, e.Operator, e.Value)).Order(),
            b.Expectations.Select(e => (e.Path, e.Metric, e.Operator, e.Value)).Order());
        Assert.NotEqual(a.Sha256, b.Sha256);
    }

    [Fact]
    public void Load_KeyOrderFile_EveryExplicitSettingLands()
    {
        var scenario = ScenarioLoader.Load(RepositoryFiles.TestData("Good/order-a.yaml"));
        var world = scenario.World;

        Assert.Equal(["elasticache", "memorydb", "self-hosted"], scenario.Paths);
        Assert.Equal(7UL, scenario.DefaultSeed);
        Assert.Equal([10, 100, 0], world.Nodes.Select(n => n.ReplicaPriority));
        Assert.Equal(["s1:az-a", "s2:az-a", "s3:az-b", "s4:az-b", "s5:az-c"], world.Sentinels.Select(s => $"{s.Name}:{s.Az}"));
        Assert.Equal([2.0, 1.0], world.Clients.Select(c => c.RateMultiplier));
        Assert.Equal(new WorkloadSpec(50, ArrivalProcess.Poisson, SimDuration.FromMinutes(2), 1024, world.Workload.Phases), world.Workload);
        Assert.Equal(
            [
                new RatePhase(SimTime.FromStart(SimDuration.FromSeconds(30)), 2, SimDuration.FromSeconds(5)),
                new RatePhase(SimTime.FromStart(SimDuration.FromSeconds(60)), 1, SimDuration.Zero),
            ],
            world.Workload.Phases);
        Assert.Equal(NetworkSpec.Default with { SameAzMedian = SimDuration.FromMicroseconds(250), CrossAzSigma = 0.3 }, world.Network);
        Assert.Equal(
            RedisSettings.Default with { MinReplicasToWrite = 1, ReplBacklogBytes = 10 * 1024 * 1024, FullSyncBytesPerSecond = 50L * 1024 * 1024, Persistence = PersistenceSettings.Off with { AppendOnly = true } },
            world.Redis);
        Assert.Equal(SentinelSettings.Default with { Quorum = 3, DownAfter = SimDuration.FromSeconds(5) }, world.Sentinel);
        Assert.Equal(
            ClientSettings.Default with { CommandTimeout = SimDuration.FromSeconds(2), DnsTtl = SimDuration.Zero, BacklogPerNode = false, ConnectToEveryNode = false },
            world.Client);
        Assert.Equal(new RunSettings(SimDuration.FromMinutes(5)), world.Run);
    }

    [Fact]
    public void Load_KeyOrderFile_FaultsSortedByTimeWithOneWayGroupsAsWritten()
    {
        var faults = ScenarioLoader.Load(RepositoryFiles.TestData("Good/order-a.yaml")).World.Faults;

        Assert.Equal([FaultKind.SlowAz, FaultKind.OneWay], faults.Select(f => f.Kind));
        Assert.Equal(SimDuration.FromMicroseconds(1500), faults[0].ExtraLatency);
        Assert.Equal(SimDuration.FromSeconds(90), faults[0].Duration);
        Assert.Equal(28, faults[0].SourceLine);
        Assert.Equal(["az-a"], faults[1].Target.Groups[0]);
        Assert.Equal(["n2", "s3"], faults[1].Target.Groups[1]);
    }

    [Fact]
    public void Load_PathBlocks_ParsedIntoTypedSettingsWithDefaultsForTheRest()
    {
        var settings = ScenarioLoader.Load(RepositoryFiles.TestData("Good/order-b.yaml")).World.Paths;

        Assert.Equal(SimDuration.FromSeconds(10), settings.ElastiCache.FailureDetection);
        Assert.Equal(SimDuration.FromSeconds(2), settings.ElastiCache.PromotionTime);
        Assert.Equal(ElastiCacheSettings.Default.DnsUpdateDelay, settings.ElastiCache.DnsUpdateDelay);
        Assert.Equal(ServerlessSettings.Default, settings.Serverless);
    }

    [Fact]
    public void Load_KnownFile_Sha256IsLowercaseHexOfItsBytes()
    {
        var scenario = ScenarioLoader.Load(Minimal);

        Assert.Equal("4ca19606ba7b484889b4d602e28e17e06c1c5ce0138795e60df481f52b82ee58", scenario.Sha256);
        Assert.Equal(Minimal, scenario.SourcePath);
    }

    [Fact]
    public void Load_MissingFile_ProblemSaysNoSuchFile()
    {
        var path = RepositoryFiles.TestData("Good/does-not-exist.yaml");

        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));

        Assert.Equal(new ScenarioProblem(path, 0, 0, "no such file"), Assert.Single(error.Problems));
        Assert.Equal($"{path}: no such file", error.Message);
    }

    [Fact]
    public void Parse_NotUtf8_ProblemSaysSo()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse([0x6e, 0x61, 0xff, 0xfe, 0x3a], "x.yaml"));

        Assert.Equal("expected UTF-8 text; the file holds bytes that are not UTF-8", Assert.Single(error.Problems).Message);
    }

    [Fact]
    public void Load_Overrides_ChangeValuesBeforeValidation()
    {
        var scenario = ScenarioLoader.Load(Minimal,
        [
            new ScenarioOverride("sentinel.down-after-milliseconds", "5000"),
            new ScenarioOverride("faults[0].duration", "45s"),
            new ScenarioOverride("workload.rate", "250"),
            new ScenarioOverride("topology.nodes[1].replica-priority", "0"),
        ]);

        Assert.Equal(SimDuration.FromSeconds(5), scenario.World.Sentinel.DownAfter);
        Assert.Equal(SimDuration.FromSeconds(45), scenario.World.Faults[0].Duration);
        Assert.Equal(250.0, scenario.World.Workload.RatePerClient);
        Assert.Equal(0, scenario.World.Nodes[1].ReplicaPriority);
        Assert.Equal("4ca19606ba7b484889b4d602e28e17e06c1c5ce0138795e60df481f52b82ee58", scenario.Sha256);
    }

    [Fact]
    public void Load_OverrideWithBadValue_ProblemNamesTheOverride()
    {
        var error = Assert.Throws<ScenarioException>(() =>
            ScenarioLoader.Load(Minimal, [new ScenarioOverride("faults[0].duration", "45")]));

        Assert.Equal(
            new ScenarioProblem(Minimal, 0, 0, "faults[0].duration: expected a duration with a unit (e.g. 500ms, 30s, 1.5s, 2m, 1m30s); found the unitless number 45 (set by override faults[0].duration=45)"),
            Assert.Single(error.Problems));
    }

    [Fact]
    public void Load_OverrideAddingAMisspeltKey_ProblemNamesTheOverrideNotALine()
    {
        var error = Assert.Throws<ScenarioException>(() =>
            ScenarioLoader.Load(Minimal, [new ScenarioOverride("sentinel.qourum", "3")]));

        Assert.Equal(
            new ScenarioProblem(Minimal, 0, 0, "sentinel: unknown key 'qourum'; allowed: quorum, down-after-milliseconds, failover-timeout, parallel-syncs; did you mean 'quorum'? (set by override sentinel.qourum=3)"),
            Assert.Single(error.Problems));
    }

    [Theory]
    [InlineData("faults[3].duration", "override faults[3].duration=5s: 'faults' has 1 item(s), so there is no [3]")]
    [InlineData("workload..rate", "override workload..rate=5s: expected a key like sentinel.quorum or faults[0].duration; found the part ''")]
    [InlineData("name.first", "override name.first=5s: 'name' is not a mapping in the file")]
    public void Load_OverrideWithBadKey_ProblemSaysWhy(string key, string message)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(Minimal, [new ScenarioOverride(key, "5s")]));

        Assert.Equal(message, Assert.Single(error.Problems).Message);
    }

    [Fact]
    public void Parse_DefaultQuorumAboveSentinelCount_PointsAtTheSentinels()
    {
        var text = File.ReadAllText(Minimal).Replace("sentinels: { az-a: 1, az-b: 1, az-c: 1 }", "sentinels: { az-a: 1 }");

        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(Encoding.UTF8.GetBytes(text), "q.yaml"));

        Assert.Equal(
            new ScenarioProblem("q.yaml", 8, 14, "sentinel.quorum: expected a quorum from 1 to the number of sentinels (1); found 2 (the default; set sentinel.quorum)"),
            Assert.Single(error.Problems));
    }

    [Fact]
    public void Parse_NoSentinelsButSelfHostedLeftOut_Loads()
    {
        var text = File.ReadAllText(Minimal)
            .Replace("  sentinels: { az-a: 1, az-b: 1, az-c: 1 }\n", "")
            .Replace("name: bad\n", "name: aws-only\npaths: [memorydb, elasticache]\n");

        var scenario = ScenarioLoader.Parse(Encoding.UTF8.GetBytes(text), "aws.yaml");

        Assert.Equal(["elasticache", "memorydb"], scenario.Paths);
        Assert.Empty(scenario.World.Sentinels);
    }

    [Fact]
    public void Parse_PartitionMixingAzsAndMembers_KeepsTheEntriesAsWritten()
    {
        var text = File.ReadAllText(Minimal).Replace(
            "  - kind: crash\n    at: 10s\n    target: primary\n",
            "  - kind: partition\n    at: 10s\n    duration: 30s\n    groups: [[az-a, n2], [az-b, az-c]]\n");

        var fault = ScenarioLoader.Parse(Encoding.UTF8.GetBytes(text), "p.yaml").World.Faults[0];

        // AZ names stay AZ names: the simulation places every member by the same rule (by name first, then by AZ),
        // including the members a path adds to an AZ (MemoryDB's log replicas), which the scenario does not list.
        Assert.Equal(["az-a", "n2"], fault.Target.Groups[0]);
        Assert.Equal(["az-b", "az-c"], fault.Target.Groups[1]);
    }

    [Theory]
    [InlineData("isolate", "s2", FaultTargetKind.Member, "s2")]
    [InlineData("isolate", "az-b", FaultTargetKind.Az, "az-b")]
    [InlineData("isolate", "primary", FaultTargetKind.Primary, null)]
    [InlineData("reboot", "n3", FaultTargetKind.Member, "n3")]
    [InlineData("power-off", "primary", FaultTargetKind.Primary, null)]
    public void Parse_FaultTarget_ResolvedByKind(string kind, string target, FaultTargetKind expectedKind, string? expectedName)
    {
        var text = File.ReadAllText(Minimal).Replace("  - kind: crash\n    at: 10s\n    target: primary\n", $"  - kind: {kind}\n    at: 10s\n    duration: 5s\n    target: {target}\n");

        var fault = ScenarioLoader.Parse(Encoding.UTF8.GetBytes(text), "t.yaml").World.Faults[0];

        Assert.Equal((expectedKind, expectedName), (fault.Target.Kind, fault.Target.Name));
    }

    [Fact]
    public void Parse_CrashTargetingAnAz_SaysItHitsOneNode()
    {
        var text = File.ReadAllText(Minimal).Replace("target: primary", "target: az-b");

        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(Encoding.UTF8.GetBytes(text), "t.yaml"));

        Assert.Equal("faults[0].target: expected primary or a node name (n1, n2, n3) for crash; found the AZ 'az-b'", Assert.Single(error.Problems).Message);
    }
}
