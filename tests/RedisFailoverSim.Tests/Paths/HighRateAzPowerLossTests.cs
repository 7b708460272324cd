using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Tests.Architecture;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>
/// scenarios/high-rate-az-power-loss.yaml (issue 14, A160): a primary whose replication stream asks more than its
/// interface's bandwidth loses, at a power loss, the acknowledged writes still queued on that interface.
/// </summary>
public class HighRateAzPowerLossTests
{
    private static readonly RunOptions Audited = RunOptions.Default with { Audit = true };

    private static Scenario Bundled() =>
        ScenarioLoader.Load(Path.Combine(RepositoryRoot.Path, "scenarios", "high-rate-az-power-loss.yaml"));

    /// <summary>
    /// The hand computation: each write puts its stream entry (value + 40 B, A2) on the interface once per replica
    /// and its 4 B reply once, so the interface keeps up with at most bandwidth / (2 x entry + 4) writes a second;
    /// every write above that rate is still queued at the power loss.
    /// </summary>
    private static double ExpectedBacklogWrites(WorldSpec world)
    {
        double bytesPerSecond = world.Network.NodeBandwidthBitsPerSecond / 8.0;
        int replicas = world.Nodes.Count - 1;
        double wireBytesPerWrite = (replicas * (world.Workload.ValueBytes + 40.0)) + 4;
        double offeredWritesPerSecond = world.Workload.RatePerClient * world.Clients.Count;
        double secondsToFault = (world.Faults[0].At - SimTime.Zero).Nanoseconds / 1e9;
        return secondsToFault * (offeredWritesPerSecond - (bytesPerSecond / wireBytesPerWrite));
    }

    [Fact]
    public void Scenario_Numbers_AreThoseTheDescriptionComputes()
    {
        var world = Bundled().World;
        Assert.Equal(937_000_000, world.Network.NodeBandwidthBitsPerSecond);
        Assert.Equal(16_344, world.Workload.ValueBytes);

        // 20 s x (3,750 - 117,125,000 / 32,772 = 3,573.9) = 3,521.3 writes: 57.7 MB on each replica's stream.
        Assert.Equal(3_521.3, ExpectedBacklogWrites(world), tolerance: 0.05);
    }

    [Theory]
    [InlineData(DeploymentPaths.ElastiCache)]
    [InlineData(DeploymentPaths.SelfHosted)]
    public void AsyncPath_PowerLossWithAStreamBacklog_LosesTheBacklogAndCompactEqualsExact(string path)
    {
        // Audited: the run stops on any difference between the exact ledger and the compact accounting.
        var world = Bundled().World;
        var result = DeploymentPaths.Run(path, world, 42, Audited);

        Assert.Equal(1, result.FailoverCount);

        // The writes still queued on n1's interface at 20 s, give or take the few on the wire and the replica the
        // failover picks (within 1 %): seed 42 measured 3,526 (elasticache) and 3,528 (self-hosted).
        Assert.Equal(ExpectedBacklogWrites(world), result.Writes.AcknowledgedLost, tolerance: 35);
    }

    [Fact]
    public void AsyncPath_SameLoadWithoutABandwidthLimit_LosesNone()
    {
        var bundled = Bundled().World;
        var world = bundled with { Network = bundled.Network with { NodeBandwidthBitsPerSecond = 0 } };
        var result = DeploymentPaths.Run(DeploymentPaths.ElastiCache, world, 42, RunOptions.Default);

        // A network delay behind, as before A160: seed 42 loses none (the writes on the wire at the power loss arrive).
        Assert.Equal(0, result.Writes.AcknowledgedLost);
    }

    [Fact]
    public void MemoryDb_PowerLossAtTheSameLoad_LosesNothingAndCompactEqualsExact()
    {
        var result = DeploymentPaths.Run(DeploymentPaths.MemoryDb, Bundled().World, 42, Audited);
        Assert.Equal(0, result.Writes.AcknowledgedLost);
        Assert.True(result.Writes.Acknowledged > 100_000);
    }
}
