using RedisFailoverSim.Engine.Time;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Tests.Architecture;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>
/// client-output-buffer-limit replica (docs/sources.md §8.1, A178): the stream a primary has queued for a replica
/// behind network.node-bandwidth and not yet sent closes the replica's connection at the hard limit, or over the soft
/// limit for more than its seconds; the replica then resyncs. On scenarios/high-rate-az-power-loss.yaml's load.
/// </summary>
public class ReplicaOutputBufferLimitTests
{
    private const long Mebibyte = 1024 * 1024;

    private static WorldSpec Bundled() =>
        ScenarioLoader.Load(Path.Combine(RepositoryRoot.Path, "scenarios", "high-rate-az-power-loss.yaml")).World;

    private static WorldSpec WithLimit(WorldSpec world, OutputBufferLimit limit) =>
        world with { Redis = world.Redis with { ReplicaOutputBufferLimit = limit } };

    /// <summary>
    /// Each replica's unsent stream grows by the writes the interface cannot carry, each a 16,384 B entry:
    /// (3,750 - bandwidth / (2 x 16,384 + 4)) x 16,384 B/s = 2.88 MB/s.
    /// </summary>
    private static double UnsentBytesPerSecondPerReplica(WorldSpec world)
    {
        double entryBytes = world.Workload.ValueBytes + 40.0;
        double sentWritesPerSecond = world.Network.NodeBandwidthBitsPerSecond / 8.0 / ((2 * entryBytes) + 4);
        double offered = world.Workload.RatePerClient * world.Clients.Count;
        return (offered - sentWritesPerSecond) * entryBytes;
    }

    private static List<TraceEvent> Closes(PathResult result) =>
        result.Events.Where(e => e.Source == "n1" && e.Text.Contains("closed replica", StringComparison.Ordinal)).ToList();

    [Fact]
    public void HardLimit_ClosesEachReplicaWhenItsUnsentStreamReachesIt_AndTheReplicaFullySyncs()
    {
        // Writes for 15 s: the full sync that follows the close is not cut off again (under a stream above the
        // bandwidth the catch-up queued after the transfer passes the limit at once and the sync loops).
        var bundled = Bundled();
        var world = WithLimit(
            bundled with { Faults = [], Workload = bundled.Workload with { Duration = SimDuration.FromSeconds(15) } },
            new OutputBufferLimit(32 * Mebibyte, 0, SimDuration.Zero));
        var result = DeploymentPaths.Run(DeploymentPaths.SelfHosted, world, 42, RunOptions.Default);
        Assert.Equal(2, Closes(result).Count);

        // 32 MiB / 2.88 MB/s = 11.6 s: both replicas reach the limit then, each closed at the entry that crosses it.
        double crossing = 32 * Mebibyte / UnsentBytesPerSecondPerReplica(world);
        Assert.Equal(11.63, crossing, tolerance: 0.01);
        foreach (var replica in new[] { "n2", "n3" })
        {
            var first = Closes(result).First(e => e.Text.Contains($"replica {replica}'s", StringComparison.Ordinal));
            Assert.Contains("32.0 MB of stream unsent", first.Text, StringComparison.Ordinal);
            Assert.Contains("(hard limit)", first.Text, StringComparison.Ordinal);
            // Within 1 %: the hand rate leaves out the interface time replies, pings and Sentinel traffic take (A160);
            // seed 42 measured 11.57 s.
            Assert.Equal(crossing, first.Seconds, tolerance: 0.12);

            // Its offset is 32 MB behind, far outside the 1 MB backlog: the reconnect is a full sync.
            Assert.Contains(result.Events, e => e.Source == replica && e.Seconds > first.Seconds
                && e.Text.Contains("lost its master link (connection reset)", StringComparison.Ordinal));
            Assert.Contains(result.Events, e => e.Source == replica && e.Seconds > first.Seconds
                && e.Text.Contains("full resync from n1", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void SoftLimit_ClosesOnlyAfterMoreThanItsSecondsInARow()
    {
        // Over 32 MiB from 11.6 s on (whole second 11): closed at the first entry once 72 - 11 > 60 s.
        var world = WithLimit(Bundled() with { Faults = [] }, new OutputBufferLimit(0, 32 * Mebibyte, SimDuration.FromSeconds(60)));
        var result = DeploymentPaths.Run(DeploymentPaths.SelfHosted, world, 42, RunOptions.Default);

        var closes = Closes(result);
        Assert.Equal(2, closes.Count);
        Assert.All(closes, e => Assert.Contains("(soft limit for more than 60 s)", e.Text, StringComparison.Ordinal));
        Assert.All(closes, e => Assert.Equal(72.0, e.Seconds, tolerance: 0.01));
    }

    [Fact]
    public void SoftLimit_ExceededForLessThanItsSeconds_ClosesNothingAndThePowerLossLosesTheBacklog()
    {
        // The bundled power loss at 20 s: each replica passes a 32 MiB soft limit at 11.6 s, 8.4 s before; no close.
        var bundled = Bundled();
        var world = WithLimit(bundled, new OutputBufferLimit(0, 32 * Mebibyte, SimDuration.FromSeconds(60)));
        var limited = DeploymentPaths.Run(DeploymentPaths.SelfHosted, world, 42, RunOptions.Default);
        var plain = DeploymentPaths.Run(DeploymentPaths.SelfHosted, bundled, 42, RunOptions.Default);

        Assert.Empty(Closes(limited));
        Assert.Equal(plain.Writes.AcknowledgedLost, limited.Writes.AcknowledgedLost);
    }

    [Theory]
    [InlineData(DeploymentPaths.ElastiCache)]
    [InlineData(DeploymentPaths.SelfHosted)]
    public void BundledScenario_DefaultLimit_IsNeverReachedBeforeThePowerLoss(string path)
    {
        // 57.7 MB per replica at the 20 s power loss, under the 64 MB soft limit: n1 closes nothing, the claims hold.
        var world = Bundled();
        Assert.Equal(OutputBufferLimit.ReplicaDefault, world.Redis.ReplicaOutputBufferLimit);
        Assert.Equal(57.7e6, UnsentBytesPerSecondPerReplica(world) * 20, tolerance: 0.1e6);
        var result = DeploymentPaths.Run(path, world, 42, RunOptions.Default);
        Assert.Empty(Closes(result));
        Assert.InRange(result.Writes.AcknowledgedLost, 3_000, 4_000);
    }

    [Fact]
    public void BundledScenario_SelfHosted_NewPrimaryClosesTheReplicaItFullySyncsAtTheHardLimit()
    {
        // Sentinel promotes n2 at 51 s; n3's full sync then takes 21 s, during which 887 MB of writes wait for it:
        // queued at the end of the transfer, they pass 256 MB, so n2 closes n3 at the next write and n3 syncs again.
        var result = DeploymentPaths.Run(DeploymentPaths.SelfHosted, Bundled(), 42, RunOptions.Default);
        var close = Assert.Single(result.Events, e => e.Source == "n2" && e.Text.Contains("closed replica n3's", StringComparison.Ordinal));
        Assert.Contains("(hard limit)", close.Text, StringComparison.Ordinal);
        Assert.Equal(72.26, close.Seconds, tolerance: 0.01);

        // The close reaches n3 at once (the discarded stream does not hold it back), and n3 syncs again.
        Assert.Contains(result.Events, e => e.Source == "n3" && e.Seconds < close.Seconds + 0.01
            && e.Text.Contains("lost its master link (connection reset)", StringComparison.Ordinal));
        Assert.Contains(result.Events, e => e.Source == "n3" && e.Seconds > close.Seconds
            && e.Text.Contains("full resync from n2", StringComparison.Ordinal));
    }

    [Fact]
    public void ScenarioKey_ReadsRedisConfsThreeValues()
    {
        var yaml = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "scenarios", "high-rate-az-power-loss.yaml"))
            .Replace("sentinel:\n  quorum: 2", "redis:\n  client-output-buffer-limit-replica: 512mb 128mb 30\n\nsentinel:\n  quorum: 2", StringComparison.Ordinal);
        var world = ScenarioLoader.Parse(System.Text.Encoding.UTF8.GetBytes(yaml), "obuf.yaml").World;
        Assert.Equal(new OutputBufferLimit(512 * Mebibyte, 128 * Mebibyte, SimDuration.FromSeconds(30)), world.Redis.ReplicaOutputBufferLimit);
        Assert.Equal("512mb 128mb 30", world.Redis.ReplicaOutputBufferLimit.Describe());
    }

    [Fact]
    public void Explain_ListsTheDefaultWithItsSourceAndTheAssumptions()
    {
        var defaults = global::RedisFailoverSim.Model.Catalog.ModelDefaults.All.Where(d => d.Parameter == "redis.client-output-buffer-limit-replica").ToList();
        Assert.Contains(defaults, d => d.Value.StartsWith("256mb 64mb 60", StringComparison.Ordinal) && d.Source.Contains("§8.1", StringComparison.Ordinal));
        var assumptions = global::RedisFailoverSim.Model.Catalog.Assumptions.All.Where(a => a.Parameter == "redis.client-output-buffer-limit-replica").Select(a => a.Id);
        Assert.Equal(["A178", "A183"], assumptions);
    }
}
