using RedisFailoverSim.Model.Metrics;
using RedisFailoverSim.Paths;
using RedisFailoverSim.Reporting.Charts;
using RedisFailoverSim.Reporting.Report;
using RedisFailoverSim.Reporting.Results;
using RedisFailoverSim.Reporting.Timeline;
using RedisFailoverSim.Scenarios;
using RedisFailoverSim.Tests.Architecture;
using RedisFailoverSim.Tests.Reporting;
using RedisFailoverSim.Tests.Reporting.Charts;

namespace RedisFailoverSim.Tests.Paths;

/// <summary>
/// Each Redis Cluster node's own cluster state over time (clusterUpdateState, docs/sources.md §3.5) carried into the
/// result, and a primary whose state is FAIL drawn and reported as refusing writes (issue 19: "other shards'
/// availability during one shard's failover").
/// </summary>
public class ClusterStateTimelineTests
{
    private static readonly Lazy<PathResult> Crash = new(() => Run("cluster-primary-crash.yaml"));

    [Fact]
    public void ClusterPrimaryCrash_ClusterStateFail_MatchesTheBusLogLineByLine()
    {
        // Every "Cluster state changed: fail" opens a node's stretch and the next "... ok" closes it, at the same instant.
        var result = Crash.Value;
        var expected = new List<ClusterStateInterval>();
        foreach (var node in result.Nodes)
        {
            double? since = null;
            foreach (var e in result.Events.Where(e => e.Kind == "cluster" && e.Source == node))
            {
                if (e.Text.EndsWith("Cluster state changed: fail", StringComparison.Ordinal))
                {
                    since = e.Seconds;
                }
                else if (e.Text.EndsWith("Cluster state changed: ok", StringComparison.Ordinal) && since is { } s)
                {
                    expected.Add(new ClusterStateInterval(node, s, e.Seconds));
                    since = null;
                }
            }

            Assert.Null(since);
        }

        Assert.Equal(expected, result.ClusterStateFail);
    }

    [Fact]
    public void ClusterPrimaryCrash_EveryLiveNode_FailsFromFailToThePromotion()
    {
        // Full coverage yes: once n1.1 is FAIL its slots are unserved and all eight live nodes turn FAIL, until n1.2
        // takes the slots (promoted 39.443 s), each node within 2 ms as its own pings and gossip tell it; n1.1, dead and never restarted, keeps the OK it had.
        var fail = Crash.Value.ClusterStateFail!;

        Assert.Equal(8, fail.Count);
        Assert.DoesNotContain(fail, f => f.Node == "n1.1");
        Assert.All(fail, f => Assert.InRange(f.FromSeconds, 38.657, 38.660));
        Assert.All(fail, f => Assert.InRange(f.ToSeconds, 39.442, 39.445));
        Assert.Equal(new ClusterStateInterval("n2.1", 38.658004, 39.443232), fail.Single(f => f.Node == "n2.1"));
    }

    [Fact]
    public void ClusterPrimaryCrash_Outputs_NameTheOtherShardsRefusals()
    {
        var result = Crash.Value;
        var report = ReportFixtures.Report(result);

        Assert.Equal(
            ["shard 2: n2.1 refused writes 38.7–39.4 s (cluster state fail)", "shard 3: n3.1 refused writes 38.7–39.4 s (cluster state fail)"],
            ClusterDownStretches.Sentences(result));
        Assert.Contains("shard 2: n2.1 refused writes 38.7–39.4 s (cluster state fail); shard 3:", MarkdownReport.Render(report), StringComparison.Ordinal);
        Assert.Contains(
            "\"clusterStateFail\": [\n        {\n          \"node\": \"n1.2\",\n          \"fromSeconds\": 38.658,\n          \"toSeconds\": 39.443\n        },",
            ResultsJsonWriter.ToJson(report),
            StringComparison.Ordinal);

        var svg = SvgText.Of(ChartRenderings.For(report).Svg(ChartKind.All.Single(k => k.Name == RolesChart.Name)));
        Assert.Contains(RolesChart.ClusterDownLabel, svg, StringComparison.Ordinal);
        Assert.Equal("primary, refuses writes (cluster state fail)", RolesChart.ClusterDownLabel);
        Assert.Contains("the failover up close, 38.158–39.944 s", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void ClusterPrimaryCrash_Gallery_AddsTheRolesChartBeforeTheLatency()
    {
        var picked = ChartGallery.Pick(ReportFixtures.Report(Crash.Value));

        Assert.Equal(["roles", "latency"], picked.Select(p => p.Chart));
        Assert.Equal(
            "self-hosted: node lanes grouped by shard; n2.1 and n3.1 refusing writes as primary (-CLUSTERDOWN) while their own "
            + "cluster state was FAIL (pale pink, up to 0.8 s), the failover up close below the overview",
            picked[0].Why);
    }

    [Fact]
    public void ClusterFullCoverageNo_NoNodeFails_AndTheChartHasNoRefusals()
    {
        // With full coverage no a node stays OK while n1.1's slots are unserved (a majority of primaries reachable).
        var result = Run("cluster-full-coverage.yaml");
        var svg = SvgText.Of(ChartRenderings.For(ReportFixtures.Report(result)).Svg(ChartKind.All.Single(k => k.Name == RolesChart.Name)));

        Assert.Empty(result.ClusterStateFail!);
        Assert.DoesNotContain(RolesChart.ClusterDownLabel, svg, StringComparison.Ordinal);
        Assert.Contains("\"clusterStateFail\": []", ResultsJsonWriter.ToJson(ReportFixtures.Report(result)), StringComparison.Ordinal);
    }

    [Fact]
    public void SentinelRun_HasNoClusterState_AndItsJsonNoField()
    {
        var spec = ScenarioLoader.Load(Path.Combine(RepositoryRoot.Path, "scenarios", "primary-crash.yaml")).World;
        var result = DeploymentPaths.Run(DeploymentPaths.SelfHosted, spec, 42, new RunOptions(KeepSamples: false));

        Assert.Null(result.ClusterStateFail);
        Assert.DoesNotContain("clusterStateFail", ResultsJsonWriter.ToJson(ReportFixtures.Report(result)), StringComparison.Ordinal);
        Assert.Empty(ClusterDownStretches.Sentences(result));
    }

    private static PathResult Run(string file)
    {
        var spec = ScenarioLoader.Load(Path.Combine(RepositoryRoot.Path, "scenarios", file)).World;
        return DeploymentPaths.Run(DeploymentPaths.SelfHosted, spec, 42, new RunOptions(KeepSamples: false));
    }
}
