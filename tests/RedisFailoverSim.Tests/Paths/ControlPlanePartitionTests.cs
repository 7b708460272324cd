using System.Text;
using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Tests.Architecture;
using RedisFailoverSim.Tests.Model;
using RedisFailoverSim.Tests.Scenarios;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>
/// Where the managed control plane sits in a partition (A33: a group may name it), its fencing of a primary that still
/// runs (A19, A90) and the assumption band that shows both fencing outcomes (issue 14).
/// </summary>
public class ControlPlanePartitionTests
{
    private static FaultSpec SplitAzAWith(params string[] majorityExtras) => new(
        FaultKind.Partition,
        Specs.At(20),
        SimDurationSeconds(60),
        FaultTarget.Split([["az-a"], ["az-b", "az-c", .. majorityExtras]]));

    private static SimDuration SimDurationSeconds(long s) => SimDuration.FromSeconds(s);

    private static PathResult Run(string path, WorldSpec spec) => DeploymentPaths.Run(path, spec, 1, RunOptions.Default);

    [Fact]
    public void Parse_PartitionGroupNamingTheControlPlane_IsAcceptedAndKeptInItsGroup()
    {
        var text = File.ReadAllText(RepositoryFiles.TestData("Good/minimal.yaml")).Replace(
            "  - kind: crash\n    at: 10s\n    target: primary\n",
            "  - kind: partition\n    at: 10s\n    duration: 5s\n    groups: [[az-a], [az-b, az-c, elasticache-control-plane]]\n"
            + "  - kind: isolate\n    at: 20s\n    duration: 5s\n    target: serverless-control-plane\n");

        var scenario = ScenarioLoader.Parse(Encoding.UTF8.GetBytes(text), "m.yaml");

        Assert.Equal(["az-b", "az-c", "elasticache-control-plane"], scenario.World.Faults[0].Target.Groups[1]);
        Assert.Equal(FaultTarget.Member("serverless-control-plane"), scenario.World.Faults[1].Target);
    }

    [Fact]
    public void Parse_GroupHoldingOnlyTheControlPlane_IsAGroupWithAMember()
    {
        var text = File.ReadAllText(RepositoryFiles.TestData("Good/minimal.yaml")).Replace(
            "  - kind: crash\n    at: 10s\n    target: primary\n",
            "  - kind: partition\n    at: 10s\n    duration: 5s\n    groups: [[az-a, az-b, az-c], [elasticache-control-plane]]\n");

        var scenario = ScenarioLoader.Parse(Encoding.UTF8.GetBytes(text), "m.yaml");

        Assert.Equal(["elasticache-control-plane"], scenario.World.Faults[0].Target.Groups[1]);
    }

    [Theory]
    [InlineData(DeploymentPaths.ElastiCache, ServiceMembers.ElastiCacheControlPlane)]
    [InlineData(DeploymentPaths.Serverless, ServiceMembers.ServerlessControlPlane)]
    public void Partition_ControlPlaneOnTheMajoritySide_FailsOverTheRunningPrimaryAndFencesIt(string path, string controlPlane)
    {
        // Left out of the groups the control plane reaches n1 (A33): no failover, nothing lost. Named with az-b and
        // az-c it cannot health-check n1, so it fails over and (A19 default) powers n1 off before the promotion.
        var outside = Run(path, Specs.ThreeNodes([SplitAzAWith()]));
        var majority = Run(path, Specs.ThreeNodes([SplitAzAWith(controlPlane)]));

        Assert.Null(outside.Failover);
        Assert.Equal(0, outside.Writes.AcknowledgedLost);
        Assert.NotNull(majority.Failover);
        Assert.Contains(majority.Facts, f => f.Key == "failedOverRunningPrimary" && f.Value);
        Assert.Contains(majority.Events, e => e.Text.Contains("n1 taken offline before the promotion", StringComparison.Ordinal));
        Assert.Equal(0, majority.SplitBrainSeconds);
        Assert.True(majority.Writes.AcknowledgedLost > 0);
    }

    [Fact]
    public void Fencing_AfterTenSeconds_SplitBrainLastsTheDelayLessThePromotion()
    {
        // A90: promoted 6 s (A17) after the decision, fenced 10 s after it: two primaries for about 4 s.
        var settings = ElastiCacheSettings.Default with { FencingDelay = SimDurationSeconds(10) };
        var result = Run(DeploymentPaths.ElastiCache, Specs.ThreeNodes([SplitAzAWith(ServiceMembers.ElastiCacheControlPlane)]).With(elastiCache: settings));

        var fenced = result.Events.Single(e => e.Text.Contains("n1 taken offline 10.000s after the failover decision", StringComparison.Ordinal));
        var decided = result.Events.Single(e => e.Text.Contains("failing over from n1", StringComparison.Ordinal));
        Assert.Equal(10.0, fenced.Seconds - decided.Seconds, 3);
        Assert.InRange(result.SplitBrainSeconds, 3.5, 4.5);
    }

    [Fact]
    public void AssumptionBand_AzPartitionSplitBrain_BothFencingOutcomesSideBySide()
    {
        var scenario = ScenarioLoader.Load(Path.Combine(RepositoryRoot.Path, "scenarios", "az-partition-split-brain.yaml"));
        var run = DeploymentPaths.Run(DeploymentPaths.ElastiCache, scenario.World, 42, new RunOptions(KeepSamples: false));

        var band = Assert.Single(AssumptionBands.With(run, scenario.World, 42, DeploymentPaths.Run).Bands);

        Assert.Equal(("A19", "elasticache.fencing"), (band.Assumption, band.Setting));
        var fenced = band.Cases.Single(c => c.Value == "power-off");
        var unfenced = band.Cases.Single(c => c.Value == "none");
        Assert.True(fenced.IsThisRun);
        Assert.Equal(run.Writes.AcknowledgedLost, fenced.AcknowledgedLost);
        Assert.Equal(0, fenced.SplitBrainSeconds);

        // Unfenced, n1 keeps acknowledging c1 and c2 until the heal at 105 s (docs/sources.md §1.3: then discarded).
        Assert.InRange(unfenced.SplitBrainSeconds, 60, 75);
        Assert.True(unfenced.AcknowledgedLost > 4 * fenced.AcknowledgedLost);
        Assert.StartsWith("if the control plane fences the old primary: ", band.Sentence(), StringComparison.Ordinal);
    }

    [Fact]
    public void AssumptionBand_AzPartitionSplitBrainOnServerless_BothFencingOutcomesSideBySide()
    {
        // The same band on Serverless (A23: its control plane fences as ElastiCache's does, serverless.fencing). Unfenced,
        // n1 stays primary until the heal, but every proxy follows the route to n3 at the promotion, az-a's too (A175),
        // so n1 takes only the writes of the promotion time (1 s, A23) more: c1 and c2's 40 writes/s.
        var scenario = ScenarioLoader.Load(Path.Combine(RepositoryRoot.Path, "scenarios", "az-partition-split-brain.yaml"));
        var run = DeploymentPaths.Run(DeploymentPaths.Serverless, scenario.World, 42, new RunOptions(KeepSamples: false));

        var band = Assert.Single(AssumptionBands.With(run, scenario.World, 42, DeploymentPaths.Run).Bands);

        Assert.Equal(("A23", "serverless.fencing"), (band.Assumption, band.Setting));
        var fenced = band.Cases.Single(c => c.Value == "power-off");
        var unfenced = band.Cases.Single(c => c.Value == "none");
        Assert.True(fenced.IsThisRun);
        Assert.Equal(run.Writes.AcknowledgedLost, fenced.AcknowledgedLost);
        Assert.True(fenced.AcknowledgedLost > 0);
        Assert.Equal(0, fenced.SplitBrainSeconds);
        Assert.InRange(unfenced.SplitBrainSeconds, 70, 80);
        Assert.InRange(unfenced.AcknowledgedLost - fenced.AcknowledgedLost, 30, 50);
    }

    [Fact]
    public void AzPartitionSplitBrain_ControlPlanesLeftOutOfTheGroups_NeitherFailsOverNorLoses()
    {
        // The bundled scenario names both control planes on the majority side (A91). Without them in the groups they
        // reach both sides (A33): no failover, nothing lost, no band; naming them is what changes the outcome.
        var scenario = ScenarioLoader.Load(Path.Combine(RepositoryRoot.Path, "scenarios", "az-partition-split-brain.yaml"));
        var cut = scenario.World.Faults[0];
        var majority = cut.Target.Groups[1].Where(m => !m.EndsWith("-control-plane", StringComparison.Ordinal)).ToList();
        var world = scenario.World with { Faults = [cut with { Target = FaultTarget.Split([[.. cut.Target.Groups[0]], [.. majority]]) }] };

        foreach (var path in new[] { DeploymentPaths.ElastiCache, DeploymentPaths.Serverless })
        {
            var named = DeploymentPaths.Run(path, scenario.World, 42, new RunOptions(KeepSamples: false));
            var outside = DeploymentPaths.Run(path, world, 42, new RunOptions(KeepSamples: false));

            Assert.Equal(1, named.FailoverCount);
            Assert.True(named.Writes.AcknowledgedLost > 0, path);
            Assert.Equal(0, outside.FailoverCount);
            Assert.Equal(0, outside.Writes.AcknowledgedLost);
            Assert.Empty(AssumptionBands.With(outside, world, 42, DeploymentPaths.Run).Bands);
        }
    }

    [Fact]
    public void AssumptionBand_NoRunningPrimaryFailedOver_NoBand()
    {
        var spec = Specs.ThreeNodes([Specs.CrashPrimary(20)]);
        var run = Run(DeploymentPaths.ElastiCache, spec);

        Assert.Empty(AssumptionBands.With(run, spec, 1, DeploymentPaths.Run).Bands);
    }
}
