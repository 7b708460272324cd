using System.Globalization;
using System.Text;
using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Model.Serverless;
using RedisFailoverSim.Model.Specs;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Tests.Architecture;
using RedisFailoverSim.Tests.Model;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>
/// ElastiCache Serverless scaling out by adding shards behind its proxy (docs/sources.md §5.2): each doubling of capacity
/// (A21) takes a warm shard and moves slots to it as redis-cli's rebalance does (A161, A162); the proxies follow the
/// -ASK/-MOVED redirections themselves; one slot serves at most 30,000 ECPU/s however far the cache scales (A163).
/// </summary>
public class ServerlessScaleOutTests
{
    private static readonly Lazy<(WorldSpec Spec, PathResult Result)> ScaleOut = new(() =>
    {
        var spec = ScenarioLoader.Load(Path.Combine(RepositoryRoot.Path, "scenarios", "serverless-scale-out.yaml")).World;
        return (spec, DeploymentPaths.Run(DeploymentPaths.Serverless, spec, 42, new RunOptions(KeepSamples: true)));
    });

    [Fact]
    public void ScaleOut_EachDoubling_TakesTheNextWarmShardAndMovesItsSlotsBeforeTheDoublingCompletes()
    {
        var (spec, result) = ScaleOut.Value;
        var settings = spec.Paths.Serverless;
        var taken = result.Events.Where(e => e.Text.Contains("taken from the warm pool", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, taken.Count);
        for (int i = 0; i < taken.Count; i++)
        {
            int shard = i + 2;
            double start = taken[i].Seconds;
            var migrating = result.Events.First(e => e.Text.StartsWith("migrating", StringComparison.Ordinal) && e.Text.Contains($"to shard {shard} ", StringComparison.Ordinal));
            var serves = result.Events.Single(e => e.Text.StartsWith($"shard {shard} serves", StringComparison.Ordinal));
            var doubled = result.Events.First(e => e.Text.StartsWith("capacity now", StringComparison.Ordinal) && e.Seconds > start);

            // The doubling starts at the scaler's tick (A21); the shard joins at once, the slots start moving after the
            // provisioning (A161) and the last one has moved before the doubling completes, a doubling period later.
            Assert.Contains(result.Events, e => e.Seconds == start && e.Text.Contains("doubling in 150.000s", StringComparison.Ordinal));
            Assert.Equal(start + settings.ShardProvisioning.TotalSeconds, migrating.Seconds, 6);
            Assert.InRange(serves.Seconds, migrating.Seconds, start + settings.DoublingPeriod.TotalSeconds);
            Assert.InRange(doubled.Seconds, start + settings.DoublingPeriod.TotalSeconds, start + settings.DoublingPeriod.TotalSeconds + 1);
        }

        Assert.Equal(120_000, Usage(result, "peak-ecpu-per-second"));
    }

    [Fact]
    public void ScaleOut_Rebalance_MovesWhatRedisCliMovesToAnEmptyPrimary()
    {
        var (_, result) = ScaleOut.Value;

        // 16384 / 2 slots to shard 2 (all from shard 1), then 16384 / 3 = 5461 to shard 3: 2731 (rounded up) from the
        // first source, 2730 from the second (clusterManagerComputeReshardTable, docs/sources.md §5.2).
        Assert.Equal(2, Usage(result, "shards-added"));
        Assert.Equal(8192 + 5461, Usage(result, "slots-moved"));
        Assert.Contains(result.Events, e => e.Text.StartsWith("migrating 8,192 slots (0-8191) from shard 1 (n1.1, MIGRATING) to shard 2 (n2.1, IMPORTING)", StringComparison.Ordinal));
        Assert.Contains(result.Events, e => e.Text.StartsWith("migrating 2,731 slots (8192-10922) from shard 1", StringComparison.Ordinal));
        Assert.Contains(result.Events, e => e.Text.StartsWith("migrating 2,730 slots (0-2729) from shard 2", StringComparison.Ordinal));
    }

    [Fact]
    public void ScaleOut_WhileSlotsMove_TheClientSeesRedirectionsAsLatencyNotErrors()
    {
        var (_, result) = ScaleOut.Value;

        // Every failed write was throttled (capacity or a slot's ceiling, A22, A163); the -ASK/-MOVED the migration
        // caused were followed by the proxies (A162), so none failed or went unknown, and nothing was lost.
        Assert.True(Usage(result, "writes-redirected") > 0);
        Assert.Equal(Usage(result, "requests-throttled"), result.Writes.Failed);
        Assert.Equal(0, result.Writes.Unknown);
        Assert.Equal(0, result.Writes.AcknowledgedLost);
        Assert.Equal(0, result.FailoverCount);
    }

    [Fact]
    public void ScaleOut_AddedShards_AcknowledgeOnlyOnceTheyOwnSlots()
    {
        var (spec, result) = ScaleOut.Value;
        var samples = result.Samples!;
        var shardOfNode = spec.Cluster!.NodeShards;
        var firstMove = result.Events.First(e => e.Text.StartsWith("migrating", StringComparison.Ordinal)).Seconds;
        var acksByShard = new int[3];
        var acksBeforeFirstMove = new int[3];
        for (int i = 0; i < samples.Count; i++)
        {
            if (samples.Outcomes[i] != WriteOutcome.Ok)
            {
                continue;
            }

            int shard = shardOfNode[samples.AckedBy[i]];
            if (samples.IntendedStartSeconds[i] >= 340)
            {
                acksByShard[shard]++;
            }

            if (samples.IntendedStartSeconds[i] + (samples.LatencyMilliseconds[i] / 1000) < firstMove)
            {
                acksBeforeFirstMove[shard]++;
            }
        }

        Assert.True(acksBeforeFirstMove[0] > 0);
        Assert.Equal(0, acksBeforeFirstMove[1] + acksBeforeFirstMove[2]);
        Assert.All(acksByShard, count => Assert.True(count > 0));
    }

    [Fact]
    public void HotSlot_AfterTheCacheScaled_IsThrottledDownToThirtyThousandEcpuPerSecond()
    {
        var (spec, result) = ScaleOut.Value;
        var samples = result.Samples!;
        var workload = spec.Workload;

        // From 340 s the cache has 120,000 ECPU/s for 49,920 of demand, so only key:0's slot throttles: it is offered
        // hot-share x rate x ECPU a write and serves 30,000 ECPU/s (A163); the rest is refused.
        double ecpusPerWrite = Math.Max(1, workload.ValueBytes / 1024.0);
        double offered = workload.Keys.HotShare * workload.RatePerClient * 2.6 * spec.Clients.Count;
        double expectedFailedPerSecond = offered - (SlotCeiling.EcpuPerSecondPerSlot / ecpusPerWrite);
        int failed = 0;
        for (int i = 0; i < samples.Count; i++)
        {
            if (samples.IntendedStartSeconds[i] >= 340 && samples.IntendedStartSeconds[i] < 360 && samples.Outcomes[i] == WriteOutcome.Failed)
            {
                failed++;
            }
        }

        Assert.InRange(failed / 20.0, expectedFailedPerSecond * 0.92, expectedFailedPerSecond * 1.08);
    }

    [Theory]
    [InlineData(7UL)]
    [InlineData(8UL)]
    [InlineData(9UL)]
    public void ScaleOutWithACrashDuringTheMigration_CompactCountsEqualExactLedger(ulong seed)
    {
        // A short doubling (20 s), slots moving from 5 s, and the source's primary killed while they move.
        var text = """
            name: scale-out-crash
            topology:
              azs: [az-a, az-b, az-c]
              clients: { az-a: 1, az-b: 1, az-c: 1 }
            cluster:
              shards: 2
              replicas-per-shard: 2
            paths: [serverless]
            workload:
              rate: 1000
              arrival: poisson
              duration: 50s
              value-size: 8kb
            faults:
              - kind: crash
                at: 12s
                target: n1.1
            serverless:
              warm-shards: 1
              doubling-period: 20s
              shard-provisioning: 5s
            """ + "\n";
        var spec = ScenarioLoader.Parse(Encoding.UTF8.GetBytes(text), "scale-out-crash.yaml").World;

        var exact = DeploymentPaths.Run(DeploymentPaths.Serverless, spec, seed, new RunOptions(KeepSamples: false) { Audit = true });
        var compact = DeploymentPaths.Run(DeploymentPaths.Serverless, spec, seed, new RunOptions(KeepSamples: false));

        Assert.Null(CompactAccountingOracleTests.FirstDifference(exact, compact));
        Assert.Equal(1, Usage(exact, "shards-added"));
        Assert.Equal(1, exact.FailoverCount);
        Assert.True(exact.Writes.Acknowledged > 100_000, exact.Writes.Acknowledged.ToString(CultureInfo.InvariantCulture));
    }

    private static double Usage(PathResult result, string name) => result.Usage.Single(u => u.Key == name).Value;
}
