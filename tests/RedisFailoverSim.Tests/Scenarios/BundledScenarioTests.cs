using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Scenarios;

namespace RedisFailoverSim.Tests.Scenarios;

public class BundledScenarioTests
{
    public static TheoryData<string> BundledFiles()
    {
        var files = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryFiles.BundledScenarios, "*.yaml").Order(StringComparer.Ordinal))
        {
            files.Add(Path.GetFileName(file));
        }

        return files;
    }

    [Fact]
    public void BundledFolder_Listing_HoldsTheDocumentedScenarios()
    {
        var names = Directory.GetFiles(RepositoryFiles.BundledScenarios, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(
            [
                "aof-everysec-restart.yaml", "az-partition-split-brain.yaml", "az-power-interruption.yaml", "cluster-full-coverage.yaml", "cluster-minority-partition.yaml",
                "cluster-planned-failover.yaml", "cluster-primary-crash.yaml", "elasticache-durability-async.yaml", "high-rate-az-power-loss.yaml",
                "maintenance-node-replacement.yaml",
                "memorydb-log-brownout.yaml", "memorydb-slow-az.yaml", "min-replicas-isolated-primary.yaml", "primary-crash.yaml", "primary-pause.yaml",
                "serverless-burst.yaml", "serverless-scale-out.yaml", "split-brain-min-replicas.yaml", "wait-one-replica.yaml", "workload-a-steady-50gb.yaml",
                "workload-b-office-hours.yaml", "workload-c-durable-orders.yaml",
            ],
            names);
    }

    [Theory]
    [MemberData(nameof(BundledFiles))]
    public void Load_BundledScenario_NameMatchesFileAndEveryClaimIsOnARunPath(string fileName)
    {
        var scenario = ScenarioLoader.Load(RepositoryFiles.Bundled(fileName));

        Assert.Equal(Path.GetFileNameWithoutExtension(fileName), scenario.Name);
        Assert.Equal(42UL, scenario.DefaultSeed);
        Assert.NotEmpty(scenario.Expectations);
        Assert.All(scenario.Expectations, e => Assert.Contains(e.Path, scenario.Paths));
        Assert.All(scenario.Paths, p => Assert.Contains(p, DeploymentPaths.All));
        Assert.True(scenario.Description.Length > 100, $"{fileName}: the description should say what it shows");
    }

    [Fact]
    public void Load_SplitBrain_PartitionGroupsQuorumAndSentinelsLand()
    {
        var scenario = ScenarioLoader.Load(RepositoryFiles.Bundled("az-partition-split-brain.yaml"));
        var world = scenario.World;

        var fault = Assert.Single(world.Faults);
        Assert.Equal(FaultKind.Partition, fault.Kind);
        Assert.Equal(SimTime.FromStart(SimDuration.FromSeconds(15)), fault.At);
        Assert.Equal(SimDuration.FromSeconds(90), fault.Duration);
        Assert.Equal(FaultTargetKind.Groups, fault.Target.Kind);
        Assert.Equal(2, fault.Target.Groups.Count);
        Assert.Equal(["az-a"], fault.Target.Groups[0]);
        Assert.Equal(["az-b", "az-c", "elasticache-control-plane", "serverless-control-plane"], fault.Target.Groups[1]);
        Assert.Equal(3, world.Sentinel.Quorum);
        Assert.Equal(5, world.Sentinels.Count);
        Assert.Equal("s5", world.Sentinels[4].Name);
        Assert.Equal("az-c", world.Sentinels[4].Az);
        Assert.Equal(["n1"], world.Nodes.Where(n => n.InitialPrimary).Select(n => n.Name));
        Assert.Equal(20.0, world.Workload.RatePerClient);
        Assert.Equal(SimDuration.FromSeconds(180), world.Workload.Duration);
    }

    [Fact]
    public void Load_SplitBrain_OmittedSettingsTakeTheModelDefaults()
    {
        var world = ScenarioLoader.Load(RepositoryFiles.Bundled("az-partition-split-brain.yaml")).World;

        Assert.Equal(SentinelSettings.Default with { Quorum = 3 }, world.Sentinel);
        Assert.Equal(SimDuration.FromMilliseconds(30_000), world.Sentinel.DownAfter);
        Assert.Equal(RedisSettings.Default, world.Redis);
        Assert.Equal(NetworkSpec.Default, world.Network);
        Assert.Equal(ClientSettings.Default, world.Client);
        Assert.Equal(RunSettings.Default, world.Run);
        Assert.Equal(PathSettings.Defaults, world.Paths);
        Assert.Equal(100, world.Nodes[0].ReplicaPriority);
        Assert.Equal(1.0, world.Clients[0].RateMultiplier);
        Assert.Equal(ArrivalProcess.Constant, world.Workload.Arrival);
        Assert.Empty(world.Workload.Phases);
    }

    [Fact]
    public void Load_SplitBrain_ExpectationsInFileOrder()
    {
        var expectations = ScenarioLoader.Load(RepositoryFiles.Bundled("az-partition-split-brain.yaml")).Expectations;

        Assert.Equal(
            [
                new Expectation("self-hosted", "acknowledgedLost", Comparison.Greater, 0, "> 0", 58),
                new Expectation("self-hosted", "splitBrainSeconds", Comparison.Greater, 0, "> 0", 59),
                new Expectation("memorydb", "acknowledgedLost", Comparison.Equal, 0, "== 0", 61),
                new Expectation("elasticache", "acknowledgedLost", Comparison.Greater, 0, "> 0", 65),
                new Expectation("elasticache", "splitBrainSeconds", Comparison.Equal, 0, "== 0", 66),
                new Expectation("serverless", "acknowledgedLost", Comparison.Greater, 0, "> 0", 68),
                new Expectation("serverless", "splitBrainSeconds", Comparison.Equal, 0, "== 0", 69),
            ],
            expectations);
    }

    [Fact]
    public void Load_MinReplicas_RedisSettingsInRedisConfUnits()
    {
        var redis = ScenarioLoader.Load(RepositoryFiles.Bundled("split-brain-min-replicas.yaml")).World.Redis;

        Assert.Equal(RedisSettings.Default with { MinReplicasToWrite = 1, MinReplicasMaxLag = SimDuration.FromSeconds(10) }, redis);
    }

    [Fact]
    public void Load_PrimaryCrash_CompactSentinelsAndNeverHealingCrash()
    {
        var scenario = ScenarioLoader.Load(RepositoryFiles.Bundled("primary-crash.yaml"));
        var world = scenario.World;

        Assert.Equal([new SentinelSpec("s1", "az-a"), new SentinelSpec("s2", "az-b"), new SentinelSpec("s3", "az-c")], world.Sentinels);
        var crash = Assert.Single(world.Faults);
        Assert.Equal(FaultKind.Crash, crash.Kind);
        Assert.Null(crash.Duration);
        Assert.Null(crash.HealsAt);
        Assert.Same(FaultTarget.Primary, crash.Target);
        Assert.Equal(SimTime.FromStart(SimDuration.FromSeconds(20)), crash.At);
        Assert.Equal(34, crash.SourceLine);
        Assert.Equal(DeploymentPaths.All, scenario.Paths);
        var controlPlane = scenario.Expectations.Where(e => e.Metric == "controlPlaneSeconds").Select(e => (e.Operator, e.Value));
        Assert.Equal([(Comparison.GreaterOrEqual, 30.0), (Comparison.LessOrEqual, 34.0)], controlPlane);
    }

    [Fact]
    public void Load_PrimaryPause_PauseOfPrimaryFor45Seconds()
    {
        var fault = Assert.Single(ScenarioLoader.Load(RepositoryFiles.Bundled("primary-pause.yaml")).World.Faults);

        Assert.Equal(FaultKind.Pause, fault.Kind);
        Assert.Equal(SimTime.FromStart(SimDuration.FromSeconds(65)), fault.HealsAt);
        Assert.Same(FaultTarget.Primary, fault.Target);
    }

    [Fact]
    public void Load_AzPowerInterruption_AzTargetTenMinutesAndPoissonWorkload()
    {
        var world = ScenarioLoader.Load(RepositoryFiles.Bundled("az-power-interruption.yaml")).World;

        var fault = Assert.Single(world.Faults);
        Assert.Equal(FaultKind.AzPowerInterruption, fault.Kind);
        Assert.Equal((FaultTargetKind.Az, "az-a"), (fault.Target.Kind, fault.Target.Name));
        Assert.Equal(SimDuration.FromMinutes(10), fault.Duration);
        Assert.Equal(SimDuration.FromMinutes(12), world.Workload.Duration);
        Assert.Equal(ArrivalProcess.Poisson, world.Workload.Arrival);
    }

    [Fact]
    public void Load_MemoryDbSlowAz_ExtraLatencyOnAzB()
    {
        var fault = Assert.Single(ScenarioLoader.Load(RepositoryFiles.Bundled("memorydb-slow-az.yaml")).World.Faults);

        Assert.Equal(FaultKind.SlowAz, fault.Kind);
        Assert.Equal(SimDuration.FromMilliseconds(20), fault.ExtraLatency);
        Assert.Equal((FaultTargetKind.Az, "az-b"), (fault.Target.Kind, fault.Target.Name));
    }

    [Fact]
    public void Load_ServerlessBurst_TwentyfoldBurstOfEverything()
    {
        var world = ScenarioLoader.Load(RepositoryFiles.Bundled("serverless-burst.yaml")).World;

        var fault = Assert.Single(world.Faults);
        Assert.Equal(FaultKind.TrafficBurst, fault.Kind);
        Assert.Equal(20.0, fault.RateMultiplier);
        Assert.Same(FaultTarget.Everything, fault.Target);
        Assert.Equal(512, world.Workload.ValueBytes);
    }

    [Fact]
    public void Load_NodeReplacement_PrimaryReplacedAtThirtySeconds()
    {
        var fault = Assert.Single(ScenarioLoader.Load(RepositoryFiles.Bundled("maintenance-node-replacement.yaml")).World.Faults);

        Assert.Equal(FaultKind.NodeReplacement, fault.Kind);
        Assert.Equal(SimTime.FromStart(SimDuration.FromSeconds(30)), fault.At);
        Assert.Equal(SimDuration.FromMinutes(3), fault.Duration);
    }

    [Fact]
    public void Load_IsolatedPrimary_OnlySelfHostedRuns()
    {
        var scenario = ScenarioLoader.Load(RepositoryFiles.Bundled("min-replicas-isolated-primary.yaml"));

        Assert.Equal([DeploymentPaths.SelfHosted], scenario.Paths);
        Assert.Equal((FaultKind.Isolate, FaultTargetKind.Az, "az-a"), (scenario.World.Faults[0].Kind, scenario.World.Faults[0].Target.Kind, scenario.World.Faults[0].Target.Name));
    }
}
