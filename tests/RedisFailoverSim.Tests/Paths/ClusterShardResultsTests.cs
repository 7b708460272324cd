using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Reporting.Report;
using RedisFailoverSim.Reporting.Results;
using RedisFailoverSim.Reporting.Terminal;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Tests.Architecture;
using RedisFailoverSim.Tests.Reporting;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>
/// Per-shard results of a Redis Cluster run: every write belongs to one shard (its connection's, A82), so the shards'
/// counts add up to the path's, and a shard fails over only when one of its own nodes is promoted.
/// </summary>
public class ClusterShardResultsTests
{
    private static readonly Lazy<PathResult> Crash = new(() => Run("cluster-primary-crash.yaml", audit: true));
    private static readonly Lazy<PathResult> Minority = new(() => Run("cluster-minority-partition.yaml", audit: true));

    public static TheoryData<string> Bundled => ["cluster-primary-crash.yaml", "cluster-minority-partition.yaml"];

    [Theory]
    [MemberData(nameof(Bundled))]
    public void BundledClusterScenario_ShardCounts_AddUpToPathTotals(string file)
    {
        // Audit on: the auditor has also checked each shard's counts against the exact ledger write by write.
        var result = file.StartsWith("cluster-primary", StringComparison.Ordinal) ? Crash.Value : Minority.Value;
        var shards = result.Shards!;

        Assert.Equal(3, shards.Count);
        Assert.Equal(result.Writes.Attempted, shards.Sum(s => s.Attempted));
        Assert.Equal(result.Writes.Acknowledged, shards.Sum(s => s.Acknowledged));
        Assert.Equal(result.Writes.AcknowledgedLost, shards.Sum(s => s.AcknowledgedLost));
        Assert.Equal(result.Writes.Failed, shards.Sum(s => s.Failed));
        Assert.Equal(result.Writes.Unknown, shards.Sum(s => s.Unknown));
        Assert.Equal(result.Latency.Count, shards.Sum(s => s.Latency.Count));
        Assert.All(shards, s => Assert.True(s.Attempted > 0));
    }

    [Fact]
    public void ClusterPrimaryCrash_OnlyTheCrashedShard_FailsOver()
    {
        // n1.1 is killed: shard 1's failover is the path's; shards 2 and 3 keep their primaries. Their writes still
        // fail between FAIL and the promotion (full coverage yes, docs/sources.md §3.2), but none is lost. Shard 1's
        // writes from the crash to FAIL wait on the dead primary's backlog and fail at their timeout, so it fails far
        // more; none of its acknowledged writes waited for the promotion (StackExchange.Redis's routing, §3.11, A118).
        var result = Crash.Value;
        var shards = result.Shards!;

        var one = shards[0].Failover!;
        Assert.Equal(result.Failover!.ControlPlaneSeconds, one.ControlPlaneSeconds);
        Assert.Equal(result.Failover.ClientObservedSeconds, one.ClientObservedSeconds);
        Assert.StartsWith("n1.", one.NewPrimary, StringComparison.Ordinal);
        Assert.Null(shards[1].Failover);
        Assert.Null(shards[2].Failover);
        Assert.True(shards[1].Failed > 0 && shards[2].Failed > 0);
        Assert.True(shards[0].Failed > 10 * shards[1].Failed);
        Assert.InRange(shards[0].Latency.Max, 0, 100);
    }

    [Fact]
    public void ClusterFullCoverageNo_TheOtherShardsRefuseNothing()
    {
        // cluster-require-full-coverage no (clusterUpdateState, docs/sources.md §3.2): a node keeps its state OK while
        // n1.1's slots are unserved, so shards 2 and 3 answer every write; shard 1's writes fail until the promotion.
        var shards = Run("cluster-full-coverage.yaml", audit: true).Shards!;

        Assert.True(shards[0].Failed > 0);
        Assert.Equal(0, shards[1].Failed);
        Assert.Equal(0, shards[2].Failed);
        Assert.All(shards, s => Assert.Equal(0, s.AcknowledgedLost));
    }

    [Fact]
    public void ClusterMinorityPartition_OnlyShardOne_LosesAcknowledgedWrites()
    {
        // Only n1.1 is a primary on the minority side: the acknowledged writes lost are all shard 1's.
        var shards = Minority.Value.Shards!;

        Assert.True(shards[0].AcknowledgedLost > 0);
        Assert.Equal(0, shards[1].AcknowledgedLost);
        Assert.Equal(0, shards[2].AcknowledgedLost);
        Assert.NotNull(shards[0].Failover);
        Assert.Null(shards[1].Failover);
    }

    [Fact]
    public void ClusterRun_Outputs_CarryARowPerShard()
    {
        var result = Crash.Value;
        var report = ReportFixtures.Report(result);

        var csv = ResultsCsvWriter.ToCsv(report).Split('\n');
        Assert.Equal(6, csv.Length);
        Assert.EndsWith(",,0,0", csv[1], StringComparison.Ordinal);
        Assert.EndsWith(",3,,", csv[4], StringComparison.Ordinal);
        Assert.StartsWith($"self-hosted,{result.Shards![2].Attempted},{result.Shards[2].Acknowledged},0,", csv[4], StringComparison.Ordinal);

        var json = ResultsJsonWriter.ToJson(report);
        Assert.Contains("\"shards\": [", json, StringComparison.Ordinal);
        Assert.Equal(3, json.Split("\"shard\": ").Length - 1);

        Assert.Equal("  shard 2", ConsoleTable.ShardRow(result.Shards[1])[0]);
        Assert.Equal("-", ConsoleTable.ShardRow(result.Shards[1])[6]);
        Assert.Contains("| 1 | ", MarkdownReport.Render(report), StringComparison.Ordinal);
        Assert.Contains("### By shard", MarkdownReport.Render(report), StringComparison.Ordinal);
        Assert.Equal("shard 2: n2.1", RedisFailoverSim.Reporting.Charts.RolesChart.LaneLabel(result, 3));
        Assert.Equal("n2.2", RedisFailoverSim.Reporting.Charts.RolesChart.LaneLabel(result, 4));
    }

    [Fact]
    public void SentinelRun_HasNoShards()
    {
        var spec = ScenarioLoader.Load(Path.Combine(RepositoryRoot.Path, "scenarios", "primary-crash.yaml")).World;
        var result = DeploymentPaths.Run(DeploymentPaths.SelfHosted, spec, 42, new RunOptions(KeepSamples: false));

        Assert.Null(result.Shards);
        Assert.DoesNotContain("shards", ResultsJsonWriter.ToJson(ReportFixtures.Report(result)), StringComparison.Ordinal);
    }

    private static PathResult Run(string file, bool audit)
    {
        var spec = ScenarioLoader.Load(Path.Combine(RepositoryRoot.Path, "scenarios", file)).World;
        return DeploymentPaths.Run(DeploymentPaths.SelfHosted, spec, 42, new RunOptions(KeepSamples: false) { Audit = audit });
    }
}
